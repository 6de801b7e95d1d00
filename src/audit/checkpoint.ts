import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson, type Head } from './audit.ts';
import type { AuditKeys } from './keys.ts';

/**
 * A signed checkpoint (as Certificate Transparency's signed tree heads): every chain's head at one moment, signed
 * with the audit key. Kept outside the database, it proves later that the chain still holds each of those entries
 * unchanged: truncation, a rewritten or re-hashed history and a moved-back head all lose the checkpointed entry.
 */
export interface Checkpoint {
  version: 1;
  at: string;
  heads: Head[];
  publicKey: string;
  signature: string;
}

const signedPart = (c: Omit<Checkpoint, 'signature'>) => Buffer.from(canonicalJson({ version: c.version, at: c.at, heads: c.heads, publicKey: c.publicKey }));

export function signCheckpoint(heads: Head[], at: Date, keys: AuditKeys): Checkpoint {
  const body = { version: 1 as const, at: at.toISOString(), heads: [...heads].sort((a, b) => a.cityCode.localeCompare(b.cityCode)), publicKey: keys.publicKeyId };
  return { ...body, signature: sign(null, signedPart(body), keys.privateKey).toString('base64') };
}

/** Why a checkpoint cannot be trusted, or null: a checkpoint counts only if this store's key signed it. */
export function checkpointProblem(c: unknown, keys: AuditKeys): string | null {
  const cp = c as Checkpoint;
  if (!cp || cp.version !== 1 || !Array.isArray(cp.heads) || typeof cp.signature !== 'string' || typeof cp.publicKey !== 'string') return 'not a peixun audit checkpoint';
  if (cp.publicKey !== keys.publicKeyId) return 'the checkpoint was signed with another key than this store’s audit key';
  const key = createPublicKey({ key: Buffer.from(cp.publicKey, 'base64'), format: 'der', type: 'spki' });
  return verify(null, signedPart(cp), key, Buffer.from(cp.signature, 'base64')) ? null : 'the checkpoint’s signature does not verify';
}

/** Checkpoints are files outside the database: `<data>/checkpoints/<time>.json`, the newest last by name. */
export const checkpointDir = (dataDir: string) => path.join(dataDir, 'checkpoints');

export function writeCheckpointFile(dir: string, c: Checkpoint): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${c.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(c, null, 2)}\n`, { flag: 'wx' });
  return file;
}

export function latestCheckpointFile(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.length ? path.join(dir, files[files.length - 1]) : null;
}

export const readCheckpointFile = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
