import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * The audit key lives outside the database (a file under the data folder, or the file PEIXUN_AUDIT_KEY names): an
 * Ed25519 key that signs checkpoints, and from which the key of the entry hashes (HMAC) is derived. A database
 * superuser without the file can neither forge an entry that verifies nor re-sign a rewritten history.
 */
export interface AuditKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** base64 SPKI of the public key: what a checkpoint names and a verifier compares. */
  publicKeyId: string;
  hmacKey: Buffer;
  file: string | null;
}

export function auditKeysFrom(privateKey: KeyObject, file: string | null): AuditKeys {
  const publicKey = createPublicKey(privateKey);
  const raw = privateKey.export({ type: 'pkcs8', format: 'der' });
  return {
    privateKey, publicKey, file,
    publicKeyId: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    hmacKey: createHash('sha256').update('peixun audit chain\n').update(raw).digest(),
  };
}

/** A key for a store that lives only as long as the process (in-memory stores, tests). */
export const ephemeralAuditKeys = () => auditKeysFrom(generateKeyPairSync('ed25519').privateKey, null);

/** Reads the key file, creating it (mode 0600) on first start. */
export function loadOrCreateAuditKeys(file: string): AuditKeys {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return auditKeysFrom(createPrivateKey(fs.readFileSync(file)), file);
}

/** Where the key is: PEIXUN_AUDIT_KEY, else audit-key.pem in the data folder. */
export const auditKeyFile = (env: Record<string, string | undefined>, dataDir: string) =>
  path.resolve(env.PEIXUN_AUDIT_KEY || path.join(dataDir, 'audit-key.pem'));
