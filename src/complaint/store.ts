import type { Queryable } from '../db/db.ts';
import type { Actor } from '../auth/auth.ts';
import { scopeCondition } from '../auth/scope.ts';
import type { Complaint, ComplaintCategory, ComplaintState } from './complaint.ts';

const SELECT = `SELECT k.*, i.name AS institution_name, a.display_name AS assignee_name,
    NOT EXISTS (SELECT 1 FROM complaint_identity ci WHERE ci.city_code = k.city_code AND ci.complaint_id = k.id) AS anonymous
  FROM complaint k LEFT JOIN institution i ON i.id = k.institution_id LEFT JOIN account a ON a.id = k.assignee_id`;

const toComplaint = (r: any): Complaint => ({
  id: r.id, cityCode: r.city_code, regionCode: r.region_code, trackingCode: r.tracking_code, institutionId: r.institution_id,
  institutionName: r.institution_name, category: r.category as ComplaintCategory, content: r.content, state: r.state as ComplaintState,
  assigneeId: r.assignee_id, assigneeName: r.assignee_name, dueOn: r.due_on, outcome: r.outcome, receivedAt: r.received_at,
  updatedAt: r.updated_at, anonymous: r.anonymous,
});

const complaintScope = (actor: Actor, params: unknown[]) => scopeCondition(actor, { city: 'k.city_code', region: 'k.region_code' }, params);

export async function insertComplaint(tx: Queryable, c: { cityCode: string; regionCode: string; trackingCode: string; institutionId: string | null; category: string; content: string; name: string | null; phone: string | null }, now: Date) {
  const { rows } = await tx.query(
    `INSERT INTO complaint (city_code, tracking_code, region_code, institution_id, category, content, state, received_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'received', $7, $7) RETURNING id`,
    [c.cityCode, c.trackingCode, c.regionCode, c.institutionId, c.category, c.content, now],
  );
  if (c.name || c.phone) {
    await tx.query(`INSERT INTO complaint_identity (city_code, complaint_id, name, phone) VALUES ($1, $2, $3, $4)`, [c.cityCode, rows[0].id, c.name, c.phone]);
  }
  return rows[0].id as string;
}

export async function findByTrackingCode(db: Queryable, code: string): Promise<Complaint | undefined> {
  const { rows } = await db.query(`${SELECT} WHERE k.tracking_code = $1`, [code]);
  return rows[0] ? toComplaint(rows[0]) : undefined;
}

/** Newest first, a page at a time after a keyset cursor (received_at, id); totals counted up to `cap`. */
export async function listComplaints(db: Queryable, actor: Actor, f: { state?: string; pageSize: number; after?: { at: string; id: string } }, cap = 10_000) {
  const params: unknown[] = [];
  const where = [complaintScope(actor, params)];
  if (f.state) where.push(`k.state = $${params.push(f.state)}`);
  const filter = where.join(' AND ');
  const page = [...where];
  const pageParams = [...params];
  if (f.after) page.push(`(k.received_at, k.id) < ($${pageParams.push(f.after.at)}::timestamptz, $${pageParams.push(f.after.id)}::uuid)`);
  const { rows } = await db.query(`${SELECT} WHERE ${page.join(' AND ')} ORDER BY k.received_at DESC, k.id DESC LIMIT ${f.pageSize}`, pageParams);
  const { rows: [{ n }] } = await db.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM complaint k WHERE ${filter} LIMIT ${cap + 1}) x`, params);
  return { items: rows.map(toComplaint), total: Math.min(n, cap), capped: n > cap };
}

export async function getComplaintInScope(db: Queryable, actor: Actor, id: string, lock = false): Promise<Complaint | undefined> {
  const params: unknown[] = [id];
  const { rows } = await db.query(`${SELECT} WHERE k.id = $1 AND ${complaintScope(actor, params)}${lock ? ' FOR UPDATE OF k' : ''}`, params);
  return rows[0] ? toComplaint(rows[0]) : undefined;
}

export async function complainantOf(db: Queryable, c: Complaint) {
  const { rows } = await db.query(`SELECT name, phone FROM complaint_identity WHERE city_code = $1 AND complaint_id = $2`, [c.cityCode, c.id]);
  return rows[0] ? { name: rows[0].name as string | null, phone: rows[0].phone as string | null } : null;
}

export async function updateComplaint(tx: Queryable, c: Complaint, change: { state: ComplaintState; assigneeId?: string; dueOn?: string | null; outcome?: string }, now: Date) {
  await tx.query(
    `UPDATE complaint SET state = $3, assignee_id = coalesce($4, assignee_id), due_on = CASE WHEN $5::boolean THEN $6::date ELSE due_on END,
       outcome = coalesce($7, outcome), updated_at = $8 WHERE city_code = $1 AND id = $2`,
    [c.cityCode, c.id, change.state, change.assigneeId ?? null, change.dueOn !== undefined, change.dueOn ?? null, change.outcome ?? null, now],
  );
}
