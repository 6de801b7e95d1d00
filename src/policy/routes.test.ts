import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';
import { fire, readyDraft } from '../test/cohorts.ts';
import { calculate } from './calculate.ts';
import { parseCase } from './case-file.ts';
import { findPack } from './packs/index.ts';

const hezeCase = (asOf = '2024-12-01', parameters = {}) => ({
  policy: 'heze-2024', kind: 'training', asOf, parameters,
  cohort: { programType: 'employment_skills', occupation: '6-31-01-03', level: 5, startDate: '2024-11-01', days: 10, lessons: 80, approvedHeadcount: 2, verifiedHeadcount: 2, missingRecordingHalfDays: 0 },
  trainees: [
    { id: 'A', passed: true, employed: true, attendanceRate: 0.9, groups: ['rural_migrant'], skillUpgradeSubsidy: false, history: [] },
    { id: 'B', passed: false, employed: false, attendanceRate: 0.9, groups: [], skillUpgradeSubsidy: false, history: [] },
  ],
});

describeStores('policy parameters and the calc API', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of ['city_admin-hz', 'county_admin-hz', 'city_admin-yq', 'institution-hz', 'institution-sh', 'county_admin-sh', 'city_admin-sh']) await t.login(u);
  });
  const calc = (body: object, user = 'institution-hz') => t.app.inject({ method: 'POST', url: '/api/v1/subsidy/calc', headers: t.as(user), payload: body });
  const setParam = (user: string, pack: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/policies/${pack}/parameters`, headers: t.as(user), payload: body });

  it('lists the five packs, the caller’s own city’s first and marked own', async () => {
    const listed = async (user: string) => (await t.app.inject({ url: '/api/v1/policies', headers: t.as(user) })).json().items.map((p: any) => [p.id, p.own]);
    expect(await listed('institution-hz')).toEqual([['heze-2024', true], ['yangquan-2024', false], ['xinzhou-2024', false], ['wenshui-2023', false], ['suihua-2019', false]]);
    expect(await listed('county_admin-sh')).toEqual([['suihua-2019', true], ['yangquan-2024', false], ['xinzhou-2024', false], ['wenshui-2023', false], ['heze-2024', false]]);
    expect((await listed('city_admin-yq'))[0]).toEqual(['yangquan-2024', true]);
  });

  it('a computation needing an unset parameter is refused naming it, by key and by its text in the pack', async () => {
    const res = await calc(hezeCase());
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'unset_parameter', field: 'standardPerPersonFen' });
    const text = findPack('heze-2024')!.parameters.find((p) => p.key === 'standardPerPersonFen')!.text;
    expect(res.json().parameterText).toBe(text);
    expect(text).toMatch(/[\u4e00-\u9fff]/); // Chinese, for the officer; the key is for technical detail
  });

  it('only the issuing bureau sets a pack’s parameters, and bad values name the field', async () => {
    const body = { key: 'standardPerPersonFen', value: 120000, from: '2024-10-01', source: '菏人社字〔2024〕88号' };
    expect((await setParam('county_admin-hz', 'heze-2024', body)).statusCode).toBe(403);
    expect((await setParam('city_admin-yq', 'heze-2024', body)).statusCode).toBe(403);
    expect((await setParam('city_admin-hz', 'heze-2024', { ...body, key: 'dailyStandardFen' })).json()).toMatchObject({ code: 'validation', field: 'key' });
    expect((await setParam('city_admin-hz', 'heze-2024', { ...body, value: 12.5 })).json()).toMatchObject({ code: 'validation', field: 'value' });
    expect((await setParam('city_admin-hz', 'heze-2024', { ...body, to: '2024-01-01' })).json()).toMatchObject({ code: 'validation', field: 'to' });
    expect((await setParam('city_admin-hz', 'heze-2024', { ...body, source: '' })).json()).toMatchObject({ code: 'validation', field: 'source' });
    const { rows } = await store().query(`SELECT count(*)::int AS n FROM policy_parameter`);
    expect(rows[0].n).toBe(0);
  });

  it('a value set with its effective date and source is used on and after that date, audited', async () => {
    const set = await setParam('city_admin-hz', 'heze-2024', { key: 'standardPerPersonFen', value: 120000, from: '2024-12-01', source: '菏人社字〔2024〕88号' });
    expect(set.statusCode).toBe(201);
    expect((await calc(hezeCase('2024-11-30'))).json().code).toBe('unset_parameter');
    const res = await calc(hezeCase('2024-12-01'));
    expect(res.statusCode).toBe(200);
    const viaEngine = calculate(parseCase(hezeCase('2024-12-01', { standardPerPersonFen: 120000 })));
    expect(res.json().totalFen).toBe(120000);
    expect(res.json().lines).toEqual(viaEngine.lines);
    const audit = await store().query(`SELECT actor, after FROM audit_log WHERE action = 'policy_parameter.set'`);
    expect(audit.rows[0]).toMatchObject({ actor: 'city_admin-hz', after: { value: 120000, source: '菏人社字〔2024〕88号' } });
    const ended = await t.app.inject({ method: 'POST', url: `/api/v1/policies/heze-2024/parameters/${set.json().id}/end`, headers: t.as('city_admin-hz'), payload: { to: '2024-12-31' } });
    expect(ended.json().to).toBe('2024-12-31');
    expect((await calc(hezeCase('2025-01-02'))).json().code).toBe('unset_parameter');
    expect((await calc(hezeCase('2024-12-31'))).json().totalFen).toBe(120000);
  });

  it('the case’s own parameters win over the table', async () => {
    expect((await calc(hezeCase('2024-12-10', { standardPerPersonFen: 50000 }))).json().totalFen).toBe(50000);
  });

  it('a bad case file is a 400 naming the field', async () => {
    const res = await calc({ ...hezeCase(), cohort: { ...hezeCase().cohort, days: -1 } });
    expect(res.json()).toMatchObject({ code: 'validation', field: 'cohort.days' });
  });

  it('a fractional fen amount or an oversized string is a 400 naming the field, in words', async () => {
    const fractional = await calc(hezeCase('2024-12-10', { standardPerPersonFen: 12000.5 }));
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json()).toMatchObject({ code: 'validation', field: 'parameters.standardPerPersonFen' });
    expect(fractional.json().detail).toContain('whole number of fen');
    const long = await calc({ ...hezeCase(), cohort: { ...hezeCase().cohort, occupation: 'x'.repeat(201) } });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'validation', field: 'cohort.occupation' });
  });

  it('records Suihua’s advance as due when the opening is approved, from the standard in force', async () => {
    const draft = () => readyDraft(t, { user: 'institution-sh', idBase: 300, persons: 2, region: '231202', policy: 'suihua-2019', startDate: '2024-12-16', endDate: '2024-12-18', programType: 'employment_skills' });
    const unset = await draft();
    await fire(t, 'institution-sh', unset.id, 'submit_opening');
    const refused = await fire(t, 'county_admin-sh', unset.id, 'approve_opening');
    expect(refused.json()).toMatchObject({ code: 'unset_parameter', field: 'standardPerPersonFen' });
    await setParam('city_admin-sh', 'suihua-2019', { key: 'standardPerPersonFen', value: 150000, from: '2019-12-05', source: '绥财联发〔2018〕49号' });
    const approved = await fire(t, 'county_admin-sh', unset.id, 'approve_opening');
    expect(approved.json()).toMatchObject({ state: 'opening_approved', advanceDueFen: 2 * 75000 });
    const detail = (await t.app.inject({ url: `/api/v1/cohorts/${unset.id}`, headers: t.as('county_admin-sh') })).json();
    expect(detail.advanceExplanation[0]).toMatchObject({ rule: 'suihua.advance', amountFen: 150000, citation: expect.stringContaining('绥就办发〔2019〕1号') });
  });

  it('a cohort must follow the policy of its own city', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cohorts', headers: t.as('institution-hz'), payload: { policy: 'yangquan-2024', programType: 'order', occupationCode: '6-31-01-03', level: 5, name: '跨市', startDate: '2024-12-01', endDate: '2024-12-05' } });
    expect(res.json()).toMatchObject({ code: 'validation', field: 'policy' });
  });

  it('shows who set a parameter by display name, keeping the recorded login name in setBy', async () => {
    await store().query(`UPDATE account SET display_name = '绥化市人社局' WHERE username = 'city_admin-sh'`);
    const pack = (await t.app.inject({ url: '/api/v1/policies/suihua-2019', headers: t.as('city_admin-sh') })).json();
    const stored = pack.parameters.find((p: any) => p.key === 'standardPerPersonFen').stored;
    expect(stored.map((s: any) => [s.setBy, s.setByName])).toEqual([['city_admin-sh', '绥化市人社局']]);
  });
});
