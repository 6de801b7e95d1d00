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
  institutions: { yqCity: string; yqMine: string; heze: string };
  accounts: Record<string, string>;
}

async function institution(tx: Queryable, name: string, city: string, region: string, credit: string, status = 'listed') {
  const { rows } = await tx.query(
    `INSERT INTO institution (city_code, region_code, name, kind, credit_code, licence_no, contact_name, contact_phone, status, created_at, updated_at)
     VALUES ($1, $2, $3, 'private_school', $4, 'LIC-1', '王老师', '13900000000', $5, now(), now()) RETURNING id`,
    [city, region, name, credit, status],
  );
  return rows[0].id as string;
}

/**
 * Two cities: 阳泉 (140300) with counties 城区 140302 and 矿区 140303, and 菏泽 (371700) with 牡丹区 371702.
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
    };
    const accounts: Record<string, string> = {};
    const add = async (username: string, role: Role, region: string, extra: { institutionId?: string } = {}) => {
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
    await add('evaluator-yq', 'evaluator', '140300');
    return { institutions, accounts };
  });
}

/** A valid ID number for tests: a 阳泉 城区 birth register, distinct per n. */
export const testIdNumber = (n: number, region = '140302', birth = '1990-01-01') => makeIdNumber(region, birth, n);

export async function testApp(db: Database, clock = testClock()) {
  const ctx: AppContext = { db, now: clock.now, identity: fixtureIdentityCheck(db), dataDir: null };
  const app = await buildApp(ctx, { webDir: '/nonexistent' });
  const cookies = new Map<string, string>();
  /** Signs in and remembers the cookie; `as(user)` gives headers for that user. */
  async function login(username: string, password = PASSWORD) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((k) => k.name === 'peixun_session')!;
    cookies.set(username, `peixun_session=${c.value}`);
    return c.value;
  }
  const as = (username: string) => ({ cookie: cookies.get(username) ?? '' });
  return { app, ctx, clock, login, as };
}

/** The same ID number with a wrong check character. */
export const withWrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
