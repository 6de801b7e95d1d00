import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';
import { fire, readyDraft, stateOf, trainAndComplete } from '../test/cohorts.ts';

/** On PostgreSQL these race for real (a pool of connections); on PGlite they queue. Both must hold. */
describeStores('concurrent decisions', (store, kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of ['institution-yq', 'county_admin-yq', 'county_admin-yq2']) await t.login(u);
  });

  it(`two officers approving one cohort at once: exactly one wins, the other gets 409 [${kind}]`, async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 10, persons: 2 });
    expect((await fire(t, 'institution-yq', id, 'submit_opening')).statusCode).toBe(200);
    const results = await Promise.all([
      fire(t, 'county_admin-yq', id, 'approve_opening'),
      fire(t, 'county_admin-yq2', id, 'reject', '材料不实'),
      fire(t, 'county_admin-yq2', id, 'approve_opening'),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().state;
    expect(await stateOf(t, id)).toBe(winner);
    const { rows } = await store().query(`SELECT count(*)::int AS n FROM cohort_event WHERE cohort_id = $1 AND action IN ('approve_opening', 'reject')`, [id]);
    expect(rows[0].n).toBe(1);
  });

  it(`certificates issued for many cohorts at once are unique and gap-free [${kind}]`, async () => {
    const cohorts = [];
    for (let i = 0; i < 4; i++) {
      const c = await readyDraft(t, { user: 'institution-yq', idBase: 100 + i * 20, persons: 5, startDate: `2024-12-0${i + 1}`, endDate: `2024-12-0${i + 1}` });
      for (const [u, a] of [['institution-yq', 'submit_opening'], ['county_admin-yq', 'approve_opening']] as const) {
        expect((await fire(t, u, c.id, a)).statusCode).toBe(200);
      }
      await trainAndComplete(t, c, { institution: 'institution-yq', county: 'county_admin-yq', startDate: `2024-12-0${i + 1}`, endDate: `2024-12-0${i + 1}` });
      await t.app.inject({ method: 'PUT', url: `/api/v1/cohorts/${c.id}/exams`, headers: t.as('institution-yq'), payload: { results: c.personIds.map((personId) => ({ personId, theoryScore: 88, practicalScore: 90 })) } });
      cohorts.push(c);
    }
    const results = await Promise.all(cohorts.map((c) => fire(t, 'institution-yq', c.id, 'record_exams')));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const { rows } = await store().query(`SELECT seq, number FROM certificate WHERE year = 2024 AND city_code = '140300' ORDER BY seq`);
    const seqs = rows.map((r) => r.seq);
    expect(seqs.length).toBe(20);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => seqs[0] + i));
    expect(new Set(rows.map((r) => r.number)).size).toBe(20);
  });
});
