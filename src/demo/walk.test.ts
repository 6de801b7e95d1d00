import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestStore } from '../test/stores.ts';
import { testApp, testClock } from '../test/fixtures.ts';
import { fire } from '../test/cohorts.ts';
import { SEED_REGIONS } from './generate.ts';
import { loadDemo } from './load.ts';
import { openDemoClock } from './clock.ts';

/** Done means (issue 5): the demo draft of every seed city walks from draft to certificates, on the demo clock. */
let db: Awaited<ReturnType<typeof openTestStore>>;
let t: Awaited<ReturnType<typeof testApp>>;
const clock = testClock('2026-11-24T02:00:00Z');
beforeAll(async () => {
  db = await openTestStore('pglite');
  await loadDemo(db, { password: 'walk-test', now: clock.now() });
  t = await testApp(db, clock, await openDemoClock(db, clock.now));
}, 180_000);
afterAll(async () => db?.drop());

it('moves the demo clock only forward and only for a signed-in account, audited', async () => {
  await t.login('city_admin-heze', 'walk-test');
  const before = (await t.app.inject({ url: '/api/v1/demo/clock' })).json();
  expect(before).toMatchObject({ date: '2026-11-24', realToday: '2026-11-24', offsetDays: 0 });
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/demo/clock', payload: { advanceDays: 1 } })).statusCode).toBe(401);
  const back = await t.app.inject({ method: 'POST', url: '/api/v1/demo/clock', headers: t.as('city_admin-heze'), payload: { date: '2026-11-20' } });
  expect(back.json()).toMatchObject({ code: 'validation', field: 'date' });
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/demo/clock', headers: t.as('city_admin-heze'), payload: { advanceDays: 0 } })).json()).toMatchObject({ code: 'validation', field: 'advanceDays' });
  const moved = await t.app.inject({ method: 'POST', url: '/api/v1/demo/clock', headers: t.as('city_admin-heze'), payload: { advanceDays: 1 } });
  expect(moved.json()).toMatchObject({ date: '2026-11-25', realToday: '2026-11-24', offsetDays: 1 });
  // the session moved with the clock: still signed in
  expect((await t.app.inject({ url: '/api/v1/session', headers: t.as('city_admin-heze') })).statusCode).toBe(200);
  const { rows } = await db.query(`SELECT before, after FROM audit_log WHERE action = 'demo.clock_advance'`);
  expect(rows).toEqual([{ before: { date: '2026-11-24' }, after: { date: '2026-11-25', days: 1 } }]);
  expect((await db.query(`SELECT offset_days FROM demo_clock`)).rows).toEqual([{ offset_days: 1 }]);
});

const DATE_RULES = ['start.before_first_lesson', 'completion.too_early', 'training.not_ended'];

/**
 * The five drafts walk together, as a newcomer would with the banner's button: each takes every step the
 * date allows, then the clock goes to the next date one of them needs. A step refused for its date is tried
 * again after the move; any other refusal fails the test.
 */
it('walks every city\'s demo draft from draft to certificates, moving the demo clock only when a date rule holds a step', async () => {
  const walks: Array<{ city: string; inst: string; id: string; certificates: string[] }> = [];
  for (const { key: city } of SEED_REGIONS) {
    for (const role of ['institution', 'county_admin', 'city_admin']) await t.login(`${role}-${city}`, 'walk-test');
    const inst = `institution-${city}`;
    const drafts = (await t.app.inject({ url: '/api/v1/cohorts?state=draft', headers: t.as(inst) })).json().items;
    expect(drafts).toHaveLength(1);
    walks.push({ city, inst, id: drafts[0].id, certificates: [] });
  }
  const next = async (w: (typeof walks)[number]) => {
    const c = (await t.app.inject({ url: `/api/v1/cohorts/${w.id}`, headers: t.as(w.inst) })).json();
    const personIds = c.roster.map((r: any) => r.personId);
    switch (c.state) {
      case 'draft': return fire(t, w.inst, w.id, 'submit_opening');
      case 'opening_submitted': return fire(t, `county_admin-${w.city}`, w.id, 'approve_opening');
      case 'opening_county_approved': return fire(t, `city_admin-${w.city}`, w.id, 'approve_opening');
      case 'opening_approved': return fire(t, w.inst, w.id, 'start');
      case 'in_training':
        await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${w.id}/completion-roster`, headers: t.as(w.inst), payload: { personIds } });
        return fire(t, w.inst, w.id, 'submit_completion');
      case 'completion_submitted': return fire(t, `county_admin-${w.city}`, w.id, 'approve_completion');
      case 'completion_approved':
        await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${w.id}/exams`, headers: t.as(w.inst), payload: { results: personIds.map((personId: string) => ({ personId, theoryScore: 75, practicalScore: 80 })) } });
        return fire(t, w.inst, w.id, 'record_exams');
      default: return null;
    }
  };
  let moves = 0;
  for (let round = 0; round < 8; round++) {
    for (const w of walks) {
      for (let res = await next(w); res; res = await next(w)) {
        if (res.statusCode === 422 && res.json().reasons.every((r: any) => DATE_RULES.includes(r.rule))) break;
        expect(res.statusCode, `${w.city}: ${res.body}`).toBe(200);
        if (res.json().certificates?.length) w.certificates = res.json().certificates;
      }
    }
    const { nextDate } = (await t.app.inject({ url: '/api/v1/demo/clock' })).json();
    if (!nextDate) break;
    const moved = await t.app.inject({ method: 'POST', url: '/api/v1/demo/clock', headers: t.as(walks[0].inst), payload: { date: nextDate } });
    expect(moved.json().date, moved.body).toBe(nextDate);
    moves++;
  }
  expect(moves).toBeGreaterThanOrEqual(2); // to the first lesson, then to the end of training
  for (const w of walks) {
    expect((await t.app.inject({ url: `/api/v1/cohorts/${w.id}`, headers: t.as(w.inst) })).json().state).toBe('examined');
    expect(w.certificates.length, w.city).toBeGreaterThan(0);
    const pub = await t.app.inject({ url: `/api/v1/public/certificates/${w.certificates[0]}` });
    expect(pub.statusCode).toBe(200);
    const lastLesson = (await db.query(`SELECT max(date)::text AS d FROM lesson WHERE cohort_id = $1`, [w.id])).rows[0].d;
    expect(pub.json().issuedOn >= lastLesson, `${w.city}: issued ${pub.json().issuedOn}, last lesson ${lastLesson}`).toBe(true);
  }
});
