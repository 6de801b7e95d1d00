import type { Queryable } from '../db/db.ts';
import type { Actor } from '../auth/auth.ts';
import { scopeCondition } from '../auth/scope.ts';
import { personScope } from '../person/store.ts';
import { cohortScope } from '../cohort/store.ts';
import type { VoucherState } from './voucher.ts';

export interface Voucher {
  id: string;
  cityCode: string;
  number: string;
  personId: string;
  personName: string;
  occupationCode: string | null;
  state: VoucherState;
  cohortId: string | null;
  cohortName: string | null;
  appliedAt: string;
  issuedAt: string | null;
  boundAt: string | null;
  redeemedAt: string | null;
  writtenOffAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

const toVoucher = (r: any): Voucher => ({
  id: r.id, cityCode: r.city_code, number: r.number, personId: r.person_id, personName: r.person_name, occupationCode: r.occupation_code,
  state: r.state, cohortId: r.cohort_id, cohortName: r.cohort_name, appliedAt: r.applied_at, issuedAt: r.issued_at, boundAt: r.bound_at, redeemedAt: r.redeemed_at,
  writtenOffAt: r.written_off_at, cancelledAt: r.cancelled_at, cancelReason: r.cancel_reason,
});

const COLUMNS = `v.*, p.name AS person_name, bound.name AS cohort_name`;
const FROM = `FROM voucher v JOIN person p ON p.id = v.person_id LEFT JOIN cohort bound ON bound.city_code = v.city_code AND bound.id = v.cohort_id`;
const SELECT = `SELECT ${COLUMNS} ${FROM}`;

/**
 * Bureaus by the voucher's city, or for a county the county of the cohort it is bound to (else where the person is
 * registered); a trainee their own; an institution the vouchers of people it may see.
 */
const voucherScope = (actor: Actor, params: unknown[]) => scopeCondition(actor, {
  city: 'v.city_code',
  region: 'coalesce((SELECT c.region_code FROM cohort c WHERE c.city_code = v.city_code AND c.id = v.cohort_id), p.region_code)',
  institution: (id) => `EXISTS (SELECT 1 FROM person_institution pi WHERE pi.person_id = v.person_id AND pi.institution_id = ${id})`,
  self: (id) => `v.person_id = ${id}`,
}, params);

/** A voucher as a list shows it: whether the caller may open its person and its cohort (else no link to them). */
export interface ListedVoucher extends Voucher {
  personVisible: boolean;
  cohortVisible: boolean;
}

/**
 * A voucher can be in a scope whose caller may not open its person or cohort: a county sees the vouchers bound to
 * its cohorts, whoever's county the person is registered in; an institution sees a person's voucher bound elsewhere.
 */
const visibility = (actor: Actor, params: unknown[]) =>
  `(${personScope(actor, params)}) AS person_visible,
   EXISTS (SELECT 1 FROM cohort c WHERE c.city_code = v.city_code AND c.id = v.cohort_id AND ${cohortScope(actor, params)}) AS cohort_visible`;

export async function listVouchers(db: Queryable, actor: Actor, f: { personId?: string; state?: string; page: number; pageSize: number }) {
  const params: unknown[] = [];
  const where = [voucherScope(actor, params)];
  if (f.personId) where.push(`v.person_id = $${params.push(f.personId)}`);
  if (f.state) where.push(`v.state = $${params.push(f.state)}`);
  const cond = where.join(' AND ');
  const { rows: [{ total }] } = await db.query(`SELECT count(*)::int AS total ${FROM} WHERE ${cond}`, params);
  const { rows } = await db.query(`SELECT ${COLUMNS}, ${visibility(actor, params)} ${FROM} WHERE ${cond} ORDER BY v.applied_at DESC, v.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`, params);
  const items: ListedVoucher[] = rows.map((r) => ({ ...toVoucher(r), personVisible: r.person_visible === true, cohortVisible: r.cohort_visible === true }));
  return { items, total: total as number };
}

export async function getVoucherInScope(db: Queryable, actor: Actor, id: string) {
  const params: unknown[] = [id];
  const { rows } = await db.query(`${SELECT} WHERE v.id = $1 AND ${voucherScope(actor, params)}`, params);
  return rows[0] ? toVoucher(rows[0]) : undefined;
}

export async function lockVoucher(tx: Queryable, cityCode: string, id: string) {
  const { rows } = await tx.query(`${SELECT} WHERE v.city_code = $1 AND v.id = $2 FOR UPDATE OF v`, [cityCode, id]);
  return toVoucher(rows[0]);
}

export async function insertVoucher(tx: Queryable, v: { cityCode: string; personId: string; occupationCode: string | null }, now: Date) {
  const { rows } = await tx.query(
    `INSERT INTO voucher (city_code, number, person_id, occupation_code, state, applied_at)
     VALUES ($1, 'DZQ' || $5 || to_char($4::timestamptz, 'YY') || lpad(nextval('voucher_number_seq')::text, 8, '0'), $2, $3, 'applied', $4) RETURNING id`,
    [v.cityCode, v.personId, v.occupationCode, now, v.cityCode],
  );
  return rows[0].id as string;
}

const STAMP: Partial<Record<VoucherState, string>> = { issued: 'issued_at', bound: 'bound_at', redeemed: 'redeemed_at', written_off: 'written_off_at', cancelled: 'cancelled_at' };

export async function setVoucherState(tx: Queryable, v: Voucher, state: VoucherState, now: Date, extra: { cohortId?: string | null; reason?: string | null } = {}) {
  const stamp = STAMP[state];
  await tx.query(
    `UPDATE voucher SET state = $3${stamp ? `, ${stamp} = $4` : ''}, cohort_id = CASE WHEN $5::boolean THEN $6::uuid ELSE cohort_id END,
       cancel_reason = coalesce($7, cancel_reason) WHERE city_code = $1 AND id = $2`,
    [v.cityCode, v.id, state, now, extra.cohortId !== undefined, extra.cohortId ?? null, extra.reason ?? null],
  );
}

/** The voucher bound to this person's enrolment, if any (无券不补). */
export async function boundVoucherIds(db: Queryable, cityCode: string, cohortId: string): Promise<Map<string, string>> {
  const { rows } = await db.query(`SELECT person_id, id FROM voucher WHERE city_code = $1 AND cohort_id = $2 AND state IN ('bound', 'redeemed', 'written_off')`, [cityCode, cohortId]);
  return new Map(rows.map((r) => [r.person_id as string, r.id as string]));
}
