import type { Queryable } from '../db/db.ts';
import type { Actor } from '../auth/auth.ts';
import { scopeCondition } from '../auth/scope.ts';
import type { CohortState } from '../cohort/cohort.ts';
import type { InspectionKind, InspectionState, Pick, PoolCohort, PoolInspector } from './inspection.ts';

export interface Draw {
  id: string; cityCode: string; seed: number; kind: InspectionKind; cohortCount: number; inspectorsPerCohort: number;
  cohortPool: PoolCohort[]; inspectorPool: PoolInspector[]; picks: Pick[]; drawnBy: string; drawnAt: string;
}

const toDraw = (r: any): Draw => ({
  id: r.id, cityCode: r.city_code, seed: Number(r.seed), kind: r.kind, cohortCount: r.cohort_count, inspectorsPerCohort: r.inspectors_per_cohort,
  cohortPool: r.cohort_pool, inspectorPool: r.inspector_pool, picks: r.picks, drawnBy: r.drawn_by, drawnAt: r.drawn_at,
});

/** The cohorts a draw of this place chooses from (every cohort of the place, the pool rule decides in or out). */
export async function cohortsOfPlace(db: Queryable, actor: Actor) {
  const params: unknown[] = [];
  const scope = scopeCondition(actor, { city: 'c.city_code', region: 'c.region_code' }, params);
  const { rows } = await db.query(
    `SELECT c.id, c.name, c.state, i.name AS institution FROM cohort c JOIN institution i ON i.id = c.institution_id
      WHERE ${scope} AND c.state IN ('opening_approved', 'in_training', 'completion_submitted', 'opening_county_approved') ORDER BY c.id LIMIT 5000`, params);
  return rows.map((r) => ({ id: r.id as string, name: r.name as string, institution: r.institution as string, state: r.state as CohortState }));
}

export async function insertDraw(tx: Queryable, d: Omit<Draw, 'id' | 'drawnAt'>, now: Date): Promise<Draw> {
  const { rows } = await tx.query(
    `INSERT INTO inspection_draw (city_code, seed, kind, cohort_count, inspectors_per_cohort, cohort_pool, inspector_pool, picks, drawn_by, drawn_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [d.cityCode, d.seed, d.kind, d.cohortCount, d.inspectorsPerCohort, JSON.stringify(d.cohortPool), JSON.stringify(d.inspectorPool), JSON.stringify(d.picks), d.drawnBy, now],
  );
  return toDraw(rows[0]);
}

export async function getDraw(db: Queryable, id: string, cityCode?: string): Promise<Draw | undefined> {
  const { rows } = await db.query(`SELECT * FROM inspection_draw WHERE id = $1 AND ($2::text IS NULL OR city_code = $2)`, [id, cityCode ?? null]);
  return rows[0] ? toDraw(rows[0]) : undefined;
}

export interface Inspection {
  id: string; cityCode: string; drawId: string; cohortId: string; cohortName: string; institutionId: string; institutionName: string;
  kind: InspectionKind; inspectorIds: string[]; inspectorNames: string[]; state: InspectionState; approvedHeadcount: number | null; seenHeadcount: number | null;
  teacher: string | null; findings: string | null; inspectedOn: string | null; publishedAt: string | null; objection: string | null;
  cohortStartDate: string;
}

const SELECT = `SELECT n.*, c.name AS cohort_name, c.institution_id, c.start_date, i.name AS institution_name,
    (SELECT array_agg(a.display_name ORDER BY a.display_name) FROM account a WHERE a.id = ANY (n.inspector_ids)) AS inspector_names
  FROM inspection n JOIN cohort c ON c.city_code = n.city_code AND c.id = n.cohort_id JOIN institution i ON i.id = c.institution_id`;

const toInspection = (r: any): Inspection => ({
  id: r.id, cityCode: r.city_code, drawId: r.draw_id, cohortId: r.cohort_id, cohortName: r.cohort_name, institutionId: r.institution_id,
  institutionName: r.institution_name, kind: r.kind, inspectorIds: r.inspector_ids, inspectorNames: r.inspector_names ?? [], state: r.state, approvedHeadcount: r.approved_headcount,
  seenHeadcount: r.seen_headcount, teacher: r.teacher, findings: r.findings, inspectedOn: r.inspected_on, publishedAt: r.published_at,
  objection: r.objection, cohortStartDate: r.start_date,
});

export async function insertInspection(tx: Queryable, i: { cityCode: string; drawId: string; cohortId: string; kind: string; inspectorIds: string[] }) {
  await tx.query(
    `INSERT INTO inspection (city_code, draw_id, cohort_id, kind, inspector_ids, state, approved_headcount)
     SELECT $1, $2, $3, $4, $5::uuid[], 'planned', approved_headcount FROM cohort WHERE city_code = $1 AND id = $3`,
    [i.cityCode, i.drawId, i.cohortId, i.kind, i.inspectorIds]);
}

/** Bureaus by place; an institution only its own results once published (a 双随机 check is not announced). */
const inspectionScope = (actor: Actor, params: unknown[]) =>
  scopeCondition(actor, { city: 'n.city_code', region: 'c.region_code', institution: (p) => `c.institution_id = ${p} AND n.state = 'published'` }, params);

export async function listInspections(db: Queryable, actor: Actor, f: { drawId?: string; limit: number }) {
  const params: unknown[] = [];
  const where = [inspectionScope(actor, params)];
  if (f.drawId) where.push(`n.draw_id = $${params.push(f.drawId)}`);
  const { rows } = await db.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY n.draw_id, n.id LIMIT ${f.limit}`, params);
  return rows.map(toInspection);
}

export async function getInspectionInScope(db: Queryable, actor: Actor, id: string, lock = false) {
  const params: unknown[] = [id];
  const { rows } = await db.query(`${SELECT} WHERE n.id = $1 AND ${inspectionScope(actor, params)}${lock ? ' FOR UPDATE OF n' : ''}`, params);
  return rows[0] ? toInspection(rows[0]) : undefined;
}

export async function recordInspection(tx: Queryable, i: Inspection, r: { seenHeadcount: number; teacher: string; findings: string; inspectedOn: string }, by: string) {
  await tx.query(
    `UPDATE inspection SET state = 'recorded', seen_headcount = $3, teacher = $4, findings = $5, inspected_on = $6, recorded_by = $7 WHERE city_code = $1 AND id = $2`,
    [i.cityCode, i.id, r.seenHeadcount, r.teacher, r.findings, r.inspectedOn, by]);
}

export async function publishInspection(tx: Queryable, i: Inspection, now: Date) {
  await tx.query(`UPDATE inspection SET state = 'published', published_at = $3 WHERE city_code = $1 AND id = $2`, [i.cityCode, i.id, now]);
}

export async function objectToInspection(tx: Queryable, i: Inspection, text: string, now: Date) {
  await tx.query(`UPDATE inspection SET objection = $3, objection_at = $4 WHERE city_code = $1 AND id = $2`, [i.cityCode, i.id, text, now]);
}

/** Published results, newest first, a keyset page after (publishedAt, id). */
export async function publishedInspections(db: Queryable, f: { limit: number; after?: { at: string; id: string } }) {
  const params: unknown[] = [];
  const where = ['n.published_at IS NOT NULL'];
  if (f.after) where.push(`(n.published_at, n.id) < ($${params.push(f.after.at)}::timestamptz, $${params.push(f.after.id)}::uuid)`);
  const { rows } = await db.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY n.published_at DESC, n.id DESC LIMIT ${f.limit}`, params);
  return rows.map(toInspection);
}
