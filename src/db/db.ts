import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { AppError } from '../shared/errors.ts';

export type Row = Record<string, any>;

/** What a store function needs: a connection or an open transaction. The caller owns the transaction. */
export interface Queryable {
  /** The key of the audit chain's entry hashes (src/audit/keys.ts), carried by the store and its transactions. */
  readonly auditKey?: Buffer;
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  /** Several statements without parameters (migrations, fixtures). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// The same JavaScript values from both drivers: int8 as number (fen totals stay far below 2^53),
// dates as 'YYYY-MM-DD' (business dates are calendar dates), timestamps as ISO strings.
const INT8 = 20;
const DATE = 1082;
const TIMESTAMPTZ = 1184;
const NUMERIC = 1700;
const toIso = (v: string) => new Date(v.includes('T') ? v : v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
const PARSERS: Record<number, (v: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [DATE]: (v) => v,
  [TIMESTAMPTZ]: toIso,
  [NUMERIC]: (v) => v,
};

export interface OpenOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite. */
  url?: string;
  /** PGlite data folder; undefined means in memory. */
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one). */
  schema?: string;
  auditKey?: Buffer;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.schema, options.auditKey) : openPglite(options.dataDir, options.auditKey);
}

async function openPostgres(url: string, schema?: string, auditKey?: Buffer): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: schema ? `-c search_path=${schema}` : undefined,
    types: { getTypeParser: ((oid: number, format?: string) => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as any)) as any },
  });
  pool.on('error', () => undefined); // an idle client dropped by the server must not crash the process
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const query = async (q: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]) => {
    const r = await q.query(sql, params as any[]);
    return { rows: r.rows, affectedRows: r.rowCount ?? undefined };
  };
  return {
    kind: 'postgres',
    auditKey,
    query: (sql, params) => query(pool, sql, params) as any,
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          auditKey,
          query: (sql, params) => query(client, sql, params) as any,
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir?: string, auditKey?: Buffer): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ?? 'memory://', { parsers: PARSERS });
  } catch (e) {
    release();
    throw e;
  }
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    auditKey,
    query: async (sql, params) => {
      const r = await q.query(sql, params as any[]);
      return { rows: r.rows as any[], affectedRows: r.affectedRows };
    },
    exec: async (sql) => void (await q.exec(sql)),
  });
  const outer = wrap(db);
  return {
    kind: 'pglite',
    auditKey,
    query: outer.query,
    exec: outer.exec,
    // PGlite has one connection; its transaction() holds it exclusively, so other queries wait their turn.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      await db.close();
      release();
    },
  };
}

/** PGlite has no lock across processes: two writers on one folder silently lose writes. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'peixun.lock');
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new AppError('conflict', `the data folder ${dataDir} is in use by process ${holder}; stop it first`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e: any) {
    return e.code === 'EPERM';
  }
}
