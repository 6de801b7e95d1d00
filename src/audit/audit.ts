import { createHash } from 'node:crypto';

/** One audit entry: who did what to which thing, when, with the state before and after. */
export interface AuditEntry {
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

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actorId, actor, action, entity, entityId, before, after, prevHash } = e;
  const body = canonicalJson({ seq, at, actorId, actor, action, entity, entityId, before, after, prevHash });
  return createHash('sha256').update(body).digest('hex');
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; seq: number; problem: string };

/**
 * Walks entries in seq order: each must follow the previous one without a gap, point at its hash, and hash
 * to what it says; the last must match the recorded head (else entries were removed from the end).
 */
export async function verifyChain(
  entries: Iterable<AuditEntry> | AsyncIterable<AuditEntry>,
  head: { seq: number; hash: string },
): Promise<ChainVerdict> {
  let prev = { seq: 0, hash: GENESIS };
  let count = 0;
  for await (const e of entries) {
    if (e.seq !== prev.seq + 1) return { ok: false, seq: prev.seq + 1, problem: `entry ${prev.seq + 1} is missing (next found: ${e.seq})` };
    if (e.prevHash !== prev.hash) return { ok: false, seq: e.seq, problem: `entry ${e.seq} does not point at the hash of entry ${prev.seq}` };
    if (entryHash(e) !== e.hash) return { ok: false, seq: e.seq, problem: `entry ${e.seq} was altered: its content does not match its hash` };
    prev = { seq: e.seq, hash: e.hash };
    count++;
  }
  if (prev.seq !== head.seq || prev.hash !== head.hash) {
    return { ok: false, seq: prev.seq + 1, problem: `the chain ends at entry ${prev.seq} but the head records entry ${head.seq}: entries were removed` };
  }
  return { ok: true, entries: count };
}
