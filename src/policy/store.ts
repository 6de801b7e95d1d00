import type { Queryable } from '../db/db.ts';
import type { ParameterRow } from './parameters.ts';
import { displayNameSql } from '../auth/store.ts';

export interface StoredParameter extends ParameterRow {
  id: string;
  pack: string;
  setBy: string;
  setAt: string;
}

const toParameter = (r: any): StoredParameter => ({
  id: r.id, pack: r.pack, key: r.key, value: Number(r.value), from: r.effective_from, to: r.effective_to ?? undefined,
  programType: r.program_type ?? undefined, occupation: r.occupation ?? undefined, level: r.level ?? undefined,
  certificateType: r.certificate_type ?? undefined, source: r.source_document, setBy: r.set_by, setAt: r.set_at,
});

/** A stored value as pages list it: with who set it by name (`setBy` stays the login name recorded). */
export interface ListedParameter extends StoredParameter {
  setByName: string | null;
}

export async function listParameters(db: Queryable, pack: string): Promise<ListedParameter[]> {
  const { rows } = await db.query(
    `SELECT *, ${displayNameSql('set_by')} AS set_by_name FROM policy_parameter WHERE pack = $1
      ORDER BY key, effective_from, occupation NULLS FIRST, level NULLS FIRST`, [pack]);
  return rows.map((r) => ({ ...toParameter(r), setByName: r.set_by_name }));
}

export async function getParameter(db: Queryable, id: string): Promise<StoredParameter | undefined> {
  const { rows } = await db.query(`SELECT * FROM policy_parameter WHERE id = $1`, [id]);
  return rows[0] ? toParameter(rows[0]) : undefined;
}

export type NewParameter = Omit<StoredParameter, 'id' | 'setAt'>;

export async function insertParameter(tx: Queryable, p: NewParameter, now: Date): Promise<StoredParameter> {
  const { rows } = await tx.query(
    `INSERT INTO policy_parameter (pack, key, program_type, occupation, level, certificate_type, value, effective_from, effective_to, source_document, set_by, set_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [p.pack, p.key, p.programType ?? null, p.occupation ?? null, p.level ?? null, p.certificateType ?? null, p.value, p.from, p.to ?? null, p.source, p.setBy, now],
  );
  return toParameter(rows[0]);
}

/** Ends a value's effect (values are never deleted: an old case must still compute as it did). */
export async function endParameter(tx: Queryable, id: string, to: string): Promise<StoredParameter> {
  const { rows } = await tx.query(`UPDATE policy_parameter SET effective_to = $2 WHERE id = $1 RETURNING *`, [id, to]);
  return toParameter(rows[0]);
}
