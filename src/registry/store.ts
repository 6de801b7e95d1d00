import type { Queryable } from '../db/db.ts';
import { AppError } from '../shared/errors.ts';
import { isBureau, type Actor } from '../auth/auth.ts';
import { scopeCondition } from '../auth/scope.ts';
import type { InstitutionInput, InstitutionStatus, VenueGeofence } from './institution.ts';

export interface Institution {
  id: string;
  cityCode: string;
  regionCode: string;
  name: string;
  kind: string;
  creditCode: string;
  licenceNo: string;
  licenceValidUntil: string | null;
  contactName: string;
  contactPhone: string;
  address: string;
  status: InstitutionStatus;
  contractStart: string | null;
  contractEnd: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InstitutionDetail extends Institution {
  venues: { id: string; name: string; kind: 'theory' | 'practical'; areaM2: number; geofence: VenueGeofence | null }[];
  equipment: { id: string; name: string; quantity: number }[];
  teachers: { id: string; name: string; idNumber: string; qualification: string; certificateNo: string }[];
  occupations: { occupationCode: string; name: string; level: number }[];
}

const toInstitution = (r: any): Institution => ({
  id: r.id, cityCode: r.city_code, regionCode: r.region_code, name: r.name, kind: r.kind, creditCode: r.credit_code,
  licenceNo: r.licence_no, licenceValidUntil: r.licence_valid_until, contactName: r.contact_name, contactPhone: r.contact_phone,
  address: r.address, status: r.status, contractStart: r.contract_start, contractEnd: r.contract_end,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

/** Bureau: its region; an institution: itself; other accounts: the listed institutions of their city (public facts). */
function institutionScope(actor: Actor, params: unknown[]): string {
  if (isBureau(actor) || actor.role === 'institution') {
    return scopeCondition(actor, { city: 'i.city_code', region: 'i.region_code', institution: (id) => `i.id = ${id}` }, params);
  }
  params.push(actor.cityCode);
  return `(i.city_code = $${params.length} AND i.status = 'listed')`;
}

export interface InstitutionFilter {
  q?: string;
  status?: InstitutionStatus;
  regionCode?: string;
  occupationCode?: string;
  page: number;
  pageSize: number;
}

export async function searchInstitutions(db: Queryable, actor: Actor | null, f: InstitutionFilter) {
  const params: unknown[] = [];
  const where = [actor ? institutionScope(actor, params) : `i.status = 'listed'`];
  const add = (value: unknown, cond: (p: string) => string) => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (f.q) add(`%${f.q}%`, (p) => `i.name LIKE ${p}`);
  if (f.status) add(f.status, (p) => `i.status = ${p}`);
  if (f.regionCode) add(f.regionCode, (p) => `(i.region_code = ${p} OR i.city_code = ${p})`);
  if (f.occupationCode) add(f.occupationCode, (p) => `EXISTS (SELECT 1 FROM institution_occupation io WHERE io.institution_id = i.id AND io.occupation_code = ${p})`);
  const sql = `FROM institution i WHERE ${where.join(' AND ')}`;
  const { rows: [{ total }] } = await db.query(`SELECT count(*)::int AS total ${sql}`, params);
  const { rows } = await db.query(
    `SELECT i.*, (SELECT coalesce(array_agg(DISTINCT o.name), '{}') FROM institution_occupation io JOIN occupation o ON o.code = io.occupation_code WHERE io.institution_id = i.id) AS occupation_names
     ${sql} ORDER BY i.city_code, i.region_code, i.created_at, i.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    params,
  );
  return { items: rows.map((r) => ({ ...toInstitution(r), occupationNames: r.occupation_names as string[] })), total: total as number };
}

export async function getInstitutionInScope(db: Queryable, actor: Actor, id: string): Promise<Institution | undefined> {
  const params: unknown[] = [id];
  const { rows } = await db.query(`SELECT i.* FROM institution i WHERE i.id = $1 AND ${institutionScope(actor, params)}`, params);
  return rows[0] ? toInstitution(rows[0]) : undefined;
}

export async function lockInstitution(tx: Queryable, id: string): Promise<Institution | undefined> {
  const { rows } = await tx.query(`SELECT * FROM institution WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ? toInstitution(rows[0]) : undefined;
}

export async function institutionDetail(db: Queryable, inst: Institution): Promise<InstitutionDetail> {
  // One after the other: inside a transaction they share one connection.
  const venues = await db.query(`SELECT id, name, kind, area_m2, lat, lng, geofence_radius_m FROM institution_venue WHERE institution_id = $1 ORDER BY kind, name, id`, [inst.id]);
  const equipment = await db.query(`SELECT id, name, quantity FROM institution_equipment WHERE institution_id = $1 ORDER BY name`, [inst.id]);
  const teachers = await db.query(`SELECT id, name, id_number AS "idNumber", qualification, certificate_no AS "certificateNo" FROM teacher WHERE institution_id = $1 ORDER BY name`, [inst.id]);
  const occupations = await db.query(`SELECT io.occupation_code AS "occupationCode", o.name, io.level FROM institution_occupation io JOIN occupation o ON o.code = io.occupation_code WHERE io.institution_id = $1 ORDER BY io.occupation_code, io.level DESC`, [inst.id]);
  return { ...inst, venues: venues.rows.map(toVenue), equipment: equipment.rows as any, teachers: teachers.rows as any, occupations: occupations.rows as any };
}

type InstitutionRow = Omit<InstitutionInput, 'venues' | 'equipment' | 'teachers' | 'occupations'> & { cityCode: string; status?: InstitutionStatus };

export async function insertInstitution(tx: Queryable, i: InstitutionRow, now: Date): Promise<Institution> {
  const { rows } = await tx.query(
    `INSERT INTO institution (city_code, region_code, name, kind, credit_code, licence_no, licence_valid_until, contact_name,
       contact_phone, address, status, contract_start, contract_end, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING *`,
    [i.cityCode, i.regionCode, i.name, i.kind, i.creditCode, i.licenceNo, i.licenceValidUntil ?? null, i.contactName,
      i.contactPhone, i.address, i.status ?? 'applied', i.contractStart ?? null, i.contractEnd ?? null, now],
  );
  return toInstitution(rows[0]);
}

export async function updateInstitutionRow(tx: Queryable, id: string, i: InstitutionRow, now: Date): Promise<Institution> {
  const { rows } = await tx.query(
    `UPDATE institution SET city_code = $2, region_code = $3, name = $4, kind = $5, credit_code = $6, licence_no = $7,
       licence_valid_until = $8, contact_name = $9, contact_phone = $10, address = $11, contract_start = $12, contract_end = $13,
       updated_at = $14 WHERE id = $1 RETURNING *`,
    [id, i.cityCode, i.regionCode, i.name, i.kind, i.creditCode, i.licenceNo, i.licenceValidUntil ?? null, i.contactName,
      i.contactPhone, i.address, i.contractStart ?? null, i.contractEnd ?? null, now],
  );
  return toInstitution(rows[0]);
}

const toVenue = (r: any): InstitutionDetail['venues'][number] => ({
  id: r.id, name: r.name, kind: r.kind, areaM2: r.area_m2,
  geofence: r.lat === null ? null : { lat: Number(r.lat), lng: Number(r.lng), radiusM: r.geofence_radius_m },
});

/**
 * Venues keep their ids across saves, because devices are bound to them: a venue sent with its id, or else with the
 * name and kind of a registered one, is updated in place (its geofence kept unless sent); the others are added.
 * A venue left out is removed, unless a device is bound to it.
 */
async function replaceVenues(tx: Queryable, institutionId: string, venues: InstitutionInput['venues']) {
  const { rows } = await tx.query(`SELECT id, name, kind FROM institution_venue WHERE institution_id = $1 ORDER BY id`, [institutionId]);
  const free = new Map(rows.map((r) => [r.id as string, r as { id: string; name: string; kind: string }]));
  const matched = venues.map((v) => {
    const hit = (v.id && free.get(v.id)) || [...free.values()].find((r) => r.name === v.name && r.kind === v.kind);
    if (hit) free.delete(hit.id);
    return hit?.id;
  });
  const gone = [...free.keys()];
  if (gone.length) {
    const { rows: bound } = await tx.query(
      `SELECT DISTINCT v.name FROM institution_venue v JOIN device d ON d.venue_id = v.id WHERE v.id = ANY($1::uuid[]) ORDER BY v.name`, [gone]);
    if (bound.length) {
      const names = bound.map((r) => r.name as string);
      throw new AppError('conflict', `venues: ${names.join('、')} 已绑定设备，不能删除`, { field: 'venues', venues: names });
    }
    await tx.query(`DELETE FROM institution_venue WHERE id = ANY($1::uuid[])`, [gone]);
  }
  for (const [n, v] of venues.entries()) {
    const g = v.geofence;
    const place = g === undefined ? null : [g?.lat ?? null, g?.lng ?? null, g?.radiusM ?? null];
    if (matched[n]) {
      await tx.query(
        `UPDATE institution_venue SET name = $2, kind = $3, area_m2 = $4${place ? ', lat = $5, lng = $6, geofence_radius_m = $7' : ''} WHERE id = $1`,
        [matched[n], v.name, v.kind, v.areaM2, ...(place ?? [])]);
    } else {
      await tx.query(`INSERT INTO institution_venue (institution_id, name, kind, area_m2, lat, lng, geofence_radius_m) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [institutionId, v.name, v.kind, v.areaM2, ...(place ?? [null, null, null])]);
    }
  }
}

/**
 * Equipment and licensed occupations are replaced as a whole on each save. Teachers are kept by their ID
 * number (lessons refer to them by id): updated in place, added, or removed only when no lesson names them.
 */
/** Registered teachers' whole ID numbers by teacher id. */
export async function teacherIdNumbers(db: Queryable, institutionId: string): Promise<Map<string, string>> {
  const { rows } = await db.query(`SELECT id, id_number FROM teacher WHERE institution_id = $1`, [institutionId]);
  return new Map(rows.map((r) => [r.id as string, r.id_number as string]));
}

export async function replaceInstitutionParts(tx: Queryable, id: string, parts: Pick<InstitutionInput, 'venues' | 'equipment' | 'teachers' | 'occupations'>) {
  await replaceVenues(tx, id, parts.venues);
  for (const table of ['institution_equipment', 'institution_occupation']) {
    await tx.query(`DELETE FROM ${table} WHERE institution_id = $1`, [id]);
  }
  for (const e of parts.equipment) await tx.query(`INSERT INTO institution_equipment (institution_id, name, quantity) VALUES ($1, $2, $3)`, [id, e.name, e.quantity]);
  const kept = parts.teachers.map((t) => t.idNumber);
  const { rows: referenced } = await tx.query(
    `SELECT t.name FROM teacher t WHERE t.institution_id = $1 AND NOT (t.id_number = ANY($2::text[]))
       AND EXISTS (SELECT 1 FROM lesson l WHERE l.teacher_id = t.id) ORDER BY t.name`, [id, kept]);
  if (referenced.length) {
    const names = referenced.map((r) => r.name as string);
    throw new AppError('conflict', `teachers: ${names.join('、')} 已排入课表，不能删除`, { field: 'teachers', teachers: names });
  }
  await tx.query(`DELETE FROM teacher WHERE institution_id = $1 AND NOT (id_number = ANY($2::text[]))`, [id, kept]);
  for (const t of parts.teachers) {
    await tx.query(
      `INSERT INTO teacher (institution_id, name, id_number, qualification, certificate_no) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (institution_id, id_number) DO UPDATE SET name = EXCLUDED.name, qualification = EXCLUDED.qualification, certificate_no = EXCLUDED.certificate_no`,
      [id, t.name, t.idNumber, t.qualification, t.certificateNo]);
  }
  for (const o of parts.occupations) await tx.query(`INSERT INTO institution_occupation (institution_id, occupation_code, level) VALUES ($1, $2, $3)`, [id, o.occupationCode, o.level]);
}

export async function setInstitutionStatus(tx: Queryable, id: string, status: InstitutionStatus, now: Date): Promise<Institution> {
  const { rows } = await tx.query(`UPDATE institution SET status = $2, updated_at = $3 WHERE id = $1 RETURNING *`, [id, status, now]);
  return toInstitution(rows[0]);
}

export async function occupationsByCode(db: Queryable, codes: string[]) {
  const { rows } = await db.query(`SELECT code, name, kind, levels FROM occupation WHERE code = ANY ($1::text[])`, [codes]);
  return new Map(rows.map((r) => [r.code as string, r as { code: string; name: string; kind: string; levels: number[] }]));
}

export async function listOccupations(db: Queryable, cityCode: string | null, q?: string) {
  const { rows } = await db.query(
    `SELECT o.code, o.name, o.kind, o.levels, coalesce(m.urgent, false) AS urgent, coalesce(m.shortage, false) AS shortage
       FROM occupation o LEFT JOIN city_occupation_mark m ON m.occupation_code = o.code AND m.city_code = $1
      WHERE ($2::text IS NULL OR o.name LIKE '%' || $2 || '%' OR o.code LIKE $2 || '%')
      ORDER BY o.code`,
    [cityCode, q ?? null],
  );
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, levels: r.levels as number[], urgent: r.urgent, shortage: r.shortage }));
}
