import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { testApp } from '../test/fixtures.ts';
import { migrate } from '../db/migrate.ts';

describeStores('app wiring', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp(store());
  });

  it('publishes OpenAPI with the stable paths of SPEC §5.3', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/v1/session', '/api/v1/me', '/api/v1/persons', '/api/v1/institutions', '/api/v1/occupations']) expect(paths).toContain(p);
    expect(res.json().paths['/api/v1/session'].post.requestBody).toBeDefined();
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
  });

  it('applies each migration once: a second run changes nothing', async () => {
    expect(await migrate(store())).toEqual([]);
    const { rows } = await store().query(`SELECT name FROM schema_migration ORDER BY name`);
    expect(rows.map((r) => r.name)).toContain('001_foundation.sql');
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    fs.writeFileSync(path.join(dir, '001_foundation.sql'), 'SELECT 1;');
    await expect(migrate(store(), dir)).rejects.toThrow(/changed after it was applied/);
    fs.rmSync(dir, { recursive: true });
  });

  it('a failing migration leaves no trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    fs.writeFileSync(path.join(dir, '900_bad.sql'), 'CREATE TABLE half_done (id int); SELECT no_such_function();');
    await expect(migrate(store(), dir)).rejects.toThrow();
    const { rows } = await store().query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`);
    expect(rows[0].n).toBe(0);
    expect((await store().query(`SELECT count(*)::int AS n FROM schema_migration WHERE name = '900_bad.sql'`)).rows[0].n).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });
});
