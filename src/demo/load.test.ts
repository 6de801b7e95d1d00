import { expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import type { Database, Queryable } from '../db/db.ts';
import { verifyAuditChain } from '../audit/store.ts';
import { demoLoadUnfinished } from './clock.ts';
import { ensureDemo, loadDemo, storeHasData } from './load.ts';

/** The store as a process sees it that dies at its n-th statement: every statement after that fails. */
function dyingAt(db: Database, n: number): Database {
  let statements = 0;
  const step = () => {
    if (++statements >= n) throw new Error('the process was killed');
  };
  const wrap = (q: Queryable): Queryable => ({
    auditKey: q.auditKey,
    query: (sql, params) => (step(), q.query(sql, params)),
    exec: (sql) => (step(), q.exec(sql)),
  });
  return { ...wrap(db), kind: db.kind, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))), close: () => db.close() };
}

const count = async (db: Database, table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

describeStores('a demo load cut short', (store) => {
  const now = new Date('2026-11-24T02:00:00Z');
  const options = { password: 'load-test', now };

  it('in its first transaction leaves the store empty, as if never started', async () => {
    await expect(loadDemo(dyingAt(store(), 200), options)).rejects.toThrow('killed');
    expect(await storeHasData(store())).toBe(false);
    expect(await demoLoadUnfinished(store())).toBe(false);
  });

  it('half-way through the cohorts is said so, and the next start removes it and loads the whole demo again', { timeout: 240_000 }, async () => {
    await expect(loadDemo(dyingAt(store(), 6000), options)).rejects.toThrow('killed');
    expect(await demoLoadUnfinished(store())).toBe(true);
    const halfway = await count(store(), 'cohort');
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(60);

    const lines: string[] = [];
    const summary = await ensureDemo(store(), { ...options, announce: (l) => void lines.push(l) });
    expect(lines.join()).toContain('did not finish');
    expect(summary).toMatch(/60 demo cohorts in every state, \d+ certificates/);
    expect(await demoLoadUnfinished(store())).toBe(false);
    expect(await count(store(), 'cohort')).toBe(60);
    expect(await count(store(), 'account')).toBe(51);
    expect(await verifyAuditChain(store())).toMatchObject({ ok: true });
    // a finished demo is served as it is
    expect(await ensureDemo(store(), options)).toBeNull();
  });
});
