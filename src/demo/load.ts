import { SYSTEM_CHAIN } from '../audit/audit.ts';
import type { Database, Queryable } from '../db/db.ts';
import { SYSTEM_ACTOR, type Role } from '../auth/auth.ts';
import { hashPassword, insertAccount } from '../auth/store.ts';
import { appendAudit } from '../audit/store.ts';
import { cityCodeOf, countiesOf } from '../registry/regions.ts';
import { generateDemo, mulberry32, SEED_REGIONS, type DemoData } from './generate.ts';
import { loadDemoCohorts } from './cohorts.ts';
import { demoLoadUnfinished, finishDemoLoad, insertDemoClock } from './clock.ts';

export const DEMO_SEED = 20241016;

/** Has anyone put data in this store (beyond the reference catalogues)? */
export async function storeHasData(db: Queryable): Promise<boolean> {
  const { rows } = await db.query(`SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM institution) + (SELECT count(*) FROM person) AS n`);
  return Number(rows[0].n) > 0;
}

/** Removes all operational data (keeps regions, the catalogue, the calendar and the migration record); the audit chain restarts. */
export async function resetStore(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
         AND tablename NOT IN ('schema_migration', 'region', 'occupation', 'city_occupation_mark', 'calendar_day', 'calendar_year')`,
    );
    // A reset wipes the store on purpose, audit chains included: the guards against truncation are lifted for it alone.
    await tx.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await tx.query(`ALTER TABLE audit_chain_head DISABLE TRIGGER USER`);
    await tx.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} CASCADE`);
    await tx.query(`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    await tx.query(`ALTER TABLE audit_chain_head ENABLE TRIGGER USER`);
  });
}

/** The role accounts of SPEC §5.1, named ROLE-CITY; bureau accounts sit at the city, or at 文水县 for wenshui. */
/** Display names read as a user would say them: the office by its place's name, officers by their own names. */
const BUREAU_ACCOUNTS: Array<[string, Role, (place: { city: string; county: string }) => string]> = [
  ['city_admin', 'city_admin', (p) => `${p.city}人社局`],
  ['county_admin', 'county_admin', (p) => `${p.county}人社局`],
  ['reviewer', 'reviewer', () => '王丽（经办人）'],
  ['reviewer2', 'reviewer', () => '李强（经办人）'],
  ['finance', 'finance', (p) => `${p.city}财政局`],
  ['inspector', 'inspector', () => '赵敏（监督检查）'],
];

/**
 * Loads the demo data set: organisations, persons and accounts in one transaction audited as one entry of the
 * system, then cohorts made through the workflow itself (each step audited), then the mark that the load is
 * complete (a load cut short is loaded again by `ensureDemo`). Returns a summary line.
 */
export async function loadDemo(db: Database, options: { password: string; now: Date; seed?: number }): Promise<string> {
  const data = generateDemo(mulberry32(options.seed ?? DEMO_SEED));
  const usernames: string[] = [];
  // Every demo account has the one demo password: one Argon2id hash serves them all (a changed password gets its own).
  const demoHash = await hashPassword(options.password);
  const hashFor = async (username: string) => {
    usernames.push(username);
    return demoHash;
  };
  const base = await db.transaction(async (tx) => {
    const ids = await insertOrganisations(tx, data, options.now);
    const personIds = await insertPersons(tx, data, ids.institutionsByRegion, options.now);
    // the national working-day calendar's keeper (系统管理员), at the country level
    await insertAccount(tx, { username: 'system_admin', passwordHash: await hashFor('system_admin'), role: 'system_admin', displayName: '系统管理员', regionCode: '000000' }, options.now);
    for (const seed of SEED_REGIONS) {
      const city = seed.cityCode;
      const county = seed.code !== city ? seed.code : countiesOf(city)[0].code;
      const place = { city: seed.name, county: seed.code !== city ? seed.name : countiesOf(city)[0].name };
      for (const [prefix, role, title] of BUREAU_ACCOUNTS) {
        const region = role === 'county_admin' || seed.code !== city ? county : city;
        const username = `${prefix}-${seed.key}`;
        await insertAccount(tx, { username, passwordHash: await hashFor(username), role, displayName: title(place), regionCode: region }, options.now);
      }
      const inst = data.institutions.findIndex((i) => i.regionCode === seed.code && i.status === 'listed');
      const evaluator = data.evaluators.findIndex((e) => e.regionCode === seed.code);
      const enterprise = data.enterprises.findIndex((e) => e.regionCode === seed.code);
      const person = data.persons.findIndex((p) => p.regionCode === seed.code);
      const org: Array<[string, Role, string, Record<string, string>]> = [
        ['institution', 'institution', data.institutions[inst].countyCode, { institutionId: ids.institutions[inst] }],
        ['evaluator', 'evaluator', data.evaluators[evaluator].countyCode, { evaluatorId: ids.evaluators[evaluator] }],
        ['enterprise', 'enterprise', data.enterprises[enterprise].countyCode, { enterpriseId: ids.enterprises[enterprise] }],
        ['trainee', 'trainee', data.persons[person].householdRegionCode, { personId: personIds[person] }],
      ];
      for (const [prefix, role, region, link] of org) {
        const username = `${prefix}-${seed.key}`;
        const name = prefix === 'institution' ? data.institutions[inst].name : prefix === 'evaluator' ? data.evaluators[evaluator].name
          : prefix === 'enterprise' ? data.enterprises[enterprise].name : data.persons[person].name;
        await insertAccount(tx, { username, passwordHash: await hashFor(username), role, displayName: name, regionCode: region, ...link }, options.now);
      }
    }
    const summary = `demo data loaded: ${data.institutions.length} institutions, ${data.evaluators.length} evaluators, ` +
      `${data.enterprises.length} enterprises, ${data.persons.length} persons, ${usernames.length} accounts (password from PEIXUN_DEMO_PASSWORD)`;
    await insertDemoClock(tx, options.now);
    await appendAudit(tx, { cityCode: SYSTEM_CHAIN, at: options.now, actorId: null, actor: SYSTEM_ACTOR.username, action: 'demo.load', entity: 'store', entityId: 'demo', after: { seed: options.seed ?? DEMO_SEED, accounts: usernames, summary } });
    return summary;
  });
  const cohorts = await loadDemoCohorts(db, options.now);
  await finishDemoLoad(db, options.now);
  return `${base}; ${cohorts}`;
}

/**
 * What `serve --demo` does before serving: an empty store gets the demo, a store whose demo load was cut short gets
 * it again from the start, any other store is left alone. Returns what it did, or null.
 */
export async function ensureDemo(db: Database, options: { password: string; now: Date; announce?: (line: string) => void }): Promise<string | null> {
  if (await demoLoadUnfinished(db)) {
    options.announce?.('an earlier demo load did not finish: removing its data and loading the demo again…');
    await resetStore(db);
  } else if (await storeHasData(db)) return null;
  else options.announce?.('empty store: loading the demo data (first start only)…');
  return loadDemo(db, options);
}

async function insertOrganisations(tx: Queryable, data: DemoData, now: Date) {
  const institutions: string[] = [];
  const institutionsByRegion = new Map<string, string[]>();
  for (const i of data.institutions) {
    const { rows } = await tx.query(
      `INSERT INTO institution (city_code, region_code, name, kind, credit_code, licence_no, licence_valid_until, contact_name,
         contact_phone, address, status, contract_start, contract_end, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
      [cityCodeOf(i.countyCode), i.countyCode, i.name, i.kind, i.creditCode, i.licenceNo, i.licenceValidTo, i.contactPerson,
        i.contactPhone, i.address, i.status, i.contractStart, i.contractEnd, now],
    );
    const id = rows[0].id as string;
    institutions.push(id);
    if (i.status === 'listed') institutionsByRegion.set(i.regionCode, [...(institutionsByRegion.get(i.regionCode) ?? []), id]);
    for (const v of i.venues) await tx.query(`INSERT INTO institution_venue (institution_id, name, kind, area_m2) VALUES ($1, $2, $3, $4)`, [id, v.name, v.kind, v.areaM2]);
    for (const e of i.equipment) await tx.query(`INSERT INTO institution_equipment (institution_id, name, quantity) VALUES ($1, $2, $3)`, [id, e.name, e.quantity]);
    for (const t of i.teachers) await tx.query(`INSERT INTO teacher (institution_id, name, id_number, qualification, certificate_no) VALUES ($1, $2, $3, $4, $5)`, [id, t.name, t.idNumber, t.qualification, t.certificateNo]);
    for (const o of i.occupations) {
      for (const level of o.levels.length ? o.levels : [0]) {
        await tx.query(`INSERT INTO institution_occupation (institution_id, occupation_code, level) VALUES ($1, $2, $3)`, [id, o.occupationCode, level]);
      }
    }
  }
  const evaluators: string[] = [];
  for (const e of data.evaluators) {
    const { rows } = await tx.query(
      `INSERT INTO evaluator (city_code, region_code, name, credit_code, status, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [cityCodeOf(e.countyCode), e.countyCode, e.name, e.creditCode, e.status, now],
    );
    evaluators.push(rows[0].id);
    for (const f of e.filings) {
      await tx.query(`INSERT INTO evaluator_filing (evaluator_id, occupation_code, level) VALUES ($1, $2, $3)`, [rows[0].id, f.occupationCode, f.level ?? 0]);
    }
  }
  const enterprises: string[] = [];
  for (const e of data.enterprises) {
    const { rows } = await tx.query(
      `INSERT INTO enterprise (city_code, region_code, name, credit_code, has_training_capacity, delegate_institution_id, split_num, split_den, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [cityCodeOf(e.countyCode), e.countyCode, e.name, e.creditCode, e.hasTrainingCapacity,
        e.delegateInstitutionIndex === null ? null : institutions[e.delegateInstitutionIndex],
        e.subsidySplit?.institutionNum ?? null, e.subsidySplit?.den ?? null, now],
    );
    enterprises.push(rows[0].id);
  }
  return { institutions, institutionsByRegion, evaluators, enterprises };
}

/**
 * Persons are registered in their household county and linked, round robin, to a listed institution of their city.
 * One multi-row statement per table (the first start waits for this load).
 */
async function insertPersons(tx: Queryable, data: DemoData, institutionsByRegion: Map<string, string[]>, now: Date) {
  const ps = data.persons;
  const { rows } = await tx.query(
    `INSERT INTO person (id_number, name, gender, birth_date, phone, household_region_code, region_code, city_code, education,
       groups, employment_status, employment_card_no, created_at, updated_at)
     SELECT x.id_number, x.name, x.gender, x.birth_date, x.phone, x.region, x.region, x.city, x.education,
            ARRAY(SELECT jsonb_array_elements_text(x.groups)), x.status, x.card, $12, $12
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[])
         WITH ORDINALITY AS x(id_number, name, gender, birth_date, phone, region, city, education, groups, status, card, n)
      ORDER BY x.n RETURNING id, id_number`,
    [ps.map((p) => p.idNumber), ps.map((p) => p.name), ps.map((p) => p.gender), ps.map((p) => p.birthDate), ps.map((p) => p.phone),
      ps.map((p) => p.householdRegionCode), ps.map((p) => cityCodeOf(p.householdRegionCode)), ps.map((p) => p.education),
      ps.map((p) => JSON.stringify(p.groups)), ps.map((p) => p.employmentStatus), ps.map((p) => p.employmentCardNo), now],
  );
  const byIdNumber = new Map(rows.map((r) => [r.id_number as string, r.id as string]));
  const ids = ps.map((p) => byIdNumber.get(p.idNumber)!);
  const links = ps.flatMap((p, n) => {
    const candidates = institutionsByRegion.get(p.regionCode) ?? [];
    return candidates.length ? [[ids[n], candidates[n % candidates.length]]] : [];
  });
  await tx.query(`INSERT INTO person_institution (person_id, institution_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [links.map((l) => l[0]), links.map((l) => l[1])]);
  const f = data.identityFixtures;
  await tx.query(
    `INSERT INTO identity_fixture (id_number, draws_monthly_pension, social_insurance_employer, household_region_code) SELECT * FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[])`,
    [f.map((x) => x.idNumber), f.map((x) => x.drawsMonthlyPension), f.map((x) => x.socialInsuranceEmployer), f.map((x) => x.householdRegionCode)],
  );
  return ids;
}
