import type { Queryable } from '../db/db.ts';
import type { Actor } from '../auth/auth.ts';
import { scopeCondition } from '../auth/scope.ts';
import type { Person } from './person.ts';

const toPerson = (r: any): Person => ({
  id: r.id, idNumber: r.id_number, name: r.name, gender: r.gender, birthDate: r.birth_date, phone: r.phone,
  householdRegionCode: r.household_region_code, regionCode: r.region_code, cityCode: r.city_code, education: r.education,
  groups: r.groups ?? [], employmentStatus: r.employment_status, employmentCardNo: r.employment_card_no,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

/** The persons an actor may open (`p` is the person row). */
export const personScope = (actor: Actor, params: unknown[]) => scopeCondition(actor, {
  city: 'p.city_code',
  region: 'p.region_code',
  institution: (id) => `EXISTS (SELECT 1 FROM person_institution pi WHERE pi.person_id = p.id AND pi.institution_id = ${id})`,
  self: (id) => `p.id = ${id}`,
}, params);

/** Digits (and an ID number's final X): never matched by part. */
const looksLikeNumber = (q: string) => /^[0-9xX*]+$/.test(q) && /\d/.test(q);
const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface PersonFilter {
  q?: string;
  regionCode?: string;
  group?: string;
  page: number;
  pageSize: number;
}

export async function searchPersons(db: Queryable, actor: Actor, f: PersonFilter) {
  const params: unknown[] = [];
  const where = [personScope(actor, params)];
  if (f.q) {
    // ID numbers and phones match only as whole values: a part would make search an oracle for masked digits.
    if (looksLikeNumber(f.q)) {
      params.push(f.q.toUpperCase());
      where.push(`(p.id_number = $${params.length} OR p.phone = $${params.length})`);
    } else {
      params.push(`%${escapeLike(f.q)}%`);
      where.push(`p.name LIKE $${params.length}`);
    }
  }
  if (f.regionCode) {
    params.push(f.regionCode);
    where.push(`(p.region_code = $${params.length} OR p.city_code = $${params.length})`);
  }
  if (f.group) {
    params.push(f.group);
    where.push(`$${params.length} = ANY (p.groups)`);
  }
  const sql = `FROM person p WHERE ${where.join(' AND ')}`;
  const { rows: [{ total }] } = await db.query(`SELECT count(*)::int AS total ${sql}`, params);
  const { rows } = await db.query(`SELECT p.* ${sql} ORDER BY p.created_at DESC, p.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`, params);
  return { items: rows.map(toPerson), total: total as number };
}

/** One person if within the actor's scope (out of scope reads as absent: no existence leaks). */
export async function getPersonInScope(db: Queryable, actor: Actor, id: string): Promise<Person | undefined> {
  const params: unknown[] = [id];
  const { rows } = await db.query(`SELECT p.* FROM person p WHERE p.id = $1 AND ${personScope(actor, params)}`, params);
  return rows[0] ? toPerson(rows[0]) : undefined;
}

export async function findPersonByIdNumber(db: Queryable, idNumber: string): Promise<Person | undefined> {
  const { rows } = await db.query(`SELECT * FROM person WHERE id_number = $1`, [idNumber]);
  return rows[0] ? toPerson(rows[0]) : undefined;
}

export async function findPersonsByIdNumbers(db: Queryable, idNumbers: string[]): Promise<Person[]> {
  if (!idNumbers.length) return [];
  const { rows } = await db.query(`SELECT * FROM person WHERE id_number = ANY ($1::text[])`, [idNumbers]);
  return rows.map(toPerson);
}

export type NewPerson = Omit<Person, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertPerson(tx: Queryable, p: NewPerson, now: Date): Promise<Person> {
  const { rows } = await tx.query(
    `INSERT INTO person (id_number, name, gender, birth_date, phone, household_region_code, region_code, city_code,
       education, groups, employment_status, employment_card_no, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING *`,
    [p.idNumber, p.name, p.gender, p.birthDate, p.phone, p.householdRegionCode, p.regionCode, p.cityCode, p.education,
      p.groups, p.employmentStatus, p.employmentCardNo, now],
  );
  return toPerson(rows[0]);
}

const COLUMNS: Record<string, string> = {
  name: 'name', phone: 'phone', householdRegionCode: 'household_region_code', regionCode: 'region_code', cityCode: 'city_code',
  education: 'education', groups: 'groups', employmentStatus: 'employment_status', employmentCardNo: 'employment_card_no',
};

export async function updatePerson(tx: Queryable, id: string, patch: Partial<NewPerson>, now: Date): Promise<Person> {
  const sets: string[] = [];
  const params: unknown[] = [id, now];
  for (const [key, value] of Object.entries(patch)) {
    const col = COLUMNS[key];
    if (!col || value === undefined) continue;
    params.push(value);
    sets.push(`${col} = $${params.length}`);
  }
  const { rows } = await tx.query(`UPDATE person SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING *`, params);
  return toPerson(rows[0]);
}

export async function linkPersonToInstitution(tx: Queryable, personId: string, institutionId: string) {
  await tx.query(`INSERT INTO person_institution (person_id, institution_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [personId, institutionId]);
}

/** Locks the row so that two concurrent edits of one person apply one after the other. */
export async function lockPerson(tx: Queryable, id: string): Promise<Person | undefined> {
  const { rows } = await tx.query(`SELECT * FROM person WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ? toPerson(rows[0]) : undefined;
}
