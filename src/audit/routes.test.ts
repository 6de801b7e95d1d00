import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';
import type { Store } from '../app/store.ts';
import { chainHeads } from './store.ts';
import { checkpointProblem, signCheckpoint, writeCheckpointFile } from './checkpoint.ts';

describeStores('audit checkpoint download', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-checkpoints-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of ['city_admin-yq', 'reviewer-yq', 'institution-yq']) await t.login(u);
  });
  const get = (user?: string) => t.app.inject({ url: '/api/v1/audit/checkpoints/latest', headers: user ? t.as(user) : {} });

  it('a city admin downloads the newest signed checkpoint; 404 while none is kept', async () => {
    expect((await get('city_admin-yq')).statusCode).toBe(404);
    t.ctx.auditDir = dir;
    const db = store() as Store;
    const cp = signCheckpoint(await chainHeads(db), new Date(), db.auditKeys);
    writeCheckpointFile(dir, cp);
    const res = await get('city_admin-yq');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(cp);
    expect(checkpointProblem(res.json(), db.auditKeys)).toBeNull();
  });

  it.each([['reviewer-yq', 403], ['institution-yq', 403], [undefined, 401]])('%s is refused with %i', async (user, status) => {
    t.ctx.auditDir = dir;
    expect((await get(user)).statusCode).toBe(status);
  });
});
