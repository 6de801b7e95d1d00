import { createHash, createHmac } from 'node:crypto';

/** One audit entry: who did what to which thing, when, with the state before and after. */
export interface AuditEntry {
  /** The chain the entry belongs to: one per city, '000000' for system-wide things. */
  cityCode: string;
  seq: number;
  at: string; // ISO instant
  actorId: string | null;
  actor: string; // username, or 'system' for commands
  action: string; // e.g. 'person.create'
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
  /** false only for entries written before hashes were keyed (the legacy part of chain '000000'). */
  keyed: boolean;
}

export const GENESIS = 'genesis';

/** JSON with object keys sorted at every depth, so the hash does not depend on how jsonb stores keys. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const SYSTEM_CHAIN = '000000';

/**
 * The entry's hash: an HMAC under the audit key (kept outside the database), so that nobody without the key can write
 * an entry that verifies. Legacy entries (before keyed hashing) were hashed with plain SHA-256.
 */
export function entryHash(e: Omit<AuditEntry, 'hash'>, key: Buffer): string {
  const { seq, at, actorId, actor, action, entity, entityId, before, after, prevHash } = e;
  const base = { seq, at, actorId, actor, action, entity, entityId, before, after, prevHash };
  if (!e.keyed) return createHash('sha256').update(canonicalJson(base)).digest('hex');
  return createHmac('sha256', key).update(canonicalJson({ ...base, cityCode: e.cityCode })).digest('hex');
}

export type ChainVerdict =
  | { ok: true; entries: number; chains: number }
  | { ok: false; cityCode: string; seq: number; problem: string };

export interface Head { cityCode: string; seq: number; hash: string }

/**
 * Walks one chain in seq order: each entry must follow the previous one without a gap, point at its hash and hash to
 * what it says under the key; legacy entries may only open the system chain; the last must match the recorded head
 * (else entries were removed from the end).
 */
export async function verifyChain(
  cityCode: string,
  entries: Iterable<AuditEntry> | AsyncIterable<AuditEntry>,
  head: { seq: number; hash: string },
  key: Buffer,
): Promise<{ ok: true; entries: number } | { ok: false; cityCode: string; seq: number; problem: string }> {
  let prev = { seq: 0, hash: GENESIS, keyed: false };
  let count = 0;
  const broken = (seq: number, problem: string) => ({ ok: false as const, cityCode, seq, problem });
  for await (const e of entries) {
    if (e.seq !== prev.seq + 1) return broken(prev.seq + 1, `entry ${prev.seq + 1} is missing (next found: ${e.seq})`);
    if (e.prevHash !== prev.hash) return broken(e.seq, `entry ${e.seq} does not point at the hash of entry ${prev.seq}`);
    if (!e.keyed && (cityCode !== SYSTEM_CHAIN || prev.keyed)) return broken(e.seq, `entry ${e.seq} is not keyed: only the system chain's oldest entries may be`);
    if (entryHash(e, key) !== e.hash) return broken(e.seq, `entry ${e.seq} was altered or forged: its content does not match its keyed hash`);
    prev = { seq: e.seq, hash: e.hash, keyed: e.keyed };
    count++;
  }
  if (prev.seq !== head.seq || prev.hash !== head.hash) {
    return broken(prev.seq + 1, `the chain ends at entry ${prev.seq} but the head records entry ${head.seq}: entries were removed`);
  }
  return { ok: true, entries: count };
}
