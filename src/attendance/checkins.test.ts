import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, testIdNumber, type World } from '../test/fixtures.ts';
import { fire, onDay, readyDraft } from '../test/cohorts.ts';
import { makeIdNumber } from '../person/id-number.ts';

describeStores('check-in ingestion', (store, kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  let cohort: { id: string; personIds: string[] };
  let venue: string;
  const secrets: Record<string, string> = {};
  const deviceIds: Record<string, string> = {};
  const USERS = ['institution-yq', 'institution-yq-mine', 'county_admin-yq', 'city_admin-yq', 'city_admin-hz', 'evaluator-yq', 'inspector-yq'];
  const at = (hhmm: string, date = '2024-11-20') => `${date}T${hhmm}:00+08:00`;

  beforeAll(async () => {
    w = await seedWorld(store());
    t = await testApp(store());
    for (const u of USERS) await t.login(u);
    venue = (await store().query(`UPDATE institution_venue SET lat = 37.857, lng = 113.583, geofence_radius_m = 200 WHERE institution_id = $1 RETURNING id`, [w.institutions.yqCity])).rows[0].id;
    cohort = await readyDraft(t, { user: 'institution-yq', idBase: 500, persons: 3 });
    expect((await fire(t, 'institution-yq', cohort.id, 'submit_opening')).statusCode).toBe(200);
    expect((await fire(t, 'county_admin-yq', cohort.id, 'approve_opening')).statusCode).toBe(200);
    await t.travel(onDay('2024-11-20'));
    expect((await fire(t, 'institution-yq', cohort.id, 'start')).statusCode).toBe(200);
    for (const [name, k] of [['face', 'face'], ['face2', 'face'], ['phone', 'phone'], ['camera', 'camera'], ['revoked', 'fingerprint']] as const) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: t.as('city_admin-yq'), payload: { institutionId: w.institutions.yqCity, venueId: venue, kind: k, name } });
      expect(r.statusCode, r.body).toBe(201);
      secrets[name] = r.json().secret;
      deviceIds[name] = r.json().id;
    }
    const rv = await t.app.inject({ method: 'POST', url: `/api/v1/devices/${deviceIds.revoked}/transitions`, headers: t.as('county_admin-yq'), payload: { action: 'revoke', reason: '报失' } });
    expect(rv.statusCode, rv.body).toBe(200);
  });

  const post = (device: string | null, key: string | null, events: unknown, headers: Record<string, string> = {}) => t.app.inject({
    method: 'POST', url: '/api/v1/checkins', payload: { events },
    headers: { ...(device ? { authorization: `Bearer ${secrets[device] ?? device}` } : {}), ...(key ? { 'idempotency-key': key } : {}), ...headers },
  });
  const face = (eventId: string, personId: string, capturedAt = at('09:00'), matchScore = 0.95) => ({ eventId, personId, capturedAt, method: 'face', matchScore });
  const counts = async () => (await store().query(
    `SELECT (SELECT count(*) FROM checkin)::int AS checkins, (SELECT count(*) FROM checkin_batch)::int AS batches, (SELECT count(*) FROM audit_log)::int AS audit`)).rows[0];

  it('answers every event accepted or rejected with its reason, keeps them all, with one audit entry for the batch', async () => {
    const outsider = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as('institution-yq'), payload: { name: '未报名', idNumber: makeIdNumber('140302', '1991-02-03', 41), groups: [] } });
    expect(outsider.statusCode, outsider.body).toBe(201);
    const [p0, p1, p2] = cohort.personIds;
    const before = await counts();
    const res = await post('face', 'batch-1', [
      face('e1', p0),
      face('e2', p1, at('09:01'), 0.5),
      { eventId: 'e3', idNumber: makeIdNumber('140302', '1999-09-09', 7), capturedAt: at('09:02'), method: 'face', matchScore: 0.9 },
      face('e4', outsider.json().id),
      face('e5', p0, at('09:00', '2024-11-19')),
      { eventId: 'e6', personId: p2, capturedAt: at('09:03'), method: 'voucher' },
      face('e7', p0, at('10:04')), // minutes past the server's clock: within the drift allowed to terminals
      face('e8', p0, at('10:30')),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { eventId: string; status: string; reason?: string }) => [r.eventId, r.status, r.reason])).toEqual([
      ['e1', 'accepted', undefined], ['e2', 'rejected', 'below_threshold'], ['e3', 'rejected', 'unknown_person'], ['e4', 'rejected', 'not_enrolled'],
      ['e5', 'rejected', 'no_lesson'], ['e6', 'rejected', 'no_voucher'], ['e7', 'accepted', undefined], ['e8', 'rejected', 'captured_in_future'],
    ]);
    expect(res.json().results[5]).toMatchObject({ citation: 'SPEC §3.2 电子券签到', text: '此人在本班没有绑定的电子券' });
    const after = await counts();
    expect(after).toEqual({ checkins: before.checkins + 8, batches: before.batches + 1, audit: before.audit + 1 });
    const audit = (await store().query(`SELECT actor, action, after FROM audit_log WHERE entity = 'checkin_batch' AND entity_id = $1`, [res.json().batchId])).rows[0];
    expect(audit).toMatchObject({ actor: `device:${deviceIds.face}`, action: 'checkin.batch', after: { events: 8, accepted: 2, idempotencyKey: 'batch-1' } });
    const stored = (await store().query(`SELECT event_id, status, reason, cohort_id, lesson_id FROM checkin WHERE device_id = $1 ORDER BY event_id`, [deviceIds.face])).rows;
    expect(stored.find((r) => r.event_id === 'e1')).toMatchObject({ status: 'accepted', reason: null, cohort_id: cohort.id });
    expect(stored.find((r) => r.event_id === 'e3')).toMatchObject({ status: 'rejected', reason: 'unknown_person', cohort_id: null });
  });

  it('checks a phone check-in against the venue’s geofence', async () => {
    const res = await post('phone', 'phone-1', [
      { eventId: 'p1', personId: cohort.personIds[0], capturedAt: at('09:10'), method: 'phone', location: { lat: 37.8575, lon: 113.5831 } },
      { eventId: 'p2', personId: cohort.personIds[1], capturedAt: at('09:10'), method: 'phone', location: { lat: 37.87, lon: 113.583 } },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toMatchObject([
      { eventId: 'p1', status: 'accepted', citation: '阳人社规发〔2024〕2号 第十一条' },
      { eventId: 'p2', status: 'rejected', reason: 'outside_geofence' },
    ]);
  });

  it.each([
    ['a batch over 1,000 events', () => Array.from({ length: 1001 }, (_, i) => ({ eventId: `x${i}`, personId: '7f1e2d3c-1111-4222-8333-444455556666', capturedAt: at('09:00'), method: 'voucher' })), 'k-big', 'events'],
    ['an empty batch', () => [], 'k-empty', 'events'],
    ['a face event without its score', () => [{ eventId: 'x', personId: '7f1e2d3c-1111-4222-8333-444455556666', capturedAt: at('09:00'), method: 'face' }], 'k-score', 'events.0.matchScore'],
    ['an unknown method', () => [{ eventId: 'x', personId: '7f1e2d3c-1111-4222-8333-444455556666', capturedAt: at('09:00'), method: 'iris' }], 'k-method', 'events.0.method'],
    ['a phone event without its location', () => [face('ok', '7f1e2d3c-1111-4222-8333-444455556666'), { eventId: 'x', personId: '7f1e2d3c-1111-4222-8333-444455556666', capturedAt: at('09:00'), method: 'phone' }], 'k-loc', 'events.1.location'],
    ['no Idempotency-Key', () => [face('x', '7f1e2d3c-1111-4222-8333-444455556666')], null, 'Idempotency-Key'],
    ['an Idempotency-Key with spaces', () => [face('x', '7f1e2d3c-1111-4222-8333-444455556666')], 'two words', 'Idempotency-Key'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_n, events, key, field) => {
    const before = await counts();
    const res = await post('face', key, events());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation', field });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['no Authorization', null, {}, 401, 'unauthenticated'],
    ['a wrong device secret', `pxd_${'A'.repeat(43)}`, {}, 401, 'invalid_credentials'],
    ['a staff session cookie of the institution', null, { user: 'institution-yq' }, 401, 'unauthenticated'],
    ['a staff session cookie of the city bureau', null, { user: 'city_admin-yq' }, 401, 'unauthenticated'],
    ['a camera', 'camera', {}, 403, 'forbidden'],
  ])('refuses %s and stores nothing', async (_n, device, o: { user?: string }, status, code) => {
    const before = await counts();
    const res = await post(device, 'auth-1', [face('a1', cohort.personIds[0])], o.user ? t.as(o.user) : {});
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('rejects every event of a revoked device with device_revoked, and keeps them', async () => {
    const res = await post('revoked', 'rev-1', [{ eventId: 'r1', personId: cohort.personIds[0], capturedAt: at('09:00'), method: 'fingerprint', matchScore: 0.99 }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toMatchObject([{ eventId: 'r1', status: 'rejected', reason: 'device_revoked' }]);
    expect((await store().query(`SELECT reason FROM checkin WHERE device_id = $1`, [deviceIds.revoked])).rows).toEqual([{ reason: 'device_revoked' }]);
  });

  it('stops a device at once when it is revoked: its next batch is rejected event by event', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: t.as('county_admin-yq'), payload: { institutionId: w.institutions.yqCity, venueId: venue, kind: 'face', name: '将注销' } });
    secrets.soon = r.json().secret;
    expect((await post('soon', 'soon-1', [face('s1', cohort.personIds[0])])).json().results[0].status).toBe('accepted');
    const rv = await t.app.inject({ method: 'POST', url: `/api/v1/devices/${r.json().id}/transitions`, headers: t.as('city_admin-yq'), payload: { action: 'revoke', reason: '更换设备' } });
    expect(rv.statusCode, rv.body).toBe(200);
    expect((await post('soon', 'soon-2', [face('s2', cohort.personIds[0])])).json().results[0]).toMatchObject({ status: 'rejected', reason: 'device_revoked' });
  });

  it('answers a retried key with the first reply, another body under it with 422, and an event id sent again as a duplicate', async () => {
    const events = [face('i1', cohort.personIds[0], at('09:20')), face('i2', cohort.personIds[1], at('09:21'))];
    const first = await post('face2', 'idem-1', events);
    expect(first.statusCode, first.body).toBe(200);
    const before = await counts();
    const again = await post('face2', 'idem-1', events);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await counts()).toEqual(before);
    const other = await post('face2', 'idem-1', [face('i3', cohort.personIds[0])]);
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency_mismatch', field: 'Idempotency-Key' });
    expect(await counts()).toEqual(before);
    // a new key with an event id this device sent before, and one repeated inside the batch
    const dup = await post('face2', 'idem-2', [face('i1', cohort.personIds[0], at('09:30')), face('i4', cohort.personIds[2]), face('i4', cohort.personIds[2])]);
    expect(dup.statusCode).toBe(200);
    expect(dup.json().results.map((r: { status: string; reason?: string }) => r.reason ?? r.status)).toEqual(['duplicate', 'accepted', 'duplicate']);
    const kept = (await store().query(`SELECT captured_at FROM checkin WHERE device_id = $1 AND event_id = 'i1'`, [deviceIds.face2])).rows;
    expect(kept.map((r) => new Date(r.captured_at).toISOString())).toEqual([new Date(at('09:20')).toISOString()]);
    // the same event id from another device is another event
    const elsewhere = await post('face', 'idem-3', [face('i1', cohort.personIds[0], at('09:40'))]);
    expect(elsewhere.json().results[0].status).toBe('accepted');
  });

  it('takes a batch of 1,000 events in one go', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => face(`big-${i}`, cohort.personIds[i % 3], at(`0${8 + Math.floor(i / 600)}:${String(30 + (i % 30)).padStart(2, '0')}`)));
    const started = Date.now();
    const res = await post('face2', 'big-1', events);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.filter((r: { status: string }) => r.status === 'accepted')).toHaveLength(1000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.runIf(kind === 'postgres')('answers 409 to the same key while its first request is in flight (PostgreSQL only: PGlite runs one request at a time)', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => face(`race-${i}`, cohort.personIds[i % 3], at('11:00')));
    const before = await counts();
    const [a, b] = await Promise.all([post('face', 'race-1', events), post('face', 'race-1', events)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json()).toMatchObject({ code: 'conflict', field: 'Idempotency-Key' });
    expect(await counts()).toEqual({ checkins: before.checkins + 1000, batches: before.batches + 1, audit: before.audit + 1 });
    // once the first is done, the key answers its reply again
    const later = await post('face', 'race-1', events);
    expect(later.json()).toEqual((a.statusCode === 200 ? a : b).json());
  });

  it('lets the institution and the bureau read a cohort’s check-ins page by page, and nobody outside', async () => {
    const read = (user: string, qs = '') => t.app.inject({ url: `/api/v1/cohorts/${cohort.id}/checkins${qs}`, headers: t.as(user) });
    // by ID number, at the same instant to the microsecond as others: the cursor keeps microseconds and the number shows masked
    const idNumber = testIdNumber(500, '140302', '1980-06-15');
    const same = await post('face', 'micro-1', ['m1', 'm2', 'm3'].map((eventId) => ({ eventId, idNumber, capturedAt: '2024-11-20T09:45:00.123456+08:00', method: 'face', matchScore: 0.9 })));
    expect(same.json().results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const all = await read('institution-yq', '?pageSize=500');
    expect(all.statusCode, all.body).toBe(200);
    const total = all.json().total;
    expect(total).toBeGreaterThan(1000);
    const seen: string[] = [];
    const walked: { eventId: string; personRef: string; capturedAt: string }[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page = await read('county_admin-yq', `?pageSize=${pages ? 400 : 3}${next ? `&after=${next}` : ''}`);
      expect(page.statusCode, page.body).toBe(200);
      walked.push(...page.json().items);
      seen.push(...page.json().items.map((i: { deviceId: string; eventId: string }) => `${i.deviceId}/${i.eventId}`));
      next = page.json().next;
      pages++;
    } while (next && pages < 20);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const micro = walked.filter((i) => /^m\d$/.test(i.eventId));
    expect(micro.map((i) => [i.personRef, i.capturedAt])).toEqual(Array(3).fill([`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, '2024-11-20T01:45:00.123Z']));
    const rejected = await read('inspector-yq', '?status=rejected&pageSize=500');
    expect(rejected.json().items.every((i: { status: string; reason: string }) => i.status === 'rejected' && i.reason)).toBe(true);
    expect(rejected.json().items.length).toBeGreaterThan(0);
    for (const [user, status] of [['institution-yq-mine', 404], ['city_admin-hz', 404], ['evaluator-yq', 403]] as const) {
      expect((await read(user)).statusCode, user).toBe(status);
    }
    const forged = Buffer.from(JSON.stringify(['-271821-04-20T00:00:00.000000Z', deviceIds.face, 'x'])).toString('base64url');
    for (const after of ['not-a-cursor', forged]) {
      const bad = await read('institution-yq', `?after=${after}`);
      expect(bad.statusCode, after).toBe(400);
      expect(bad.json().field).toBe('after');
    }
  });
});
