import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';

describeStores('working-day calendar table', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of ['city_admin-yq', 'county_admin-yq', 'system_admin']) await t.login(u);
  });
  const add = (user: string, body: object) => t.app.inject({ method: 'POST', url: '/api/v1/calendar/years', headers: t.as(user), payload: body });
  const year2027 = { year: 2027, source: '国办发明电〔2026〕X号（测试）', days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-02-20', kind: 'workday', name: '春节' }] };

  it('the system admin sees no city’s data', async () => {
    for (const url of ['/api/v1/persons', '/api/v1/cohorts', '/api/v1/vouchers']) {
      const res = await t.app.inject({ url, headers: t.as('system_admin') });
      expect(res.statusCode === 403 || res.json().total === 0, `${url}: ${res.body}`).toBe(true);
    }
  });

  it('is loaded from chinese-days up to 2026 and says so', async () => {
    const res = await t.app.inject({ url: '/api/v1/calendar?year=2024', headers: t.as('county_admin-yq') });
    expect(res.json()).toMatchObject({ lastYear: 2026, covered: true });
    expect(res.json().days).toContainEqual(expect.objectContaining({ date: '2024-10-12', kind: 'workday' }));
  });

  it('refuses a city or county admin (403): the national calendar is not a city’s, and nothing is written', async () => {
    for (const user of ['city_admin-yq', 'county_admin-yq']) {
      const res = await add(user, year2027);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const { rows } = await store().query(`SELECT (SELECT count(*) FROM calendar_year WHERE year = 2027)::int AS years, (SELECT count(*) FROM audit_log WHERE action = 'calendar.add_year')::int AS audits`);
    expect(rows[0]).toEqual({ years: 0, audits: 0 });
  });

  it('only the system admin adds the next year, with days inside it, once', async () => {
    expect((await add('system_admin', { ...year2027, year: 2029 })).json()).toMatchObject({ code: 'validation', field: 'year' });
    expect((await add('system_admin', { ...year2027, days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] })).json()).toMatchObject({ field: 'days.0.date' });
    expect((await add('system_admin', year2027)).statusCode).toBe(201);
    expect((await add('system_admin', year2027)).statusCode).toBe(400);
    const res = await t.app.inject({ url: '/api/v1/calendar?year=2027', headers: t.as('county_admin-yq') });
    expect(res.json()).toMatchObject({ lastYear: 2027, covered: true });
    const { rows } = await store().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'calendar.add_year'`);
    expect(rows[0].n).toBe(1);
  });
});
