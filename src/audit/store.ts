import type { Queryable } from '../db/db.ts';
import { entryHash, verifyChain, type AuditEntry, type ChainVerdict } from './audit.ts';

export interface AuditInput {
  /** The city whose chain the entry joins (the city of the thing changed; '000000' for system-wide things). */
  cityCode?: string;
  at: Date;
  actorId: string | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry inside the caller's transaction; the head row lock orders concurrent writers. */
export async function appendAudit(tx: Queryable, input: AuditInput): Promise<AuditEntry> {
  const { rows } = await tx.query(`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`);
  const head = rows[0] as { seq: number; hash: string };
  // Through JSON and back so that what is hashed is exactly what jsonb will give back (no undefined, Dates as strings).
  const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
  const entry: Omit<AuditEntry, 'hash'> = {
    seq: head.seq + 1,
    at: input.at.toISOString(),
    actorId: input.actorId,
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    before: plain(input.before),
    after: plain(input.after),
    prevHash: head.hash,
  };
  const hash = entryHash(entry);
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, actor, action, entity, entity_id, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [entry.seq, entry.at, entry.actorId, entry.actor, entry.action, entry.entity, entry.entityId,
      JSON.stringify(entry.before), JSON.stringify(entry.after), entry.prevHash, hash],
  );
  await tx.query(`UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, [entry.seq, hash]);
  return { ...entry, hash };
}

const toEntry = (r: any): AuditEntry => ({
  seq: r.seq, at: r.at, actorId: r.actor_id, actor: r.actor, action: r.action, entity: r.entity,
  entityId: r.entity_id, before: r.before, after: r.after, prevHash: r.prev_hash, hash: r.hash,
});

export async function listAudit(db: Queryable, filter: { entity?: string; entityId?: string; limit?: number } = {}) {
  const { rows } = await db.query(
    `SELECT * FROM audit_log WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
     ORDER BY seq DESC LIMIT $3`,
    [filter.entity ?? null, filter.entityId ?? null, filter.limit ?? 100],
  );
  return rows.map(toEntry);
}

/** Reads the chain in pages so that a long log does not have to fit in memory at once. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<ChainVerdict> {
  const { rows: [head] } = await db.query(`SELECT seq, hash FROM audit_head WHERE id = 1`);
  async function* entries() {
    let after = 0;
    for (;;) {
      const { rows } = await db.query(`SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, pageSize]);
      if (!rows.length) return;
      for (const r of rows) yield toEntry(r);
      after = rows[rows.length - 1].seq;
    }
  }
  return verifyChain(entries(), head as { seq: number; hash: string });
}
