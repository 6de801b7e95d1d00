import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../db/db.ts';
import { openStore } from '../app/store.ts';

/**
 * Every store test runs on every implementation: PGlite always, PostgreSQL when PEIXUN_TEST_PG_URL is set
 * (`.ci/run` sets it). Each PostgreSQL suite gets a schema of its own, dropped afterwards.
 */
export const TEST_PG_URL = process.env.PEIXUN_TEST_PG_URL;

export const storeKinds = (): Array<'pglite' | 'postgres'> => (TEST_PG_URL ? ['pglite', 'postgres'] : ['pglite']);

export async function openTestStore(kind: 'pglite' | 'postgres'): Promise<Database & { drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openStore({ inMemory: true });
    return Object.assign(db, { drop: () => db.close() });
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openStore({ databaseUrl: TEST_PG_URL, schema });
  return Object.assign(db, {
    async drop() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  });
}

/** describe() once per store, with the store opened before and dropped after. */
export function describeStores(title: string, body: (store: () => Database, kind: 'pglite' | 'postgres') => void) {
  for (const kind of storeKinds()) {
    describe(`${title} [${kind}]`, () => {
      let db: Database & { drop(): Promise<void> };
      beforeAll(async () => {
        db = await openTestStore(kind);
      });
      afterAll(async () => {
        await db?.drop();
      });
      body(() => db, kind);
    });
  }
}
