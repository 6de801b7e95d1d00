import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';
import { insertDemoClock } from './clock.ts';

describeStores('demo clock outside demo mode', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    await t.login('city_admin-yq');
  });

  it('is 404 on a store that is not a demo, and changes nothing', async () => {
    expect((await t.app.inject({ url: '/api/v1/demo/clock' })).statusCode).toBe(404);
    const post = await t.app.inject({ method: 'POST', url: '/api/v1/demo/clock', headers: t.as('city_admin-yq'), payload: { advanceDays: 3 } });
    expect(post.statusCode).toBe(404);
    expect((await store().query(`SELECT count(*)::int AS n FROM demo_clock`)).rows[0].n).toBe(0);
  });

  it('is 404 when a demo store is served without --demo (the app then keeps real time)', async () => {
    await insertDemoClock(store(), new Date());
    const before = t.ctx.now().getTime();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/demo/clock', headers: t.as('city_admin-yq'), payload: { advanceDays: 3 } })).statusCode).toBe(404);
    expect(t.ctx.now().getTime()).toBe(before);
    expect((await store().query(`SELECT offset_days FROM demo_clock`)).rows).toEqual([{ offset_days: 0 }]);
  });
});
