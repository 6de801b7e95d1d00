import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main } from './main.ts';
import type { CliIO } from './io.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), env: { PEIXUN_DATA: dataDir, PEIXUN_DEMO_PASSWORD: 'cli-test', ...env } };
  return { cli, out, err };
}

it('prints usage for no command and refuses an unknown one with exit 2', async () => {
  const a = io();
  expect(await main([], a.cli)).toBe(0);
  expect(a.out.join()).toContain('peixun serve');
  const b = io();
  expect(await main(['frobnicate'], b.cli)).toBe(2);
  expect(b.err.join()).toContain('unknown command');
});

it('loads the demo into an empty store, then refuses to load it twice, and resets only when asked', { timeout: 240_000 }, async () => {
  const first = io();
  expect(await main(['demo'], first.cli)).toBe(0);
  expect(first.out.join()).toMatch(/demo data loaded: \d+ institutions/);
  const second = io();
  expect(await main(['demo'], second.cli)).toBe(1);
  expect(second.err.join()).toContain('already has data');
  const reset = io();
  expect(await main(['demo', '--reset'], reset.cli)).toBe(0);
  const verify = io();
  expect(await main(['audit', 'verify'], verify.cli)).toBe(0);
  expect(verify.out.join()).toContain('audit chains intact');
  expect(verify.out.join()).toContain('no checkpoint kept yet');
});

it('audit checkpoint signs the heads outside the database; verify then catches a cut-back chain, naming the entry', { timeout: 60_000 }, async () => {
  const cp = io();
  expect(await main(['audit', 'checkpoint'], cp.cli)).toBe(0);
  const checkpoint = JSON.parse(cp.out.join(''));
  expect(checkpoint.heads.length).toBeGreaterThan(1);
  const file = fs.readdirSync(path.join(dataDir, 'checkpoints')).map((f) => path.join(dataDir, 'checkpoints', f))[0];
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(checkpoint);
  expect(fs.statSync(path.join(dataDir, 'audit-key.pem')).mode & 0o077).toBe(0);
  const ok = io();
  expect(await main(['audit', 'verify'], ok.cli)).toBe(0);
  expect(ok.out.join()).toContain('consistent with the checkpoint');

  const { openStore } = await import('../app/store.ts');
  const db = await openStore({ dataDir });
  const [head] = checkpoint.heads.filter((h: { seq: number }) => h.seq > 1);
  await db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_chain_head DISABLE TRIGGER USER;
    DELETE FROM audit_log WHERE city_code = '${head.cityCode}' AND seq = ${head.seq};
    UPDATE audit_chain_head SET seq = ${head.seq - 1}, hash = (SELECT hash FROM audit_log WHERE city_code = '${head.cityCode}' AND seq = ${head.seq - 1}) WHERE city_code = '${head.cityCode}';
    ALTER TABLE audit_log ENABLE TRIGGER USER; ALTER TABLE audit_chain_head ENABLE TRIGGER USER;`);
  await db.close();
  for (const argv of [['audit', 'verify'], ['audit', 'verify', '--checkpoint', file]]) {
    const r = io();
    expect(await main(argv, r.cli)).toBe(1);
    expect(r.err.join()).toContain(`audit chain ${head.cityCode} broken at entry ${head.seq}`);
  }
  const missing = io();
  expect(await main(['audit', 'verify', '--checkpoint', path.join(dataDir, 'nope.json')], missing.cli)).toBe(2);
  expect(missing.err.join()).toContain('--checkpoint');
});

it('refuses a second process on the same embedded data folder', async () => {
  const { openStore } = await import('../app/store.ts');
  const db = await openStore({ dataDir });
  fs.writeFileSync(path.join(dataDir, 'pglite', 'peixun.lock'), String(process.ppid)); // pretend another live process holds it
  const r = io();
  expect(await main(['audit', 'verify'], r.cli)).toBe(2);
  expect(r.err.join()).toContain('in use');
  fs.writeFileSync(path.join(dataDir, 'pglite', 'peixun.lock'), String(process.pid));
  await db.close();
});

it('the demo leaves cohorts of every seed city in every state, with certificates for the examined ones', { timeout: 60_000 }, async () => {
  const { openStore } = await import('../app/store.ts');
  const db = await openStore({ dataDir });
  try {
    const { rows } = await db.query(`SELECT city_code, array_agg(DISTINCT state) AS states FROM cohort GROUP BY city_code ORDER BY city_code`);
    expect(rows.map((r) => r.city_code)).toEqual(['140300', '140900', '141100', '231200', '371700']);
    const { COHORT_STATES } = await import('../cohort/cohort.ts');
    for (const r of rows) expect([...r.states].sort()).toEqual([...COHORT_STATES].sort());
    const { rows: [c] } = await db.query(`SELECT count(*)::int AS n FROM certificate cert JOIN cohort co ON co.id = cert.cohort_id WHERE co.state NOT IN ('examined', 'claimed', 'closed')`);
    expect(c.n).toBe(0);
    const { rows: [e] } = await db.query(`SELECT count(*)::int AS n FROM cohort WHERE state IN ('examined', 'claimed', 'closed') AND NOT EXISTS (SELECT 1 FROM certificate WHERE cohort_id = cohort.id)`);
    expect(e.n).toBe(0);
  } finally {
    await db.close();
  }
});

it('inspection replay prints a 双随机 draw again from its seed and pools, and exits 1 once the record is altered', { timeout: 60_000 }, async () => {
  const { openStore } = await import('../app/store.ts');
  const { drawInspections } = await import('../supervision/service.ts');
  const { findAccountByUsername, toActor } = await import('../auth/store.ts');
  const db = await openStore({ dataDir });
  let id: string;
  try {
    const actor = toActor((await findAccountByUsername(db, 'city_admin-yangquan'))!);
    const ctx = { db, now: () => new Date(), identity: null as never, dataDir: null, demoClock: null };
    id = (await drawInspections(ctx, actor, { kind: 'video_review', cohorts: 2, inspectorsPerCohort: 1 }, 12345)).id;
  } finally {
    await db.close();
  }
  const ok = io();
  expect(await main(['inspection', 'replay', id], ok.cli)).toBe(0);
  expect(ok.out.join('\n')).toMatch(/seed 12345/);
  expect(ok.out.join('\n')).toContain('same picks as recorded');
  expect(ok.out.filter((l) => l.includes('←'))).toHaveLength(2);
  const again = await openStore({ dataDir });
  await again.query(`UPDATE inspection_draw SET seed = seed + 1 WHERE id = $1`, [id]);
  await again.close();
  const changed = io();
  expect(await main(['inspection', 'replay', id], changed.cli)).toBe(1);
  expect(changed.out.join()).toContain('DIFFERENT');
  expect(await main(['inspection', 'replay', 'x'], io().cli)).toBe(2);
});
