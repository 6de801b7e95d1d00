import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies the plain SQL files of migrations/ in name order, each once, each in its own transaction. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const name of files) {
    const sql = fs.readFileSync(path.join(dir, name), 'utf8');
    const sha256 = createHash('sha256').update(sql).digest('hex');
    const done = await db.transaction(async (tx) => {
      // Two processes migrating one PostgreSQL at once: the second waits, then sees the row.
      await tx.query(`SELECT pg_advisory_xact_lock(7405)`);
      const { rows } = await tx.query(`SELECT sha256 FROM schema_migration WHERE name = $1`, [name]);
      if (rows.length) {
        if (rows[0].sha256 !== sha256) throw new Error(`migration ${name} was changed after it was applied`);
        return false;
      }
      await tx.exec(sql);
      await tx.query(`INSERT INTO schema_migration (name, sha256) VALUES ($1, $2)`, [name, sha256]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
