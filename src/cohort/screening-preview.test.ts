import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, testClock, testIdNumber } from '../test/fixtures.ts';
import { fire, readyDraft } from '../test/cohorts.ts';

describeStores('screening preview of persons before enrolling them', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const clock = testClock('2024-11-05T02:00:00Z');
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store(), clock);
    for (const u of ['institution-yq', 'institution-yq-mine', 'county_admin-yq', 'institution-hz']) await t.login(u);
  });
  const preview = (user: string, id: string, personIds: string[]) =>
    t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/screening-preview`, headers: t.as(user), payload: { personIds } });
  const register = async (user: string, n: number, groups: string[]) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as(user), payload: { name: `候选${n}`, idNumber: testIdNumber(n), groups } });
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json().id as string;
  };
  const counts = async (cohortId: string) => ({
    enrolled: Number((await store().query(`SELECT count(*) AS n FROM enrolment WHERE cohort_id = $1`, [cohortId])).rows[0].n),
    audit: Number((await store().query(`SELECT count(*) AS n FROM audit_log`)).rows[0].n),
  });

  it('answers each candidate’s eligibility with reasons and citations, and enrols nobody', async () => {
    const busy = await readyDraft(t, { user: 'institution-yq', idBase: 300, persons: 1, startDate: '2024-12-02', endDate: '2024-12-04' });
    expect((await fire(t, 'institution-yq', busy.id, 'submit_opening')).statusCode).toBe(200);
    const draft = await readyDraft(t, { user: 'institution-yq', idBase: 400, persons: 1, startDate: '2024-12-03', endDate: '2024-12-05' });
    const keyGroup = await register('institution-yq', 501, ['rural_migrant']);
    const pensioner = await register('institution-yq', 503, ['rural_migrant']);
    const idNumber = (await store().query(`SELECT id_number FROM person WHERE id = $1`, [pensioner])).rows[0].id_number;
    await store().query(`INSERT INTO identity_fixture (id_number, draws_monthly_pension) VALUES ($1, true)`, [idNumber]);
    const before = await counts(draft.id);

    const res = await preview('institution-yq', draft.id, [keyGroup, pensioner, busy.personIds[0], draft.personIds[0]]);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { personId: string; name: string; eligible: boolean; enrolled: boolean; reasons: { rule: string; citation: string; text: string }[] }[];
    expect(items.map((i) => [i.personId, i.name, i.enrolled])).toEqual([
      [keyGroup, '候选501', false], [pensioner, '候选503', false], [busy.personIds[0], '学员300', false], [draft.personIds[0], '学员400', true],
    ]);
    expect(items[0].eligible).toBe(true);
    expect(items[0].reasons.map((r) => r.rule)).not.toContain('voucher.unbound'); // no voucher to miss before enrolling
    expect(items[1].eligible).toBe(false);
    expect(items[1].reasons.map((r) => r.rule)).toContain('eligibility.monthly_pension');
    expect(items[2].eligible).toBe(false);
    expect(items[2].reasons.find((r) => r.rule === 'enrolment.overlap')?.text).toContain('的课时与本班重叠');
    expect(items[3].reasons.map((r) => r.rule)).toContain('voucher.unbound'); // on the roster: its voucher is missing
    for (const r of items.flatMap((i) => i.reasons)) expect(r.citation).toBeTruthy();
    expect(await counts(draft.id)).toEqual(before);
  });

  it('is scoped like enrolling: another institution’s draft, a submitted cohort and persons out of scope are refused', async () => {
    const draft = await readyDraft(t, { user: 'institution-yq', idBase: 600, persons: 1, documents: false });
    const mine = await register('institution-yq', 611, []);
    const theirs = await register('institution-yq-mine', 613, []);
    expect((await preview('institution-yq-mine', draft.id, [theirs])).statusCode).toBe(404);
    expect((await preview('institution-hz', draft.id, [mine])).statusCode).toBe(404);
    expect((await preview('county_admin-yq', draft.id, [mine])).json().code).toBe('forbidden');
    const outOfScope = await preview('institution-yq', draft.id, [mine, theirs]);
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json()).toMatchObject({ code: 'not_found', field: 'personIds.1' });
    expect((await preview('institution-yq', draft.id, [])).json()).toMatchObject({ code: 'validation' });
    const submitted = await readyDraft(t, { user: 'institution-yq', idBase: 620, persons: 1 });
    expect((await fire(t, 'institution-yq', submitted.id, 'submit_opening')).statusCode).toBe(200);
    expect((await preview('institution-yq', submitted.id, [mine])).json().code).toBe('forbidden');
  });
});
