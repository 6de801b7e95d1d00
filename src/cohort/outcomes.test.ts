import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';
import { fire, readyDraft, trainAndComplete } from '../test/cohorts.ts';
import { judgeProof } from './employment.ts';
import { getPack, PACKS } from '../policy/packs/index.ts';

it.each([
  ['xinzhou: an order needs a contract of a year', 'xinzhou-2024', 'order', { kind: 'contract', contractStart: '2024-12-01', contractEnd: '2025-11-30' }, false],
  ['xinzhou: an order with a full year counts', 'xinzhou-2024', 'order', { kind: 'contract', contractStart: '2024-12-01', contractEnd: '2025-12-01' }, true],
  ['order refuses a flexible-employment proof', 'xinzhou-2024', 'project', { kind: 'flexible' }, false],
  ['wenshui: 6 months with both payrolls counts', 'wenshui-2023', 'employment_skills', { kind: 'contract', contractStart: '2024-01-01', contractEnd: '2024-07-01', firstPayrollMonth: '2024-01', latestPayrollMonth: '2024-06' }, true],
  ['wenshui: a contract without payrolls does not', 'wenshui-2023', 'employment_skills', { kind: 'contract', contractStart: '2024-01-01', contractEnd: '2024-07-01' }, false],
  ['wenshui: 5 months is too short', 'wenshui-2023', 'employment_skills', { kind: 'contract', contractStart: '2024-01-01', contractEnd: '2024-06-01', firstPayrollMonth: '2024-01', latestPayrollMonth: '2024-05' }, false],
  ['wenshui: own business licence counts', 'wenshui-2023', 'employment_skills', { kind: 'business_licence' }, true],
  // heze and yangquan state no one-year rule for orders: xinzhou's 三(一) is not applied to them
  ['heze: an order with a 7-month contract counts (no one-year rule in its pack)', 'heze-2024', 'order', { kind: 'contract', contractStart: '2024-01-01', contractEnd: '2024-08-01' }, true],
  ['yangquan: an order with a 7-month contract counts (no one-year rule in its pack)', 'yangquan-2024', 'order', { kind: 'contract', contractStart: '2024-01-01', contractEnd: '2024-08-01' }, true],
])('employment proof: %s', (_n, policy, programType, proof, counts) => {
  const pack = getPack(policy);
  const v = judgeProof(pack, programType as never, { employer: '某公司', contractStart: null, contractEnd: null, firstPayrollMonth: null, latestPayrollMonth: null, ...proof } as never);
  expect(v.counts).toBe(counts);
  // the pack's own article, or the general SPEC reading where the pack states none: never another city's
  expect(v.citation.startsWith(pack.docNumber) || v.citation === 'SPEC §2 employment').toBe(true);
  expect(PACKS.filter((p) => p.id !== policy).some((p) => v.citation.includes(p.docNumber))).toBe(false);
});

describeStores('vouchers, employment, subsidy preview, advance', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of ['institution-yq', 'county_admin-yq', 'city_admin-yq', 'finance-yq', 'institution-hz']) await t.login(u);
  });
  const post = (user: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: t.as(user), payload });

  /** An order cohort at completion_approved, with exams recorded: first two pass, the third fails. */
  async function completed(idBase: number, programType = 'order') {
    const c = await readyDraft(t, { user: 'institution-yq', idBase, persons: 3, programType });
    await fire(t, 'institution-yq', c.id, 'submit_opening');
    await fire(t, 'county_admin-yq', c.id, 'approve_opening');
    if (programType === 'order') await fire(t, 'city_admin-yq', c.id, 'approve_opening');
    await trainAndComplete(t, c, { institution: 'institution-yq', county: 'county_admin-yq' });
    await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${c.id}/exams`, headers: t.as('institution-yq'), payload: { results: c.personIds.map((personId, i) => ({ personId, theoryScore: i < 2 ? 80 : 40, practicalScore: 80 })) } });
    return c;
  }

  it('runs the voucher loop: apply, issue, bind once to an enrolment, redeem, write off', async () => {
    const c = await readyDraft(t, { user: 'institution-yq', idBase: 10, persons: 1 });
    const applied = await post('institution-yq', '/api/v1/vouchers', { personId: c.personIds[0] });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ state: 'applied', number: expect.stringMatching(/^DZQ140300\d{10}$/) });
    const v = applied.json().id;
    expect((await post('institution-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'issue' })).json().code).toBe('forbidden');
    expect((await post('county_admin-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'issue' })).json().state).toBe('issued');
    expect((await post('institution-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'bind' })).json()).toMatchObject({ code: 'validation', field: 'cohortId' });
    const bound = await post('institution-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'bind', cohortId: c.id });
    expect(bound.json()).toMatchObject({ state: 'bound', cohortId: c.id });
    expect((await post('institution-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'bind', cohortId: c.id })).json()).toMatchObject({ code: 'illegal_transition', state: 'bound' });
    // a second voucher of the same person cannot be bound to the same training
    const second = (await post('institution-yq', '/api/v1/vouchers', { personId: c.personIds[0] })).json().id;
    await post('county_admin-yq', `/api/v1/vouchers/${second}/transitions`, { action: 'issue' });
    expect((await post('institution-yq', `/api/v1/vouchers/${second}/transitions`, { action: 'bind', cohortId: c.id })).json().code).toBe('conflict');
    // 兑现 waits until the training is over and examined: refused while the cohort is a draft, nothing changes
    const early = await post('finance-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'redeem' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'conflict', field: 'action', cohortState: 'draft' });
    expect(early.json().detail).toContain('草稿');
    expect((await store().query(`SELECT state FROM voucher WHERE id = $1`, [v])).rows[0].state).toBe('bound');
    for (const state of ['rejected', 'in_training']) {
      await store().query(`UPDATE cohort SET state = $2 WHERE id = $1`, [c.id, state]); // the cohort's state as a fact
      expect((await post('finance-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'redeem' })).statusCode).toBe(409);
    }
    await store().query(`UPDATE cohort SET state = 'examined' WHERE id = $1`, [c.id]);
    expect((await post('finance-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'redeem' })).json().state).toBe('redeemed');
    expect((await post('county_admin-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'write_off' })).json().state).toBe('written_off');
  });

  it('a voucher binds only to a cohort the person is enrolled in', async () => {
    const a = await readyDraft(t, { user: 'institution-yq', idBase: 20, persons: 1 });
    const b = await readyDraft(t, { user: 'institution-yq', idBase: 30, persons: 1 });
    const v = (await post('institution-yq', '/api/v1/vouchers', { personId: a.personIds[0] })).json().id;
    await post('county_admin-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'issue' });
    const res = await post('institution-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'bind', cohortId: b.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().reasons[0].citation).toBe('阳人社规发〔2024〕2号 第十一条、第十五条');
  });

  it('the engine pays only persons with a bound voucher (无券不补) and only the employed when the rate is below 80%', async () => {
    const c = await completed(40);
    await fire(t, 'institution-yq', c.id, 'record_exams');
    // only person 0 has a voucher bound to this training
    const v = (await post('institution-yq', '/api/v1/vouchers', { personId: c.personIds[0] })).json().id;
    await post('county_admin-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'issue' });
    await post('institution-yq', `/api/v1/vouchers/${v}/transitions`, { action: 'bind', cohortId: c.id });
    const short = await post('institution-yq', `/api/v1/cohorts/${c.id}/employment-proofs`, { personId: c.personIds[0], kind: 'contract', employer: '阳泉煤业', contractStart: '2024-12-01', contractEnd: '2025-03-01' });
    expect(short.json()).toMatchObject({ counts: false });
    const year = await post('institution-yq', `/api/v1/cohorts/${c.id}/employment-proofs`, { personId: c.personIds[0], kind: 'contract', employer: '阳泉煤业', contractStart: '2024-12-01', contractEnd: '2025-12-01' });
    expect(year.json()).toMatchObject({ counts: true });
    const employment = (await t.app.inject({ url: `/api/v1/cohorts/${c.id}/employment`, headers: t.as('county_admin-yq') })).json();
    expect(employment.rate).toMatchObject({ passed: 2, employed: 1, reached: false });
    const subsidy = (await t.app.inject({ url: `/api/v1/cohorts/${c.id}/subsidy`, headers: t.as('county_admin-yq') })).json();
    const byId = new Map(subsidy.persons.map((p: any) => [p.id, p]));
    const paid = byId.get(c.personIds[0]) as any;
    expect(paid.amountFen).toBe(10 * 15000); // 10 days of lessons (11-20..29), 150 yuan a day (第六条)
    const noVoucher = byId.get(c.personIds[1]) as any;
    expect(noVoucher.amountFen).toBe(0);
    expect(noVoucher.reasons.map((r: any) => r.citation).join()).toContain('阳人社规发〔2024〕2号');
    expect(subsidy.totalFen).toBe(paid.amountFen);
  });

  it('refuses person ids in bodies that are not on the cohort’s roster (another cohort’s, another city’s, unknown): 404 naming the field, nothing written', async () => {
    const c = await completed(60, 'employment_skills');
    const other = await readyDraft(t, { user: 'institution-yq', idBase: 70, persons: 1 });
    const hz = await readyDraft(t, { user: 'institution-hz', policy: 'heze-2024', idBase: 75, persons: 1, region: '371702', documents: false });
    const put = (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: t.as('institution-yq'), payload });
    const audit = async () => (await t.ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    for (const stranger of [other.personIds[0], hz.personIds[0], '00000000-0000-4000-8000-000000000009']) {
      const before = await audit();
      const proof = await post('institution-yq', `/api/v1/cohorts/${c.id}/employment-proofs`, { personId: stranger, kind: 'flexible', employer: '个体' });
      expect(proof.statusCode, proof.body).toBe(404);
      expect(proof.json()).toMatchObject({ code: 'not_found', field: 'personId' });
      const exams = await put(`/api/v1/cohorts/${c.id}/exams`, { results: [{ personId: c.personIds[0], theoryScore: 80, practicalScore: 80 }, { personId: stranger, theoryScore: 80, practicalScore: 80 }] });
      expect(exams.statusCode, exams.body).toBe(404);
      expect(exams.json()).toMatchObject({ code: 'not_found', field: 'results.1.personId' });
      expect(await audit()).toBe(before);
    }
  });
});
