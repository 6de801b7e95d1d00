import path from 'node:path';
import { openDatabase, type Database } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { loadReferenceData } from '../registry/reference.ts';
import { loadCalendarData } from '../calendar/store.ts';
import { auditKeyFile, ephemeralAuditKeys, loadOrCreateAuditKeys, type AuditKeys } from '../audit/keys.ts';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir?: string;
  /** The audit key file (PEIXUN_AUDIT_KEY, else audit-key.pem in the data folder); in-memory stores make their own. */
  auditKeyFile?: string;
}

export type Store = Database & { auditKeys: AuditKeys };

/** Reads DATABASE_URL and PEIXUN_DATA the one way every command does. */
export const storeConfigFromEnv = (env: Record<string, string | undefined>): StoreConfig => ({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: path.resolve(env.PEIXUN_DATA || './data'),
  auditKeyFile: auditKeyFile(env, path.resolve(env.PEIXUN_DATA || './data')),
});

/** Opens the store, brings its schema up to date and loads the reference data. */
export async function openStore(config: StoreConfig & { schema?: string; inMemory?: boolean }): Promise<Store> {
  const auditKeys = config.auditKeyFile ? loadOrCreateAuditKeys(config.auditKeyFile)
    : config.dataDir && !config.inMemory && !config.schema ? loadOrCreateAuditKeys(path.join(config.dataDir, 'audit-key.pem'))
      : ephemeralAuditKeys();
  const db = await openDatabase({
    auditKey: auditKeys.hmacKey,
    url: config.databaseUrl,
    dataDir: config.databaseUrl || config.inMemory ? undefined : path.join(config.dataDir!, 'pglite'),
    schema: config.schema,
  });
  try {
    await migrate(db);
    await loadReferenceData(db);
    await loadCalendarData(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return Object.assign(db, { auditKeys });
}
