import type { Queryable } from '../db/db.ts';
import { allRegions } from './regions.ts';
import { allOccupations, markedRegionCodes, occupationMarksFor } from './occupations.ts';

/**
 * Loads the shipped reference data (GB/T 2260 regions, the occupation catalogue, the seed cities' marks).
 * Idempotent: run at every start, it adds what is new and leaves edits by administrators alone.
 */
export async function loadReferenceData(db: Queryable): Promise<void> {
  const regions = allRegions();
  await db.query(
    `INSERT INTO region (code, name, parent_code, level)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (code) DO NOTHING`,
    [regions.map((r) => r.code), regions.map((r) => r.name), regions.map((r) => r.parentCode), regions.map((r) => r.level)],
  );
  const occ = allOccupations();
  await db.query(
    `INSERT INTO occupation (code, name, kind, levels)
     SELECT code, name, kind, levels::smallint[] FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, kind, levels)
     ON CONFLICT (code) DO NOTHING`,
    [occ.map((o) => o.code), occ.map((o) => o.name), occ.map((o) => o.kind), occ.map((o) => `{${o.levels.join(',')}}`)],
  );
  for (const city of markedRegionCodes()) {
    const marks = occupationMarksFor(city);
    await db.query(
      `INSERT INTO city_occupation_mark (city_code, occupation_code, urgent, shortage)
       SELECT $1, * FROM unnest($2::text[], $3::boolean[], $4::boolean[]) ON CONFLICT DO NOTHING`,
      [city, marks.map((m) => m.occupationCode), marks.map((m) => m.urgent), marks.map((m) => m.shortage)],
    );
  }
}
