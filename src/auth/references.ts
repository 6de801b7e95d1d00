import type { Queryable } from '../db/db.ts';
import { AppError, invalid } from '../shared/errors.ts';

/** What a request body may point at, and where each kind's city lives. */
export type ReferenceKind = 'evaluator' | 'enterprise' | 'institution' | 'teacher';

const TABLES: Record<ReferenceKind, { sql: string; label: string }> = {
  evaluator: { sql: `SELECT city_code, region_code, status FROM evaluator WHERE id = $1`, label: '评价机构' },
  enterprise: { sql: `SELECT city_code, region_code, NULL AS status FROM enterprise WHERE id = $1`, label: '企业' },
  institution: { sql: `SELECT city_code, region_code, status FROM institution WHERE id = $1`, label: '培训机构' },
  teacher: { sql: `SELECT i.city_code, i.region_code, i.status, t.institution_id FROM teacher t JOIN institution i ON i.id = t.institution_id WHERE t.id = $1`, label: '教师' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Reference {
  cityCode: string;
  regionCode: string;
  status: string | null;
  institutionId?: string;
}

/**
 * The one check for an id in a request body: it must name an existing row of `kind` inside `cityCode`, the city
 * of the thing it is attached to (a cohort's city, or the caller's own). Unknown and foreign ids are the same
 * 404 naming the field, so a caller cannot probe other cities; a malformed id is a 400 naming the field.
 */
export async function requireInScope(db: Queryable, kind: ReferenceKind, id: unknown, field: string, cityCode: string): Promise<Reference> {
  if (typeof id !== 'string' || !UUID.test(id)) throw invalid(field, `${TABLES[kind].label} id 应为 UUID`);
  const { rows: [r] } = await db.query(TABLES[kind].sql, [id]);
  if (!r || r.city_code !== cityCode) {
    throw new AppError('not_found', `${field}: 找不到此${TABLES[kind].label}，或不在本市范围内`, { field });
  }
  return { cityCode: r.city_code, regionCode: r.region_code, status: r.status ?? null, institutionId: r.institution_id };
}
