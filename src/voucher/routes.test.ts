import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, testIdNumber } from '../test/fixtures.ts';
import { readyDraft } from '../test/cohorts.ts';

describeStores('the voucher list links only what the caller can open', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const users = ['institution-yq', 'institution-yq-mine', 'county_admin-yq', 'county_admin-yq-mine'];
  /** A voucher of a person registered in 矿区 (140303), bound to a cohort in 城区 (140302); and one of a 城区 person. */
  const ids = { crossVoucher: '', crossPerson: '', localVoucher: '', localPerson: '', cohort: '' };

  const get = (user: string, url: string) => t.app.inject({ url, headers: t.as(user) });
  const post = async (user: string, url: string, payload: object, status: number) => {
    const res = await t.app.inject({ method: 'POST', url, headers: t.as(user), payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const list = async (user: string) => {
    const res = await get(user, '/api/v1/vouchers?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<{ id: string; personId: string; cohortId: string | null; personVisible: boolean; cohortVisible: boolean }>;
  };

  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of users) await t.login(u);
    const c = await readyDraft(t, { user: 'institution-yq', idBase: 940, persons: 1, documents: false });
    ids.cohort = c.id;
    ids.localPerson = c.personIds[0];
    // registered by the 矿区 institution, then entered by the 城区 one (same city, same name: linked, not moved)
    const person = { name: '跨县学员', idNumber: testIdNumber(944, '140303'), groups: ['rural_migrant'] };
    ids.crossPerson = (await post('institution-yq-mine', '/api/v1/persons', person, 201)).id;
    const linked = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as('institution-yq'), payload: person });
    expect(linked.statusCode, linked.body).toBeLessThan(300);
    expect(linked.json().id).toBe(ids.crossPerson);
    await post('institution-yq', `/api/v1/cohorts/${c.id}/enrolments`, { personId: ids.crossPerson }, 201);
    ids.crossVoucher = (await post('institution-yq', '/api/v1/vouchers', { personId: ids.crossPerson }, 201)).id;
    await post('county_admin-yq-mine', `/api/v1/vouchers/${ids.crossVoucher}/transitions`, { action: 'issue' }, 200);
    await post('institution-yq', `/api/v1/vouchers/${ids.crossVoucher}/transitions`, { action: 'bind', cohortId: c.id }, 200);
    ids.localVoucher = (await post('institution-yq', '/api/v1/vouchers', { personId: ids.localPerson }, 201)).id;
  });

  it('a county sees a voucher bound to its cohort with the person of another county unlinked, and its own people linked', async () => {
    const items = await list('county_admin-yq');
    expect(items.find((v) => v.id === ids.crossVoucher)).toMatchObject({ personId: ids.crossPerson, personVisible: false, cohortId: ids.cohort, cohortVisible: true });
    expect(items.find((v) => v.id === ids.localVoucher)).toMatchObject({ personId: ids.localPerson, personVisible: true, cohortVisible: false, cohortId: null });
    expect((await get('county_admin-yq', `/api/v1/persons/${ids.crossPerson}`)).statusCode).toBe(404);
  });

  it('an institution sees its person’s voucher bound to another institution’s cohort without a link to that cohort', async () => {
    const items = await list('institution-yq-mine');
    expect(items.find((v) => v.id === ids.crossVoucher)).toMatchObject({ personVisible: true, cohortId: ids.cohort, cohortVisible: false });
  });

  // (矿区's county no longer sees the voucher once it is bound to a 城区 cohort)
  it.each(['institution-yq', 'institution-yq-mine', 'county_admin-yq'])('%s opens every person and cohort its list links to, and none of those it leaves unlinked', async (user) => {
    const items = await list(user);
    expect(items.length).toBeGreaterThan(0);
    for (const v of items) {
      expect((await get(user, `/api/v1/persons/${v.personId}`)).statusCode, `${user} person of ${v.id}`).toBe(v.personVisible ? 200 : 404);
      if (v.cohortId) expect((await get(user, `/api/v1/cohorts/${v.cohortId}`)).statusCode, `${user} cohort of ${v.id}`).toBe(v.cohortVisible ? 200 : 404);
      else expect(v.cohortVisible).toBe(false);
    }
  });
});
