import type { Database, Queryable } from '../db/db.ts';
import type { AppContext } from '../app/context.ts';
import { buildApp } from '../app/app.ts';
import { fixtureIdentityCheck } from '../person/identity.ts';
import { hashPassword, insertAccount } from '../auth/store.ts';
import type { Role } from '../auth/auth.ts';
import { makeIdNumber } from '../person/id-number.ts';

export const PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;

/** A clock the test moves by hand. */
export function testClock(start = '2024-11-05T02:00:00Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), set: (iso: string) => void (t = new Date(iso).getTime()) };
}

export interface World {
  institutions: { yqCity: string; yqMine: string; heze: string; suihua: string };
  teachers: { yqCity: string; heze: string };
  evaluators: { yq: string; yqSameAsTrainer: string; heze: string };
  enterprises: { yq: string; heze: string };
  accounts: Record<string, string>;
}

/** A listed institution licensed for 电工 5/4 and 养老护理员 5, with a 60 m² theory room. */
async function institution(tx: Queryable, name: string, city: string, region: string, credit: string, status = 'listed') {
  const { rows } = await tx.query(
    `INSERT INTO institution (city_code, region_code, name, kind, credit_code, licence_no, contact_name, contact_phone, status, created_at, updated_at)
     VALUES ($1, $2, $3, 'private_school', $4, 'LIC-1', '王老师', '13900000000', $5, now(), now()) RETURNING id`,
    [city, region, name, credit, status],
  );
  const id = rows[0].id as string;
  for (const [code, level] of [['6-31-01-03', 5], ['6-31-01-03', 4], ['4-10-01-05', 5]] as const) {
    await tx.query(`INSERT INTO institution_occupation (institution_id, occupation_code, level) VALUES ($1, $2, $3)`, [id, code, level]);
  }
  await tx.query(`INSERT INTO institution_venue (institution_id, name, kind, area_m2) VALUES ($1, '理论教室', 'theory', 60)`, [id]);
  return id;
}

async function teacher(tx: Queryable, institutionId: string, n: number) {
  const { rows } = await tx.query(
    `INSERT INTO teacher (institution_id, name, id_number, qualification) VALUES ($1, '张老师', $2, '高级技师') RETURNING id`,
    [institutionId, makeIdNumber('140302', '1975-03-03', 900 + n)],
  );
  return rows[0].id as string;
}

async function evaluator(tx: Queryable, name: string, credit: string, city = '140300', region = '140302') {
  const { rows } = await tx.query(
    `INSERT INTO evaluator (city_code, region_code, name, credit_code, status, created_at) VALUES ($3, $4, $1, $2, 'listed', now()) RETURNING id`,
    [name, credit, city, region],
  );
  await tx.query(`INSERT INTO evaluator_filing (evaluator_id, occupation_code, level) VALUES ($1, '6-31-01-03', 5)`, [rows[0].id]);
  return rows[0].id as string;
}

/**
 * Three cities: 阳泉 (140300) with counties 城区 140302 and 矿区 140303, 菏泽 (371700) with 牡丹区 371702, and
 * 绥化 (231200) with 北林区 231202.
 * One account per role and place, all with PASSWORD.
 */
export async function seedWorld(db: Database): Promise<World> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  return db.transaction(async (tx) => {
    const institutions = {
      yqCity: await institution(tx, '阳泉市城区惠民职业培训学校', '140300', '140302', '91140302MA0K00001A'),
      yqMine: await institution(tx, '阳泉市矿区技能培训学校', '140300', '140303', '91140303MA0K00002B'),
      heze: await institution(tx, '菏泽市牡丹区职业培训学校', '371700', '371702', '91371702MA0K00003C'),
      suihua: await institution(tx, '绥化市北林区职业技能培训学校', '231200', '231202', '52231202MA0K00004D'),
    };
    const teachers = { yqCity: await teacher(tx, institutions.yqCity, 1), heze: await teacher(tx, institutions.heze, 2) };
    const evaluators = {
      yq: await evaluator(tx, '阳泉市职业技能鉴定评价中心', '12140300MB0000001A'),
      // the same organisation as the trainer (same unified credit code): may not evaluate its own trainees
      yqSameAsTrainer: await evaluator(tx, '阳泉市城区惠民职业培训学校（评价）', '91140302MA0K00001A'),
      heze: await evaluator(tx, '菏泽市职业技能鉴定评价中心', '12371700MB0000009X', '371700', '371702'),
    };
    const enterprise = async (name: string, credit: string, city: string, region: string) => (await tx.query(
      `INSERT INTO enterprise (city_code, region_code, name, credit_code, has_training_capacity, created_at) VALUES ($1, $2, $3, $4, false, now()) RETURNING id`,
      [city, region, name, credit])).rows[0].id as string;
    const enterprises = {
      yq: await enterprise('阳泉市城区某制造有限公司', '91140302MA0K00011E', '140300', '140302'),
      heze: await enterprise('菏泽市牡丹区某制造有限公司', '91371702MA0K00012F', '371700', '371702'),
    };
    const accounts: Record<string, string> = {};
    const add = async (username: string, role: Role, region: string, extra: { institutionId?: string; evaluatorId?: string } = {}) => {
      const a = await insertAccount(tx, { username, passwordHash: hash, role, displayName: username, regionCode: region, ...extra }, new Date());
      accounts[username] = a.id;
    };
    await add('city_admin-yq', 'city_admin', '140300');
    await add('county_admin-yq', 'county_admin', '140302');
    await add('county_admin-yq-mine', 'county_admin', '140303');
    await add('reviewer-yq', 'reviewer', '140300');
    await add('finance-yq', 'finance', '140300');
    await add('inspector-yq', 'inspector', '140300');
    await add('institution-yq', 'institution', '140302', { institutionId: institutions.yqCity });
    await add('institution-yq-mine', 'institution', '140303', { institutionId: institutions.yqMine });
    await add('city_admin-hz', 'city_admin', '371700');
    await add('county_admin-hz', 'county_admin', '371702');
    await add('institution-hz', 'institution', '371702', { institutionId: institutions.heze });
    await add('evaluator-yq', 'evaluator', '140302', { evaluatorId: evaluators.yq });
    await add('evaluator-yq-trainer', 'evaluator', '140302', { evaluatorId: evaluators.yqSameAsTrainer });
    await add('county_admin-yq2', 'county_admin', '140302');
    await add('institution-sh', 'institution', '231202', { institutionId: institutions.suihua });
    await add('county_admin-sh', 'county_admin', '231202');
    await add('city_admin-sh', 'city_admin', '231200');
    await add('system_admin', 'system_admin', '000000');
    return { institutions, teachers, evaluators, enterprises, accounts };
  });
}

/**
 * One more place beyond the world: a listed institution of `region` and its accounts institution-KEY,
 * county_admin-KEY (at the region) and city_admin-KEY (at its city), all with PASSWORD.
 */
export async function seedPlace(db: Database, o: { key: string; city: string; region: string; name: string; creditCode: string }) {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  return db.transaction(async (tx) => {
    const institutionId = await institution(tx, o.name, o.city, o.region, o.creditCode);
    const add = (username: string, role: Role, region: string, extra: { institutionId?: string } = {}) =>
      insertAccount(tx, { username, passwordHash: hash, role, displayName: username, regionCode: region, ...extra }, new Date());
    await add(`institution-${o.key}`, 'institution', o.region, { institutionId });
    await add(`county_admin-${o.key}`, 'county_admin', o.region);
    await add(`city_admin-${o.key}`, 'city_admin', o.city);
    return { institutionId };
  });
}

/** A valid ID number for tests: a 阳泉 城区 birth register, distinct per n. */
export const testIdNumber = (n: number, region = '140302', birth = '1990-01-01') => makeIdNumber(region, birth, n);

/** The app on this store; with a demo clock (made from the test clock), `now` reads it, as `serve --demo` does. */
export async function testApp(db: Database, clock = testClock(), demoClock: AppContext['demoClock'] = null) {
  const ctx: AppContext = { db, now: demoClock?.now ?? clock.now, demoClock, identity: fixtureIdentityCheck(db), dataDir: null };
  const app = await buildApp(ctx, { webDir: '/nonexistent' });
  const cookies = new Map<string, string>();
  /** Signs in and remembers the cookie; `as(user)` gives headers for that user. */
  let logins = 0;
  const passwords = new Map<string, string>();
  async function login(username: string, password = PASSWORD) {
    passwords.set(username, password);
    // each sign-in from its own address, so that the login rate limit does not trip over test set-up
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, remoteAddress: `127.1.${Math.floor(logins / 250)}.${logins++ % 250}` });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((k) => k.name === 'peixun_session')!;
    cookies.set(username, `peixun_session=${c.value}`);
    return c.value;
  }
  const as = (username: string) => ({ cookie: cookies.get(username) ?? '' });
  /** Moves the clock and signs everyone in again (a session ends after 12 hours, so a jump of days ends them all). */
  async function travel(iso: string) {
    clock.set(iso);
    for (const [u, p] of passwords) await login(u, p);
  }
  return { app, ctx, clock, login, as, travel };
}

/** The same ID number with a wrong check character. */
export const withWrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/** A multipart/form-data body with text fields first, then one file (as browsers send it). */
export function multipart(file: { name: string; type: string; bytes: Buffer }, fields: Record<string, string> = {}) {
  const boundary = '----peixun-test-boundary';
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`);
  return {
    payload: Buffer.concat([...parts, head, file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
