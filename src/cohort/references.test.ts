import { beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, testIdNumber, type World } from '../test/fixtures.ts';
import { fire, readyDraft } from '../test/cohorts.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000001';
const MALFORMED = 'not-a-uuid';

/**
 * Every write endpoint that takes an id in its body, refused for a foreign-city id, an unknown id (404 naming the
 * field) and a malformed id (400 naming the field), with nothing changed: same audit count, same rows.
 */
describeStores('ids in request bodies stay inside the caller’s scope', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  let draft: { id: string; personIds: string[] };
  let hezePerson: string;
  let hezeCohort: string;
  let voucherId: string;
  beforeAll(async () => {
    w = await seedWorld(store());
    t = await testApp(store());
    for (const u of ['institution-yq', 'county_admin-yq', 'city_admin-yq', 'institution-hz']) await t.login(u);
    draft = await readyDraft(t, { user: 'institution-yq', idBase: 700, persons: 1, documents: false });
    const hz = await readyDraft(t, { user: 'institution-hz', policy: 'heze-2024', idBase: 720, persons: 1, region: '371702', documents: false });
    hezeCohort = hz.id;
    hezePerson = hz.personIds[0];
    const yqPerson = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as('institution-yq'), payload: { name: '券学员', idNumber: testIdNumber(742), groups: ['rural_migrant'] } });
    const v = await t.app.inject({ method: 'POST', url: '/api/v1/vouchers', headers: t.as('institution-yq'), payload: { personId: yqPerson.json().id } });
    expect(v.statusCode, v.body).toBe(201);
    voucherId = v.json().id;
    const issued = await t.app.inject({ method: 'POST', url: `/api/v1/vouchers/${voucherId}/transitions`, headers: t.as('county_admin-yq'), payload: { action: 'issue' } });
    expect(issued.statusCode, issued.body).toBe(200);
  });

  const cohortBody = (enterpriseId: string) => ({
    policy: 'yangquan-2024', programType: 'order', occupationCode: '6-31-01-03', level: 5, name: '订单班', startDate: '2024-11-20', endDate: '2024-11-29', enterpriseId,
  });
  const lesson = (teacherId: string) => ({ date: '2024-11-20', startsAt: '17:00', endsAt: '18:00', kind: 'theory', lessons: 1, teacherId });

  type Case = { name: string; user: string; method: 'POST' | 'PUT'; url: () => string; field: string; body: (id: string) => object; foreign: () => string };
  const cases: Case[] = [
    { name: 'assign evaluator', user: 'county_admin-yq', method: 'PUT', url: () => `/api/v1/cohorts/${draft.id}/evaluator`, field: 'evaluatorId', body: (evaluatorId) => ({ evaluatorId }), foreign: () => w.evaluators.heze },
    { name: 'create cohort with enterprise', user: 'institution-yq', method: 'POST', url: () => '/api/v1/cohorts', field: 'enterpriseId', body: cohortBody, foreign: () => w.enterprises.heze },
    { name: 'edit cohort with enterprise', user: 'institution-yq', method: 'PUT', url: () => `/api/v1/cohorts/${draft.id}`, field: 'enterpriseId', body: cohortBody, foreign: () => w.enterprises.heze },
    { name: 'enrol a person', user: 'institution-yq', method: 'POST', url: () => `/api/v1/cohorts/${draft.id}/enrolments`, field: 'personId', body: (personId) => ({ personId }), foreign: () => hezePerson },
    { name: 'add a lesson with a teacher', user: 'institution-yq', method: 'POST', url: () => `/api/v1/cohorts/${draft.id}/lessons`, field: 'teacherId', body: lesson, foreign: () => w.teachers.heze },
    { name: 'apply for a voucher', user: 'institution-yq', method: 'POST', url: () => '/api/v1/vouchers', field: 'personId', body: (personId) => ({ personId }), foreign: () => hezePerson },
    { name: 'bind a voucher to a cohort', user: 'institution-yq', method: 'POST', url: () => `/api/v1/vouchers/${voucherId}/transitions`, field: 'cohortId', body: (cohortId) => ({ action: 'bind', cohortId }), foreign: () => hezeCohort },
  ];

  const snapshot = async () => (await t.ctx.db.query(
    `SELECT (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM cohort)::int AS cohorts, (SELECT count(*) FROM lesson)::int AS lessons,
            (SELECT count(*) FROM enrolment)::int AS enrolments, (SELECT count(*) FROM voucher)::int AS vouchers,
            (SELECT evaluator_id FROM cohort WHERE id = $1) AS evaluator, (SELECT enterprise_id FROM cohort WHERE id = $1) AS enterprise,
            (SELECT state FROM voucher WHERE id = $2) AS voucher_state`, [draft.id, voucherId])).rows[0];

  describe.each(cases)('$name', (c) => {
    it.each([
      ['a foreign city’s id', () => c.foreign(), 404],
      ['an unknown id', () => UNKNOWN, 404],
      ['a malformed id', () => MALFORMED, 400],
    ])(`refuses %s naming ${c.field}, and changes nothing`, async (_what, id, status) => {
      const before = await snapshot();
      const r = await t.app.inject({ method: c.method, url: c.url(), headers: t.as(c.user), payload: c.body(id()) });
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().field).toBe(c.field);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('assigns an evaluator of the cohort’s own city', async () => {
    const r = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${draft.id}/evaluator`, headers: t.as('county_admin-yq'), payload: { evaluatorId: w.evaluators.yq } });
    expect(r.statusCode, r.body).toBe(200);
    expect((await t.ctx.db.query(`SELECT evaluator_id FROM cohort WHERE id = $1`, [draft.id])).rows[0].evaluator_id).toBe(w.evaluators.yq);
  });

  it('puts an enterprise of the institution’s own city on a cohort', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/cohorts', headers: t.as('institution-yq'), payload: cohortBody(w.enterprises.yq) });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().enterpriseId).toBe(w.enterprises.yq);
  });

  it('refuses to change the evaluator of a cancelled cohort (403), evaluator unchanged', async () => {
    const c = await readyDraft(t, { user: 'institution-yq', idBase: 760, persons: 1, documents: false });
    expect((await fire(t, 'institution-yq', c.id, 'cancel', '计划调整')).statusCode).toBe(200);
    const before = await snapshot();
    const r = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${c.id}/evaluator`, headers: t.as('county_admin-yq'), payload: { evaluatorId: w.evaluators.yq } });
    expect(r.statusCode, r.body).toBe(403);
    expect(r.json().code).toBe('forbidden');
    expect((await t.ctx.db.query(`SELECT evaluator_id FROM cohort WHERE id = $1`, [c.id])).rows[0].evaluator_id).toBeNull();
    expect(await snapshot()).toEqual(before);
  });
});
