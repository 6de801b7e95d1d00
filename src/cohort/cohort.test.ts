import { beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { multipart, seedWorld, testApp, testClock, testIdNumber, withWrongCheckDigit, type World } from '../test/fixtures.ts';
import { fire, onDay, readyDraft, stateOf, trainAndComplete } from '../test/cohorts.ts';
import { deadEnds, unreachableStates } from '../shared/machine.ts';
import { CERTIFICATE_NUMBER_PATTERN } from '../certificate/certificate.ts';
import { cohortMachine } from './cohort.ts';
import { canRenderPdf } from '../test/environment.ts';

describe('cohort machine as data', () => {
  it('reaches every state and has no dead end', () => {
    expect(unreachableStates(cohortMachine)).toEqual([]);
    expect(deadEnds(cohortMachine)).toEqual([]);
  });
  it('keeps the action names of SPEC §3.3', () => {
    const actions = new Set(cohortMachine.transitions.map((t) => t.action));
    for (const a of ['submit_opening', 'approve_opening', 'return_opening', 'reject', 'start', 'submit_completion', 'approve_completion', 'return_completion', 'record_exams', 'claim', 'close', 'cancel']) {
      expect(actions.has(a as never)).toBe(true);
    }
  });
});

describeStores('cohort life cycle', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let world: World;
  const clock = testClock('2024-11-05T02:00:00Z');
  const users = ['institution-yq', 'institution-yq-mine', 'county_admin-yq', 'county_admin-yq-mine', 'city_admin-yq', 'reviewer-yq', 'institution-hz', 'county_admin-hz', 'evaluator-yq', 'evaluator-yq-trainer', 'finance-yq'];
  beforeAll(async () => {
    world = await seedWorld(store());
    t = await testApp(store(), clock);
    for (const u of users) await t.login(u);
  });
  const get = (user: string, url: string) => t.app.inject({ url, headers: t.as(user) });

  it('walks an order cohort from draft to numbered certificates: county reviews, city approves', async () => {
    const { id, personIds } = await readyDraft(t, { user: 'institution-yq', idBase: 100, programType: 'order', teacherId: world.teachers.yqCity });
    const submitted = await fire(t, 'institution-yq', id, 'submit_opening');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().state).toBe('opening_submitted');
    expect(submitted.json().screening).toHaveLength(3);
    expect(submitted.json().screening[0].reasons.map((r: any) => r.rule)).toContain('voucher.unbound');
    const county = await fire(t, 'county_admin-yq', id, 'approve_opening');
    expect(county.json().state).toBe('opening_county_approved');
    expect((await fire(t, 'county_admin-yq', id, 'approve_opening')).json().code).toBe('forbidden');
    expect((await fire(t, 'city_admin-yq', id, 'approve_opening')).json().state).toBe('opening_approved');
    await t.travel(onDay('2024-11-20'));
    expect((await fire(t, 'institution-yq', id, 'start')).json().state).toBe('in_training');
    const noRoster = await fire(t, 'institution-yq', id, 'submit_completion');
    expect(noRoster.statusCode).toBe(422);
    expect(noRoster.json().reasons[0].rule).toBe('completion.roster');
    await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/completion-roster`, headers: t.as('institution-yq'), payload: { personIds } });
    await t.travel(onDay('2024-11-29'));
    expect((await fire(t, 'institution-yq', id, 'submit_completion')).json().state).toBe('completion_submitted');
    expect((await fire(t, 'county_admin-yq', id, 'approve_completion')).json().state).toBe('completion_approved');
    const missing = await fire(t, 'institution-yq', id, 'record_exams');
    expect(missing.json().reasons[0].rule).toBe('exam.missing');
    const exams = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/exams`, headers: t.as('institution-yq'), payload: { results: [
      { personId: personIds[0], theoryScore: 80, practicalScore: 75 },
      { personId: personIds[1], theoryScore: 90, practicalScore: 59 },
      { personId: personIds[2], theoryScore: 60, practicalScore: null },
    ] } });
    expect(exams.json()).toMatchObject({ recorded: 3, passed: 2 });
    const examined = await fire(t, 'institution-yq', id, 'record_exams');
    expect(examined.json().state).toBe('examined');
    const numbers: string[] = examined.json().certificates;
    expect(numbers).toHaveLength(2);
    for (const n of numbers) expect(n).toMatch(CERTIFICATE_NUMBER_PATTERN);
    expect(numbers[0]).toMatch(/^JNPX14030224\d{6}$/); // 城区 140302 in full, issued 2024
    const issued = await store().query(`SELECT DISTINCT issued_on::text AS d FROM certificate WHERE cohort_id = $1`, [id]);
    expect(issued.rows).toEqual([{ d: '2024-11-29' }]); // the last day of training, not before
    const listed = (await get('institution-yq', `/api/v1/certificates?cohortId=${id}`)).json();
    expect(listed.items.map((c: any) => c.number).sort()).toEqual([...numbers].sort());
    const pub = await t.app.inject({ url: `/api/v1/public/certificates/${numbers[0]}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ number: numbers[0], occupation: '电工', level: 5, institution: '阳泉市城区惠民职业培训学校' });
    const holder = (await store().query(`SELECT p.name FROM certificate c JOIN person p ON p.id = c.person_id WHERE c.number = $1`, [numbers[0]])).rows[0].name as string;
    expect(pub.json().holder).not.toBe(holder); // the public sees the name partly hidden
    expect(pub.json().holder).toMatch(new RegExp(`^${holder[0]}\\*+`));
    expect((await t.app.inject({ url: '/api/v1/public/certificates/JNPX14030224999999' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/public/certificates/nonsense' })).json()).toMatchObject({ code: 'validation', field: 'number' });
    const events = (await get('county_admin-yq', `/api/v1/cohorts/${id}`)).json().events.map((e: any) => e.action);
    expect(events).toEqual(['submit_opening', 'approve_opening', 'approve_opening', 'start', 'submit_completion', 'approve_completion', 'record_exams']);
    const audit = await store().query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'cohort' AND entity_id = $1 AND action LIKE 'cohort.%'`, [id]);
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(events.length);
    await t.travel('2024-11-05T02:00:00Z');
  });

  it('refuses to start before the first lesson and to apply for completion before the last, changing nothing', async () => {
    const { id, personIds } = await readyDraft(t, { user: 'institution-yq', idBase: 1900, persons: 1, startDate: '2024-12-09', endDate: '2024-12-13' });
    await fire(t, 'institution-yq', id, 'submit_opening');
    await fire(t, 'county_admin-yq', id, 'approve_opening');
    const early = await fire(t, 'institution-yq', id, 'start');
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'guard_failed', reasons: [{ rule: 'start.before_first_lesson', citation: '阳人社规发〔2024〕2号 第十条' }] });
    expect(early.json().reasons[0].text).toContain('2024-12-09');
    expect(await stateOf(t, id)).toBe('opening_approved');
    await t.travel(onDay('2024-12-09'));
    expect((await fire(t, 'institution-yq', id, 'start')).statusCode).toBe(200);
    await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/completion-roster`, headers: t.as('institution-yq'), payload: { personIds } });
    await t.travel(onDay('2024-12-12'));
    const tooEarly = await fire(t, 'institution-yq', id, 'submit_completion');
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().reasons).toEqual([expect.objectContaining({ rule: 'completion.too_early', citation: '阳人社规发〔2024〕2号 第十二条' })]);
    expect(await stateOf(t, id)).toBe('in_training');
    const events = await store().query(`SELECT count(*)::int AS n FROM cohort_event WHERE cohort_id = $1 AND action = 'submit_completion'`, [id]);
    expect(events.rows[0].n).toBe(0);
    await t.travel('2024-11-05T02:00:00Z');
  });

  it('an illegal action is a 409 naming state and action, a wrong role a 403; neither changes anything', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 200 });
    const before = (await store().query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    const illegal = await fire(t, 'county_admin-yq', id, 'approve_completion');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'illegal_transition', state: 'draft', action: 'approve_completion' });
    const role = await fire(t, 'county_admin-yq', id, 'submit_opening');
    expect(role.statusCode).toBe(403);
    expect(role.json().code).toBe('forbidden');
    expect(await stateOf(t, id)).toBe('draft');
    expect((await store().query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBe(before);
    expect((await fire(t, 'institution-yq', id, 'fly')).json()).toMatchObject({ code: 'validation', field: 'action' });
  });

  it('edits a draft in one audited step (before and after), and refuses edits once submitted', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 1800, persons: 1 });
    const body = { policy: 'yangquan-2024', programType: 'employment_skills', occupationCode: '6-31-01-03', level: 5, name: '改名后的班', startDate: '2024-11-20', endDate: '2024-11-29' };
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}`, headers: t.as('institution-yq'), payload: body });
    expect(res.json()).toMatchObject({ name: '改名后的班' });
    const { rows } = await store().query(`SELECT before, after FROM audit_log WHERE action = 'cohort.update' AND entity_id = $1`, [id]);
    expect(rows[0].before.name).toBe('测试班 1800');
    expect(rows[0].after.name).toBe('改名后的班');
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}`, headers: t.as('institution-yq'), payload: { ...body, level: 0 } })).json()).toMatchObject({ code: 'validation', field: 'level' });
    expect((await fire(t, 'institution-yq', id, 'submit_opening')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}`, headers: t.as('institution-yq'), payload: body })).statusCode).toBe(403);
  });

  it('a cohort out of scope is 404 for another county and another institution', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 300, persons: 1 });
    expect((await get('county_admin-yq-mine', `/api/v1/cohorts/${id}`)).statusCode).toBe(404);
    expect((await get('institution-yq-mine', `/api/v1/cohorts/${id}`)).statusCode).toBe(404);
    expect((await fire(t, 'county_admin-hz', id, 'approve_opening')).statusCode).toBe(404);
    expect((await get('city_admin-yq', `/api/v1/cohorts/${id}`)).statusCode).toBe(200);
  });

  it('refuses to submit with every unmet condition listed and cited', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 400, persons: 1, documents: false, lessonsPerDay: 6, occupationCode: '4-10-01-05', level: 4 });
    const extra = await t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/lessons`, headers: t.as('institution-yq'), payload: { date: '2024-11-20', startsAt: '18:00', endsAt: '20:00', kind: 'practical', lessons: 3, groupSize: 6 } });
    expect(extra.statusCode).toBe(201);
    const res = await fire(t, 'institution-yq', id, 'submit_opening');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('guard_failed');
    const rules = res.json().reasons.map((r: any) => r.rule);
    expect(rules).toContain('institution.not_licensed');
    expect(rules).toContain('lesson.daily_max');
    expect(rules).toContain('opening.documents');
    expect(rules).toContain('lesson.practical_group');
    expect(res.json().reasons.every((r: any) => r.citation && r.text)).toBe(true);
    // suihua 第五条(三) states the 8-lesson day; on a yangquan cohort it is SPEC §4.3's general rule, not another city's article
    expect(res.json().reasons.find((r: any) => r.rule === 'lesson.daily_max').citation).toBe('SPEC §4.3');
    expect(await stateOf(t, id)).toBe('draft');
  });

  it('refuses a submission from an institution under rectification (yangquan 第十七条)', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq-mine', idBase: 500, persons: 1, region: '140303' });
    await store().query(`UPDATE institution SET status = 'rectifying' WHERE id = $1`, [world.institutions.yqMine]);
    const res = await fire(t, 'institution-yq-mine', id, 'submit_opening');
    expect(res.json().reasons[0]).toMatchObject({ rule: 'institution.not_listed', citation: '阳人社规发〔2024〕2号 第十七条' });
    await store().query(`UPDATE institution SET status = 'listed' WHERE id = $1`, [world.institutions.yqMine]);
  });

  it('refuses to open a cohort that an expired licence or placement agreement does not cover, changing nothing', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq-mine', idBase: 520, persons: 1, region: '140303' });
    const set = (licence: string | null, agreement: string | null) =>
      store().query(`UPDATE institution SET licence_valid_until = $2, contract_end = $3 WHERE id = $1`, [world.institutions.yqMine, licence, agreement]);
    await set('2024-11-25', '2024-11-01');
    const before = (await store().query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    const res = await fire(t, 'institution-yq-mine', id, 'submit_opening');
    expect(res.statusCode).toBe(422);
    expect(res.json().reasons.filter((r: { rule: string }) => r.rule.startsWith('institution.')).map((r: { rule: string; citation: string }) => [r.rule, r.citation])).toEqual([
      ['institution.licence_expired', '阳人社规发〔2024〕2号 第五条'],
      ['institution.agreement_expired', '阳人社规发〔2024〕2号 第十七条'],
    ]);
    expect(res.json().reasons[0].text).toContain('2024-11-25');
    expect(await stateOf(t, id)).toBe('draft');
    expect((await store().query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBe(before);
    await set('2025-12-31', '2025-12-31');
    expect((await fire(t, 'institution-yq-mine', id, 'submit_opening')).statusCode).toBe(200);
    await set(null, null);
  });

  it('refuses a timetable slot that overlaps another slot of the same cohort', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 540, persons: 1 });
    const count = async () => (await store().query(`SELECT count(*)::int AS n FROM lesson WHERE cohort_id = $1`, [id])).rows[0].n;
    const before = await count();
    const add = (startsAt: string, endsAt: string) => t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/lessons`, headers: t.as('institution-yq'),
      payload: { date: '2024-11-20', startsAt, endsAt, kind: 'theory', lessons: 2, teacherId: null, topic: '重复' } });
    for (const [s, e] of [['08:30', '16:30'], ['10:00', '11:00'], ['16:00', '18:00']]) {
      const res = await add(s, e);
      expect(res.statusCode, `${s}-${e}`).toBe(409);
      expect(res.json()).toMatchObject({ code: 'conflict', field: 'startsAt', detail: expect.stringContaining('08:30–16:30') });
    }
    expect(await count()).toBe(before);
    expect((await add('16:30', '18:00')).statusCode).toBe(201);
  });

  it('returns an opening with reasons back to draft, and rejects only with a reason', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 600, persons: 1 });
    await fire(t, 'institution-yq', id, 'submit_opening');
    expect((await fire(t, 'county_admin-yq', id, 'return_opening')).json().reasons[0].rule).toBe('decision.reason');
    const back = await fire(t, 'county_admin-yq', id, 'return_opening', '课程表缺少实操课时');
    expect(back.json().state).toBe('draft');
    const detail = (await get('institution-yq', `/api/v1/cohorts/${id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: 'return_opening', reason: '课程表缺少实操课时' });
    await fire(t, 'institution-yq', id, 'submit_opening');
    expect((await fire(t, 'county_admin-yq', id, 'reject', '重复申报')).json().state).toBe('rejected');
  });

  it('flags and refuses a person already in a cohort whose lessons overlap', async () => {
    const a = await readyDraft(t, { user: 'institution-yq', idBase: 700, persons: 1, startDate: '2024-12-02', endDate: '2024-12-04' });
    expect((await fire(t, 'institution-yq', a.id, 'submit_opening')).statusCode).toBe(200);
    const b = await readyDraft(t, { user: 'institution-yq', idBase: 800, persons: 0, startDate: '2024-12-03', endDate: '2024-12-05' });
    await t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${b.id}/enrolments`, headers: t.as('institution-yq'), payload: { personId: a.personIds[0] } });
    const screening = (await get('institution-yq', `/api/v1/cohorts/${b.id}/screening`)).json().items;
    expect(screening[0]).toMatchObject({ eligible: false });
    expect(screening[0].reasons.map((r: any) => r.rule)).toContain('enrolment.overlap');
    const res = await fire(t, 'institution-yq', b.id, 'submit_opening');
    expect(res.statusCode).toBe(422);
    expect(res.json().reasons.map((r: any) => r.rule)).toEqual(['enrolment.overlap']);
  });

  it('screens person by person through the policy engine with reasons and citations', async () => {
    const { id, personIds } = await readyDraft(t, { user: 'institution-yq', idBase: 900, persons: 2 });
    const idNumber = (await store().query(`SELECT id_number FROM person WHERE id = $1`, [personIds[1]])).rows[0].id_number;
    await store().query(`INSERT INTO identity_fixture (id_number, draws_monthly_pension) VALUES ($1, true)`, [idNumber]);
    const res = await fire(t, 'institution-yq', id, 'submit_opening');
    const byPerson = new Map(res.json().screening.map((s: any) => [s.personId, s]));
    expect((byPerson.get(personIds[0]) as any).eligible).toBe(true);
    expect((byPerson.get(personIds[1]) as any).eligible).toBe(false);
    expect((byPerson.get(personIds[1]) as any).reasons).toContainEqual(expect.objectContaining({ rule: 'eligibility.monthly_pension', citation: '阳人社规发〔2024〕2号 第三条', severity: 'refusal' }));
    const stored = (await get('county_admin-yq', `/api/v1/cohorts/${id}`)).json().roster;
    expect(stored.find((r: any) => r.personId === personIds[1]).screening.eligible).toBe(false);
  });

  describe('opening deadlines count working days (heze 第十一条: at least 3 working days before)', () => {
    it('accepts a filing exactly 3 working days ahead across a weekend and refuses one a day later', async () => {
      // 2024-11-25 is a Monday: 3 working days before it is Wednesday 2024-11-20.
      clock.set('2024-11-20T10:00:00+08:00');
      await t.login('institution-hz');
      const ok = await readyDraft(t, { user: 'institution-hz', idBase: 1000, persons: 1, region: '371702', policy: 'heze-2024', startDate: '2024-11-25', endDate: '2024-11-27', teacherId: world.teachers.heze });
      expect((await fire(t, 'institution-hz', ok.id, 'submit_opening')).statusCode).toBe(200);
      clock.set('2024-11-21T10:00:00+08:00');
      await t.login('institution-hz');
      const late = await readyDraft(t, { user: 'institution-hz', idBase: 1100, persons: 1, region: '371702', policy: 'heze-2024', startDate: '2024-11-25', endDate: '2024-11-27' });
      const res = await fire(t, 'institution-hz', late.id, 'submit_opening');
      expect(res.statusCode).toBe(422);
      expect(res.json().reasons[0]).toMatchObject({ rule: 'heze.opening', citation: expect.stringContaining('第十一条') });
      expect(res.json().reasons[0].text).toContain('2024-11-20');
    });
    it('skips the National Day holiday and counts the make-up Saturday (2024-10-12)', async () => {
      // start Monday 2024-10-14: working days before it are Sat 10-12 (调休), Fri 10-11, Thu 10-10 → latest 2024-10-10
      clock.set('2024-10-10T09:00:00+08:00');
      await t.login('institution-hz');
      const ok = await readyDraft(t, { user: 'institution-hz', idBase: 1200, persons: 1, region: '371702', policy: 'heze-2024', startDate: '2024-10-14', endDate: '2024-10-15' });
      expect((await fire(t, 'institution-hz', ok.id, 'submit_opening')).statusCode).toBe(200);
      clock.set('2024-11-05T02:00:00Z');
      for (const u of users) await t.login(u);
    });
  });

  it('enforces that an evaluator neither trained the cohort nor lacks the filing (yangquan 第十四条)', async () => {
    const { id, personIds } = await readyDraft(t, { user: 'institution-yq', idBase: 1300, persons: 1 });
    const own = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/evaluator`, headers: t.as('county_admin-yq'), payload: { evaluatorId: world.evaluators.yqSameAsTrainer } });
    expect(own.statusCode).toBe(422);
    expect(own.json().reasons[0]).toMatchObject({ rule: 'evaluation.own_trainees', citation: '阳人社规发〔2024〕2号 第十四条' });
    const ok = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/evaluator`, headers: t.as('county_admin-yq'), payload: { evaluatorId: world.evaluators.yq } });
    expect(ok.statusCode).toBe(200);
    // evaluation is recorded after completion is approved
    for (const [u, a] of [['institution-yq', 'submit_opening'], ['county_admin-yq', 'approve_opening']] as const) await fire(t, u, id, a);
    await trainAndComplete(t, { id, personIds }, { institution: 'institution-yq', county: 'county_admin-yq' });
    const before = { results: [{ personId: personIds[0], passed: true, certificateNo: 'S1403001', evaluatedOn: '2024-11-28' }] };
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/evaluations`, headers: t.as('evaluator-yq'), payload: before })).json()).toMatchObject({ code: 'validation', field: 'results.0.evaluatedOn' });
    const results = { results: [{ personId: personIds[0], passed: true, certificateNo: 'S1403001', evaluatedOn: '2024-11-29' }] };
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/evaluations`, headers: t.as('evaluator-yq-trainer'), payload: results })).statusCode).toBe(404);
    const rec = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/evaluations`, headers: t.as('evaluator-yq'), payload: results });
    expect(rec.statusCode, rec.body).toBe(200);
    await t.travel('2024-11-05T02:00:00Z');
    const level4 = await readyDraft(t, { user: 'institution-yq', idBase: 1400, persons: 1, level: 4 });
    const notFiled = await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${level4.id}/evaluator`, headers: t.as('county_admin-yq'), payload: { evaluatorId: world.evaluators.yq } });
    expect(notFiled.json().reasons[0].rule).toBe('evaluation.not_filed');
  });

  it('uploads documents with their sha256, refusing a wrong type or a renamed file', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 1500, persons: 1, documents: false });
    const up = (name: string, type: string, bytes: Buffer, kind = 'syllabus') => {
      const m = multipart({ name, type, bytes }, { kind });
      return t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/documents`, headers: { ...t.as('institution-yq'), ...m.headers }, payload: m.payload });
    };
    expect((await up('x.exe', 'application/octet-stream', Buffer.from('MZ'))).json()).toMatchObject({ code: 'validation', field: 'file' });
    expect((await up('fake.pdf', 'application/pdf', Buffer.from('not a pdf'))).json()).toMatchObject({ code: 'validation', field: 'file' });
    expect((await up('a.pdf', 'application/pdf', Buffer.from('%PDF-1.4 x'), 'lunch_menu')).json()).toMatchObject({ code: 'validation', field: 'kind' });
    const ok = await up('大纲.pdf', 'application/pdf', Buffer.from('%PDF-1.4 syllabus'));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const back = await t.app.inject({ url: `/api/v1/cohorts/${id}/documents/${ok.json().id}`, headers: t.as('county_admin-yq') });
    expect(back.rawPayload.toString()).toBe('%PDF-1.4 syllabus');
  });

  it('imports a 学员花名册 into a draft (registering and enrolling in one transaction) and exports it back', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 1700, persons: 0 });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('花名册');
    sheet.addRow(['姓名', '公民身份号码', '人员类别']);
    sheet.addRow(['花名甲', testIdNumber(171, '140302', '1991-01-01'), '农村转移就业劳动者']);
    sheet.addRow(['花名乙', withWrongCheckDigit(testIdNumber(173, '140302', '1991-01-01')), '退役军人']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const up = (mode: string) => {
      const m = multipart({ name: 'r.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes });
      return t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${id}/roster?mode=${mode}`, headers: { ...t.as('institution-yq'), ...m.headers }, payload: m.payload });
    };
    const all = await up('all');
    expect(all.statusCode).toBe(400);
    expect(all.json().report.problems[0]).toMatchObject({ row: 3 });
    expect((await get('institution-yq', `/api/v1/cohorts/${id}`)).json().roster).toHaveLength(0);
    expect((await up('good')).json()).toMatchObject({ created: 1 });
    const roster = (await get('institution-yq', `/api/v1/cohorts/${id}`)).json().roster;
    expect(roster.map((r: any) => r.name)).toEqual(['花名甲']);
    const xlsx = await get('institution-yq', `/api/v1/cohorts/${id}/roster.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(xlsx.rawPayload as never);
    expect(back.worksheets[0].getRow(2).getCell(1).text).toBe('花名甲');
  });

  it.skipIf(!canRenderPdf)('prints the opening application, registration forms and roster as PDF', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 1600, persons: 2, teacherId: world.teachers.yqCity });
    for (const form of ['opening', 'registration', 'roster']) {
      const res = await get('institution-yq', `/api/v1/cohorts/${id}/forms/${form}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});
