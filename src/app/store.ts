import path from 'node:path';
import { openDatabase, type Database } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { loadReferenceData } from '../registry/reference.ts';
import { loadCalendarData } from '../calendar/store.ts';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir?: string;
}

/** Reads DATABASE_URL and PEIXUN_DATA the one way every command does. */
export const storeConfigFromEnv = (env: Record<string, string | undefined>): StoreConfig => ({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: path.resolve(env.PEIXUN_DATA || './data'),
});

/** Opens the store, brings its schema up to date and loads the reference data. */
export async function openStore(config: StoreConfig & { schema?: string; inMemory?: boolean }): Promise<Database> {
  const db = await openDatabase({
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
  return db;
}
