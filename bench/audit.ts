/**
 * Audit appends per second on the local PostgreSQL (own schema, dropped after): one writer, then ten writers spread
 * over the five seed cities' chains. Each append is its own transaction, as a state change is.
 */
import { randomBytes } from 'node:crypto';
import { openStore } from '../src/app/store.ts';
import { appendAudit } from '../src/audit/store.ts';

const CITIES = ['140300', '140900', '141100', '371700', '231200'];

export async function runAuditBench(url = process.env.PEIXUN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', seconds = 5) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const db = await openStore({ databaseUrl: url, schema });
  const writer = async (city: string, until: number) => {
    let n = 0;
    while (Date.now() < until) {
      await db.transaction((tx) => appendAudit(tx, { cityCode: city, at: new Date(), actorId: null, actor: 'bench', action: 'bench.append', entity: 'bench', entityId: String(n), after: { n } }));
      n++;
    }
    return n;
  };
  const rate = async (writers: number) => {
    const until = Date.now() + seconds * 1000;
    const started = Date.now();
    const counts = await Promise.all(Array.from({ length: writers }, (_, i) => writer(CITIES[i % CITIES.length], until)));
    return Math.round(counts.reduce((a, b) => a + b, 0) / ((Date.now() - started) / 1000));
  };
  try {
    return { one: await rate(1), ten: await rate(10), cities: CITIES.length };
  } finally {
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  }
}
