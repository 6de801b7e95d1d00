import { beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, testIdNumber, withWrongCheckDigit } from '../test/fixtures.ts';

describeStores('persons API', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const post = (user: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as(user), payload });
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of ['city_admin-yq', 'county_admin-yq', 'county_admin-yq-mine', 'institution-yq', 'institution-yq-mine', 'institution-hz', 'city_admin-hz', 'finance-yq', 'evaluator-yq', 'reviewer-yq']) await t.login(u);
  });

  it('registers a person with a valid ID number, deriving birth date and gender (the reply shows the age, not the birth date)', async () => {
    const res = await post('county_admin-yq', { name: '李明', idNumber: testIdNumber(11), phone: '13912345678', groups: ['rural_migrant'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '李明', age: 34, gender: 'male', regionCode: '140302', cityCode: '140300', outcome: 'created', masked: true });
    expect(res.json()).not.toHaveProperty('birthDate');
    expect(res.json()).not.toHaveProperty('householdRegionCode');
    const { rows } = await store().query(`SELECT birth_date, household_region_code FROM person WHERE id = $1`, [res.json().id]);
    expect(rows[0]).toMatchObject({ household_region_code: '140302' });
    expect(String(rows[0].birth_date).slice(0, 10)).toBe('1990-01-01');
  });

  describe('refuses bad input naming the field, and stores nothing', () => {
    const cases: Array<[string, object, string]> = [
      ['wrong check digit', { name: '王五', idNumber: withWrongCheckDigit(testIdNumber(13)) }, 'idNumber'],
      ['30 February', { name: '王五', idNumber: '140302199002301234' }, 'idNumber'],
      ['too short', { name: '王五', idNumber: '14030219900101' }, 'idNumber'],
      ['empty name', { name: '', idNumber: testIdNumber(15) }, 'name'],
      ['bad phone', { name: '王五', idNumber: testIdNumber(17), phone: '12345' }, 'phone'],
      ['unknown group', { name: '王五', idNumber: testIdNumber(19), groups: ['aliens'] }, 'groups.0'],
      ['unknown household region', { name: '王五', idNumber: testIdNumber(21), householdRegionCode: '999999' }, 'householdRegionCode'],
      ['region outside the county', { name: '王五', idNumber: testIdNumber(23), regionCode: '140303' }, 'regionCode'],
    ];
    it.each(cases)('%s', async (_name, payload, field) => {
      const before = await store().query(`SELECT count(*)::int AS n FROM person`);
      const res = await post('county_admin-yq', payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'validation', field });
      const after = await store().query(`SELECT count(*)::int AS n FROM person`);
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });
  });

  it('keeps one person per ID number: a second registration is a conflict', async () => {
    const id = testIdNumber(31);
    expect((await post('county_admin-yq', { name: '赵六', idNumber: id })).statusCode).toBe(201);
    const again = await post('city_admin-yq', { name: '赵六', idNumber: id, regionCode: '140303' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', field: 'idNumber' });
  });

  it('lets an institution add a person already registered (same name) and then see them', async () => {
    const id = testIdNumber(33);
    const created = await post('county_admin-yq', { name: '钱七', idNumber: id });
    const personId = created.json().id;
    expect((await t.app.inject({ url: `/api/v1/persons/${personId}`, headers: t.as('institution-yq') })).statusCode).toBe(404);
    const linked = await post('institution-yq', { name: '钱七', idNumber: id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ id: personId, outcome: 'linked' });
    expect((await t.app.inject({ url: `/api/v1/persons/${personId}`, headers: t.as('institution-yq') })).statusCode).toBe(200);
    const otherName = await post('institution-yq-mine', { name: '钱八', idNumber: id });
    expect(otherName.statusCode).toBe(409);
  });

  it('masks ID numbers and phones in lists and details for every role (whole values only on request)', async () => {
    const id = testIdNumber(35);
    const { json } = await post('county_admin-yq', { name: '孙九', idNumber: id, phone: '13812345678' });
    const personId = json().id;
    const masked = { idNumber: `${id.slice(0, 4)}**********${id.slice(14)}`, phone: '138****5678', masked: true };
    const list = await t.app.inject({ url: '/api/v1/persons?q=孙九', headers: t.as('county_admin-yq') });
    expect(list.json().items[0]).toMatchObject(masked);
    for (const user of ['reviewer-yq', 'finance-yq', 'city_admin-yq']) {
      const detail = await t.app.inject({ url: `/api/v1/persons/${personId}`, headers: t.as(user) });
      expect(detail.json()).toMatchObject(masked);
    }
  });

  describe('data scope', () => {
    let yqPerson: string;
    beforeAll(async () => {
      yqPerson = (await post('county_admin-yq', { name: '周十', idNumber: testIdNumber(37) })).json().id;
    });
    it('a county account never sees another county', async () => {
      expect((await t.app.inject({ url: `/api/v1/persons/${yqPerson}`, headers: t.as('county_admin-yq-mine') })).statusCode).toBe(404);
      const list = await t.app.inject({ url: '/api/v1/persons?q=周十', headers: t.as('county_admin-yq-mine') });
      expect(list.json().total).toBe(0);
    });
    it('a city account sees its counties, and not another city', async () => {
      expect((await t.app.inject({ url: `/api/v1/persons/${yqPerson}`, headers: t.as('city_admin-yq') })).statusCode).toBe(200);
      expect((await t.app.inject({ url: `/api/v1/persons/${yqPerson}`, headers: t.as('city_admin-hz') })).statusCode).toBe(404);
    });
    it('an institution sees only the people it registered or enrolled', async () => {
      const own = (await post('institution-yq', { name: '吴十一', idNumber: testIdNumber(39) })).json().id;
      expect((await t.app.inject({ url: `/api/v1/persons/${own}`, headers: t.as('institution-yq') })).statusCode).toBe(200);
      expect((await t.app.inject({ url: `/api/v1/persons/${own}`, headers: t.as('institution-yq-mine') })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/api/v1/persons/${yqPerson}`, headers: t.as('institution-yq') })).statusCode).toBe(404);
      const list = (await t.app.inject({ url: '/api/v1/persons?pageSize=200', headers: t.as('institution-yq') })).json();
      expect(list.items.map((p: any) => p.name)).toContain('吴十一');
      expect(list.items.map((p: any) => p.name)).not.toContain('周十');
    });
    it('an institution registers people in its own county whatever it asks for', async () => {
      const res = await post('institution-yq-mine', { name: '郑十二', idNumber: testIdNumber(41), regionCode: '140302' });
      expect(res.json()).toMatchObject({ regionCode: '140303' });
    });
    it('roles without access to persons are refused with 403', async () => {
      const res = await t.app.inject({ url: '/api/v1/persons', headers: t.as('evaluator-yq') });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
      expect((await post('finance-yq', { name: '冯', idNumber: testIdNumber(43) })).statusCode).toBe(403);
    });
  });

  it('updates a person, audits before and after, and never changes the ID number', async () => {
    const id = testIdNumber(45);
    const personId = (await post('county_admin-yq', { name: '陈十三', idNumber: id, groups: ['veteran'] })).json().id;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/persons/${personId}`, headers: t.as('county_admin-yq'), payload: { phone: '13700000001', employmentStatus: 'unemployed', idNumber: testIdNumber(47) } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idNumber: `${id.slice(0, 4)}**********${id.slice(14)}`, phone: '137****0001', employmentStatus: 'unemployed', groups: ['veteran'] });
    expect((await store().query(`SELECT id_number FROM person WHERE id = $1`, [personId])).rows[0].id_number).toBe(id);
    const { rows } = await store().query(`SELECT before, after FROM audit_log WHERE action = 'person.update' AND entity_id = $1`, [personId]);
    expect(rows[0].before.employmentStatus).toBe('none');
    expect(rows[0].after.employmentStatus).toBe('unemployed');
  });

  it('an out-of-scope update is refused and changes nothing', async () => {
    const personId = (await post('county_admin-yq', { name: '褚十四', idNumber: testIdNumber(49) })).json().id;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/persons/${personId}`, headers: t.as('county_admin-yq-mine'), payload: { name: '改名' } });
    expect(res.statusCode).toBe(404);
    const { rows } = await store().query(`SELECT name FROM person WHERE id = $1`, [personId]);
    expect(rows[0].name).toBe('褚十四');
  });

  it('compares identity with the external systems through the adapter', async () => {
    const id = testIdNumber(51);
    const personId = (await post('county_admin-yq', { name: '卫十五', idNumber: id })).json().id;
    await store().query(`INSERT INTO identity_fixture (id_number, draws_monthly_pension, household_region_code) VALUES ($1, true, '140303')`, [id]);
    const res = await t.app.inject({ url: `/api/v1/persons/${personId}/identity-check`, headers: t.as('county_admin-yq') });
    expect(res.statusCode).toBe(200);
    const rules = res.json().findings.map((f: any) => [f.rule, f.severity, f.citation]);
    expect(rules).toContainEqual(['eligibility.monthly_pension', 'refusal', '阳人社规发〔2024〕2号 第三条']);
    expect(rules.map((r: any) => r[0])).toContain('identity.household_mismatch');
  });

  it('paginates lists as { items, total, page, pageSize }', async () => {
    const res = await t.app.inject({ url: '/api/v1/persons?page=2&pageSize=3', headers: t.as('city_admin-yq') });
    const body = res.json();
    expect(body).toMatchObject({ page: 2, pageSize: 3 });
    expect(body.items.length).toBeLessThanOrEqual(3);
    expect(body.total).toBeGreaterThan(3);
    expect((await t.app.inject({ url: '/api/v1/persons?pageSize=1000', headers: t.as('city_admin-yq') })).json()).toMatchObject({ code: 'validation', field: 'pageSize' });
  });
});
