import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';

describeStores('working-day calendar table', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of ['city_admin-yq', 'county_admin-yq']) await t.login(u);
  });
  const add = (user: string, body: object) => t.app.inject({ method: 'POST', url: '/api/v1/calendar/years', headers: t.as(user), payload: body });
  const year2027 = { year: 2027, source: '国办发明电〔2026〕X号（测试）', days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-02-20', kind: 'workday', name: '春节' }] };

  it('is loaded from chinese-days up to 2026 and says so', async () => {
    const res = await t.app.inject({ url: '/api/v1/calendar?year=2024', headers: t.as('county_admin-yq') });
    expect(res.json()).toMatchObject({ lastYear: 2026, covered: true });
    expect(res.json().days).toContainEqual(expect.objectContaining({ date: '2024-10-12', kind: 'workday' }));
  });

  it('only a city admin adds the next year, with days inside it, once', async () => {
    expect((await add('county_admin-yq', year2027)).statusCode).toBe(403);
    expect((await add('city_admin-yq', { ...year2027, year: 2029 })).json()).toMatchObject({ code: 'validation', field: 'year' });
    expect((await add('city_admin-yq', { ...year2027, days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] })).json()).toMatchObject({ field: 'days.0.date' });
    expect((await add('city_admin-yq', year2027)).statusCode).toBe(201);
    expect((await add('city_admin-yq', year2027)).statusCode).toBe(400);
    const res = await t.app.inject({ url: '/api/v1/calendar?year=2027', headers: t.as('county_admin-yq') });
    expect(res.json()).toMatchObject({ lastYear: 2027, covered: true });
    const { rows } = await store().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'calendar.add_year'`);
    expect(rows[0].n).toBe(1);
  });
});
