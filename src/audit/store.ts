import type { Queryable } from '../db/db.ts';
import { entryHash, SYSTEM_CHAIN, verifyChain, type AuditEntry, type ChainVerdict, type Head } from './audit.ts';
import type { Checkpoint } from './checkpoint.ts';

export interface AuditInput {
  /** The city whose chain the entry joins (the city of the thing changed; '000000' for system-wide things). */
  cityCode: string;
  at: Date;
  actorId: string | null;
  actor: string; // username, or 'system' for commands
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const keyOf = (db: Queryable) => {
  if (!db.auditKey) throw new Error('the store was opened without its audit key');
  return db.auditKey;
};

/**
 * The head this process last wrote per chain, kept per store (by its key). Only a guess: an append made from it
 * moves the head only if the head is still exactly that, and otherwise learns the head in the same statement.
 */
const knownHeads = new WeakMap<Buffer, Map<string, { seq: number; hash: string }>>();

const INSERT_ENTRY = `INSERT INTO audit_log (city_code, seq, at, actor_id, actor, action, entity, entity_id, before, after, prev_hash, hash, keyed)`;

/**
 * Appends one entry to its city's chain inside the caller's transaction. Writers of one city queue on that city's
 * head row (locked until the caller commits) and writers of different cities do not. One statement when the head
 * is as this process left it; two when another writer moved it (the first locks the head and reads it back).
 */
export async function appendAudit(tx: Queryable, input: AuditInput): Promise<AuditEntry> {
  const key = keyOf(tx);
  const heads = knownHeads.get(key) ?? knownHeads.set(key, new Map()).get(key)!;
  const guess = entryAfter(heads.get(input.cityCode) ?? { seq: -1, hash: '' }, input, key);
  const { rows } = await tx.query(
    `WITH head AS (SELECT seq, hash FROM audit_chain_head WHERE city_code = $1 FOR UPDATE),
          moved AS (UPDATE audit_chain_head h SET seq = $2, hash = $11 FROM head
                     WHERE h.city_code = $1 AND head.seq = $2 - 1 AND head.hash = $12 RETURNING 1),
          entry AS (${INSERT_ENTRY} SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $11, true
                     WHERE EXISTS (SELECT 1 FROM moved) RETURNING 1)
     SELECT head.seq, head.hash, EXISTS (SELECT 1 FROM entry) AS appended FROM head`,
    entryParams(guess),
  );
  let entry = guess;
  if (!rows[0]?.appended) {
    // the head moved (or this chain is new): follow the head as it is now, which the statement above has locked
    const head = rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash as string } : await startChain(tx, input.cityCode);
    entry = entryAfter(head, input, key);
    await tx.query(
      `WITH moved AS (UPDATE audit_chain_head SET seq = $2, hash = $11 WHERE city_code = $1)
       ${INSERT_ENTRY} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $11, true)`,
      entryParams(entry),
    );
  }
  heads.set(input.cityCode, { seq: entry.seq, hash: entry.hash });
  return entry;
}

/** A city's first entry: its head row, created (or found, when another writer created it first) and locked. */
async function startChain(tx: Queryable, cityCode: string) {
  const { rows } = await tx.query(
    `INSERT INTO audit_chain_head (city_code, seq, hash) VALUES ($1, 0, 'genesis')
     ON CONFLICT (city_code) DO UPDATE SET city_code = EXCLUDED.city_code RETURNING seq, hash`,
    [cityCode],
  );
  return { seq: Number(rows[0].seq), hash: rows[0].hash as string };
}

/** The entry that follows `head`, hashed. Through JSON and back so that what is hashed is what jsonb gives back. */
function entryAfter(head: { seq: number; hash: string }, input: AuditInput, key: Buffer): AuditEntry {
  const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
  const entry: Omit<AuditEntry, 'hash'> = {
    cityCode: input.cityCode, seq: head.seq + 1, at: input.at.toISOString(), actorId: input.actorId, actor: input.actor,
    action: input.action, entity: input.entity, entityId: input.entityId, before: plain(input.before), after: plain(input.after),
    prevHash: head.hash, keyed: true,
  };
  return { ...entry, hash: entryHash(entry, key) };
}

const entryParams = (e: AuditEntry) => [e.cityCode, e.seq, e.at, e.actorId, e.actor, e.action, e.entity, e.entityId,
  JSON.stringify(e.before), JSON.stringify(e.after), e.hash, e.prevHash];

const toEntry = (r: any): AuditEntry => ({
  cityCode: r.city_code, seq: r.seq, at: r.at, actorId: r.actor_id, actor: r.actor, action: r.action, entity: r.entity,
  entityId: r.entity_id, before: r.before, after: r.after, prevHash: r.prev_hash, hash: r.hash, keyed: r.keyed,
});

export async function listAudit(db: Queryable, filter: { entity?: string; entityId?: string; limit?: number } = {}) {
  const { rows } = await db.query(
    `SELECT * FROM audit_log WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
     ORDER BY at DESC, seq DESC LIMIT $3`,
    [filter.entity ?? null, filter.entityId ?? null, filter.limit ?? 100],
  );
  return rows.map(toEntry);
}

export async function chainHeads(db: Queryable): Promise<Head[]> {
  const { rows } = await db.query(`SELECT city_code, seq, hash FROM audit_chain_head ORDER BY city_code`);
  return rows.map((r) => ({ cityCode: r.city_code, seq: Number(r.seq), hash: r.hash }));
}

/** Walks every city's chain, reading in pages so that a long log does not have to fit in memory at once. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<ChainVerdict> {
  const heads = await chainHeads(db);
  const { rows: orphans } = await db.query(`SELECT DISTINCT city_code FROM audit_log l WHERE NOT EXISTS (SELECT 1 FROM audit_chain_head h WHERE h.city_code = l.city_code)`);
  if (orphans.length) return { ok: false, cityCode: orphans[0].city_code, seq: 1, problem: `chain ${orphans[0].city_code} has entries but no head: its head was removed` };
  let entries = 0;
  for (const head of heads) {
    async function* chain() {
      let after = 0;
      for (;;) {
        const { rows } = await db.query(`SELECT * FROM audit_log WHERE city_code = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [head.cityCode, after, pageSize]);
        if (!rows.length) return;
        for (const r of rows) yield toEntry(r);
        after = Number(rows[rows.length - 1].seq);
      }
    }
    const v = await verifyChain(head.cityCode, chain(), head, keyOf(db));
    if (!v.ok) return v;
    entries += v.entries;
  }
  return { ok: true, entries, chains: heads.length };
}

/**
 * The chain walk, and then every head the checkpoint signed must still be in its chain with the same hash: a
 * truncated, re-hashed or moved-back chain has lost it. (The checkpoint's signature is checked by the caller.)
 */
export async function verifyAgainstCheckpoint(db: Queryable, checkpoint: Checkpoint): Promise<ChainVerdict> {
  for (const h of checkpoint.heads) {
    if (h.seq === 0) continue;
    const { rows } = await db.query(`SELECT hash FROM audit_log WHERE city_code = $1 AND seq = $2`, [h.cityCode, h.seq]);
    if (!rows.length) return { ok: false, cityCode: h.cityCode, seq: h.seq, problem: `entry ${h.seq} of chain ${h.cityCode}, signed in the checkpoint of ${checkpoint.at}, is gone: the chain was truncated or cut back` };
    if (rows[0].hash !== h.hash) return { ok: false, cityCode: h.cityCode, seq: h.seq, problem: `entry ${h.seq} of chain ${h.cityCode} differs from the checkpoint of ${checkpoint.at}: the history was rewritten` };
  }
  const walk = await verifyAuditChain(db);
  if (!walk.ok) return walk;
  const known = new Set((await chainHeads(db)).map((h) => h.cityCode));
  const lost = checkpoint.heads.find((h) => h.seq > 0 && !known.has(h.cityCode));
  return lost ? { ok: false, cityCode: lost.cityCode, seq: lost.seq, problem: `chain ${lost.cityCode} of the checkpoint has no head any more` } : walk;
}

export { SYSTEM_CHAIN };
