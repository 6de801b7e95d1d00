import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';
import { fire, onDay, readyDraft } from '../test/cohorts.ts';
import { insertAccount } from '../auth/store.ts';
import { deadEnds, unreachableStates } from '../shared/machine.ts';
import { cohortPool, drawPicks, inspectionMachine, type PoolCohort } from './inspection.ts';

const cohorts: PoolCohort[] = cohortPool(Array.from({ length: 12 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `班${i}`, institution: '某校', state: i % 3 === 0 ? 'completion_submitted' : 'in_training',
})));
const inspectors = Array.from({ length: 6 }, (_, i) => ({ id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `检查员${i}` }));

it('the inspection life cycle reaches every state and has no dead end', () => {
  expect(unreachableStates(inspectionMachine)).toEqual([]);
  expect(deadEnds(inspectionMachine)).toEqual([]);
});

it('a draw is decided by its seed and pools alone: the same picks in any pool order, only cohorts in the pool, distinct inspectors', () => {
  const picks = drawPicks(42, cohorts, inspectors, 4, 2);
  expect(drawPicks(42, [...cohorts].reverse(), [...inspectors].reverse(), 4, 2)).toEqual(picks);
  expect(picks).toHaveLength(4);
  for (const p of picks) {
    expect(cohorts.find((c) => c.id === p.cohortId)!.in).toBe(true);
    expect(new Set(p.inspectorIds).size).toBe(2);
  }
  expect(new Set(picks.map((p) => p.cohortId)).size).toBe(4);
  expect(drawPicks(43, cohorts, inspectors, 4, 2)).not.toEqual(picks);
  // the pool says why each cohort is in or out
  expect(cohorts.filter((c) => !c.in).every((c) => c.why === '不在培训期内')).toBe(true);
});

describeStores('双随机、一公开: draw, record, publish, object', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let cohortId: string;
  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: t.as(user), ...(payload ? { payload } : {}) });
  beforeAll(async () => {
    await seedWorld(store());
    const hash = (await store().query(`SELECT password_hash FROM account WHERE username = 'inspector-yq'`)).rows[0].password_hash;
    await insertAccount(store(), { username: 'inspector-yq-b', passwordHash: hash, role: 'inspector', displayName: '钱进（监督检查）', regionCode: '140300' }, new Date());
    t = await testApp(store());
    for (const u of ['institution-yq', 'county_admin-yq', 'city_admin-yq', 'inspector-yq', 'inspector-yq-b', 'city_admin-hz']) await t.login(u);
    const c = await readyDraft(t, { user: 'institution-yq', idBase: 900, persons: 2 });
    expect((await fire(t, 'institution-yq', c.id, 'submit_opening')).statusCode).toBe(200);
    expect((await fire(t, 'county_admin-yq', c.id, 'approve_opening')).statusCode).toBe(200);
    cohortId = c.id;
  });

  it('draws a cohort and inspectors with a recorded seed; replaying the draw gives the same picks', async () => {
    const res = await as('county_admin-yq', 'POST', '/api/v1/inspections/draws', { kind: 'on_site', cohorts: 1, inspectorsPerCohort: 1 });
    expect(res.statusCode, res.body).toBe(201);
    const draw = res.json();
    expect(draw).toMatchObject({ seed: expect.any(Number), citation: 'SPEC §4.7', picks: [{ cohortId, inspectorIds: expect.any(Array) }] });
    expect(draw.cohortPool).toEqual([expect.objectContaining({ id: cohortId, in: true, why: '已批准开班，即将开训' })]);
    expect(draw.inspectorPool.map((i: any) => i.name).sort()).toEqual(['inspector-yq', '钱进（监督检查）'].sort());
    const again = (await as('city_admin-yq', 'GET', `/api/v1/inspections/draws/${draw.id}`)).json();
    expect(again.replay).toEqual({ picks: draw.picks, same: true });
    expect((await as('city_admin-hz', 'GET', `/api/v1/inspections/draws/${draw.id}`)).statusCode).toBe(404);
    expect((await as('inspector-yq', 'POST', '/api/v1/inspections/draws', { kind: 'on_site', cohorts: 1 })).statusCode).toBe(403);
    expect((await as('county_admin-yq', 'POST', '/api/v1/inspections/draws', { kind: 'on_site', cohorts: 1, inspectorsPerCohort: 3 })).json())
      .toMatchObject({ code: 'guard_failed', reasons: [{ rule: 'inspection.no_inspectors' }] });
    expect((await as('city_admin-hz', 'POST', '/api/v1/inspections/draws', { kind: 'on_site', cohorts: 1 })).json())
      .toMatchObject({ code: 'guard_failed', reasons: [{ rule: 'inspection.no_cohorts' }] });
  });

  it('a drawn inspector records on a training day, the bureau publishes, the public reads it and the institution objects once', async () => {
    const [planned] = (await as('county_admin-yq', 'GET', '/api/v1/inspections')).json().items;
    expect(planned).toMatchObject({ cohortId, state: 'planned', approvedHeadcount: 2, kindLabel: '现场检查' });
    const drawn = planned.inspectorNames[0] === '钱进（监督检查）' ? 'inspector-yq-b' : 'inspector-yq';
    const other = drawn === 'inspector-yq' ? 'inspector-yq-b' : 'inspector-yq';
    // a 双随机 check is not announced: the institution sees nothing yet
    expect((await as('institution-yq', 'GET', '/api/v1/inspections')).json().items).toEqual([]);
    const url = `/api/v1/inspections/${planned.id}`;
    const record = { seenHeadcount: 1, teacher: '张老师', findings: '现场1人在训，1人未到', inspectedOn: '2024-11-20' };
    expect((await as(other, 'POST', `${url}/record`, record)).json()).toMatchObject({ code: 'guard_failed', reasons: [{ rule: 'inspection.not_drawn' }] });
    // nothing is recorded before it could have happened: not before the training starts, not after today
    await t.travel(onDay('2024-11-20'));
    expect((await as(drawn, 'POST', `${url}/record`, { ...record, inspectedOn: '2024-11-19' })).json()).toMatchObject({ code: 'validation', field: 'inspectedOn' });
    expect((await as(drawn, 'POST', `${url}/record`, { ...record, inspectedOn: '2024-11-21' })).json()).toMatchObject({ code: 'validation', field: 'inspectedOn' });
    expect((await as('county_admin-yq', 'POST', `${url}/publish`)).statusCode).toBe(409);
    const recorded = await as(drawn, 'POST', `${url}/record`, record);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ state: 'recorded', seenHeadcount: 1, findings: '现场1人在训，1人未到' });
    expect((await as(drawn, 'POST', `${url}/record`, record)).statusCode).toBe(409);
    expect((await as('inspector-yq', 'POST', `${url}/publish`)).statusCode).toBe(403);
    expect((await as('county_admin-yq', 'POST', `${url}/publish`)).json()).toMatchObject({ state: 'published', stateLabel: '已公开' });

    const published = (await t.app.inject({ url: '/api/v1/public/inspections' })).json();
    expect(published.items).toEqual([expect.objectContaining({ id: planned.id, institution: '阳泉市城区惠民职业培训学校', kind: '现场检查', approvedHeadcount: 2, seenHeadcount: 1, objection: null })]);
    expect(JSON.stringify(published)).not.toMatch(/inspector|钱进/);

    const mine = (await as('institution-yq', 'GET', '/api/v1/inspections')).json().items;
    expect(mine).toEqual([expect.objectContaining({ id: planned.id, inspectorNames: [], inspectorIds: [] })]);
    expect((await as('institution-yq', 'POST', `${url}/objection`, { text: '太短' })).json()).toMatchObject({ code: 'validation', field: 'text' });
    expect((await as('county_admin-yq', 'POST', `${url}/objection`, { text: '由人社局代为提出的异议内容' })).statusCode).toBe(403);
    const objected = await as('institution-yq', 'POST', `${url}/objection`, { text: '当日另一名学员因病请假，已附请假条' });
    expect(objected.statusCode, objected.body).toBe(200);
    expect((await as('institution-yq', 'POST', `${url}/objection`, { text: '再次提出异议，请重新核查' })).statusCode).toBe(409);
    expect((await t.app.inject({ url: '/api/v1/public/inspections' })).json().items[0].objection).toBe('当日另一名学员因病请假，已附请假条');
    const trail = await store().query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, seq`, [planned.id]);
    expect(trail.rows.map((r) => r.action)).toEqual(['inspection.record', 'inspection.publish', 'inspection.object']);
  });
});
