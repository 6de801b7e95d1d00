import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestStore } from '../test/stores.ts';
import { testApp, testClock } from '../test/fixtures.ts';
import { fire } from '../test/cohorts.ts';
import { SEED_REGIONS } from './generate.ts';
import { loadDemo } from './load.ts';

/** Done means (issue 5): the demo draft of every seed city walks from draft to certificates. */
let db: Awaited<ReturnType<typeof openTestStore>>;
let t: Awaited<ReturnType<typeof testApp>>;
const clock = testClock('2026-11-24T02:00:00Z');
beforeAll(async () => {
  db = await openTestStore('pglite');
  await loadDemo(db, { password: 'walk-test', now: clock.now() });
  t = await testApp(db, clock);
}, 180_000);
afterAll(async () => db?.drop());

it.each(SEED_REGIONS.map((s) => [s.key]))('the %s demo draft walks from draft to certificates', async (city) => {
  for (const role of ['institution', 'county_admin', 'city_admin']) await t.login(`${role}-${city}`, 'walk-test');
  const inst = `institution-${city}`;
  const drafts = (await t.app.inject({ url: '/api/v1/cohorts?state=draft', headers: t.as(inst) })).json().items;
  expect(drafts).toHaveLength(1);
  const id = drafts[0].id;
  const submitted = await fire(t, inst, id, 'submit_opening');
  expect(submitted.statusCode, submitted.body).toBe(200);
  expect((await fire(t, `county_admin-${city}`, id, 'approve_opening')).statusCode).toBe(200);
  if ((await t.app.inject({ url: `/api/v1/cohorts/${id}`, headers: t.as(inst) })).json().state === 'opening_county_approved') {
    expect((await fire(t, `city_admin-${city}`, id, 'approve_opening')).statusCode).toBe(200);
  }
  expect((await fire(t, inst, id, 'start')).json().state).toBe('in_training');
  const roster = (await t.app.inject({ url: `/api/v1/cohorts/${id}`, headers: t.as(inst) })).json().roster;
  await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/completion-roster`, headers: t.as(inst), payload: { personIds: roster.map((r: any) => r.personId) } });
  const completion = await fire(t, inst, id, 'submit_completion');
  expect(completion.statusCode, completion.body).toBe(200);
  expect((await fire(t, `county_admin-${city}`, id, 'approve_completion')).statusCode).toBe(200);
  await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${id}/exams`, headers: t.as(inst), payload: { results: roster.map((r: any) => ({ personId: r.personId, theoryScore: 75, practicalScore: 80 })) } });
  const examined = await fire(t, inst, id, 'record_exams');
  expect(examined.json().state).toBe('examined');
  expect(examined.json().certificates).toHaveLength(roster.length);
  const pub = await t.app.inject({ url: `/api/v1/public/certificates/${examined.json().certificates[0]}` });
  expect(pub.statusCode).toBe(200);
});
