import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, type World } from '../test/fixtures.ts';
import { deadEnds, unreachableStates } from '../shared/machine.ts';
import { deviceMachine, secretHash } from './device.ts';

it('the device life cycle reaches every state and has no dead end', () => {
  expect(unreachableStates(deviceMachine)).toEqual([]);
  expect(deadEnds(deviceMachine)).toEqual([]);
});

describeStores('check-in devices', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  let venue: string;
  const USERS = ['city_admin-yq', 'county_admin-yq', 'county_admin-yq-mine', 'reviewer-yq', 'finance-yq', 'inspector-yq', 'institution-yq', 'evaluator-yq', 'city_admin-hz', 'system_admin'];
  beforeAll(async () => {
    w = await seedWorld(store());
    t = await testApp(store());
    for (const u of USERS) await t.login(u);
    venue = (await store().query(`SELECT id FROM institution_venue WHERE institution_id = $1`, [w.institutions.yqCity])).rows[0].id;
  });
  const register = (user: string, over: object = {}) => t.app.inject({
    method: 'POST', url: '/api/v1/devices', headers: t.as(user),
    payload: { institutionId: w.institutions.yqCity, venueId: venue, kind: 'face', name: '人脸考勤机 1 号', serialNo: 'FX-001', ...over },
  });
  const count = async (sql: string, p: unknown[] = []) => (await store().query(sql, p)).rows[0].n as number;

  it.each([
    ['city_admin-yq', 201, undefined], // the city bureau, for an institution of its city
    ['county_admin-yq', 201, undefined], // the county of the institution (城区 140302)
    ['county_admin-yq-mine', 403, 'forbidden'], // another county of the same city
    ['reviewer-yq', 403, 'forbidden'],
    ['finance-yq', 403, 'forbidden'],
    ['inspector-yq', 403, 'forbidden'],
    ['institution-yq', 403, 'forbidden'], // the institution never registers its own evidence makers
    ['evaluator-yq', 403, 'forbidden'],
    ['system_admin', 403, 'forbidden'],
    ['city_admin-hz', 404, 'not_found'], // another city's institution is as unknown as none
  ])('registration as %s answers %i', async (user, status, code) => {
    const devices = await count(`SELECT count(*)::int AS n FROM device`);
    const res = await register(user);
    expect(res.statusCode, res.body).toBe(status);
    if (code) {
      expect(res.json().code).toBe(code);
      expect(await count(`SELECT count(*)::int AS n FROM device`)).toBe(devices);
    } else {
      expect(await count(`SELECT count(*)::int AS n FROM device`)).toBe(devices + 1);
    }
  });

  it('shows the secret once and keeps only its hash, with an audit entry', async () => {
    const res = await register('city_admin-yq');
    expect(res.statusCode).toBe(201);
    const { id, secret, status } = res.json();
    expect(status).toBe('active');
    expect(secret).toMatch(/^pxd_[A-Za-z0-9_-]{43}$/);
    const row = (await store().query(`SELECT secret_hash FROM device WHERE id = $1`, [id])).rows[0];
    expect(row.secret_hash).toBe(secretHash(secret));
    const again = await t.app.inject({ url: `/api/v1/devices/${id}`, headers: t.as('city_admin-yq') });
    expect(again.statusCode).toBe(200);
    expect(again.json().secret).toBeUndefined();
    expect(JSON.stringify(again.json())).not.toContain(secret);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'device' AND entity_id = $1 AND action = 'device.register'`, [id])).toBe(1);
  });

  it.each([
    ['an unknown kind', { kind: 'iris' }, 400, 'kind'],
    ['an empty name', { name: ' ' }, 400, 'name'],
    ['a malformed institution id', { institutionId: 'x' }, 400, 'institutionId'],
    ['another institution’s venue', { institutionId: undefined }, 404, 'venueId'],
    ['an unknown venue', { venueId: '00000000-0000-4000-8000-000000000001' }, 404, 'venueId'],
  ])('refuses %s naming the field, and stores nothing', async (_n, over, status, field) => {
    const before = await count(`SELECT count(*)::int AS n FROM device`);
    const audit = await count(`SELECT count(*)::int AS n FROM audit_log`);
    const body = { ...over, ...(('institutionId' in over && over.institutionId === undefined) ? { institutionId: w.institutions.yqMine } : {}) };
    const res = await register('city_admin-yq', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().field).toBe(field);
    expect(await count(`SELECT count(*)::int AS n FROM device`)).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audit);
  });

  it('revokes a device once, audited; a second revocation is an illegal transition; others may not revoke', async () => {
    const id = (await register('county_admin-yq')).json().id;
    const revoke = (user: string) => t.app.inject({ method: 'POST', url: `/api/v1/devices/${id}/transitions`, headers: t.as(user), payload: { action: 'revoke', reason: '设备丢失' } });
    for (const [user, status] of [['institution-yq', 403], ['inspector-yq', 403], ['county_admin-yq-mine', 404], ['city_admin-hz', 404]] as const) {
      const res = await revoke(user);
      expect(res.statusCode, `${user}: ${res.body}`).toBe(status);
    }
    expect((await store().query(`SELECT status FROM device WHERE id = $1`, [id])).rows[0].status).toBe('active');
    const ok = await revoke('city_admin-yq');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'revoked', revokeReason: '设备丢失', actions: [] });
    const twice = await revoke('county_admin-yq');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'illegal_transition', state: 'revoked', action: 'revoke' });
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'device' AND entity_id = $1 AND action = 'device.revoke'`, [id])).toBe(1);
  });

  it('lists devices in scope: the institution its own, another city none of them', async () => {
    const list = async (user: string) => (await t.app.inject({ url: '/api/v1/devices', headers: t.as(user) })).json();
    const city = await list('city_admin-yq');
    expect(city.total).toBeGreaterThan(0);
    expect(city.items.every((d: { institutionId: string }) => d.institutionId === w.institutions.yqCity)).toBe(true);
    expect((await list('institution-yq')).total).toBe(city.total);
    expect((await list('county_admin-yq-mine')).total).toBe(0);
    expect((await list('city_admin-hz')).total).toBe(0);
    const evaluator = await t.app.inject({ url: '/api/v1/devices', headers: t.as('evaluator-yq') });
    expect(evaluator.statusCode).toBe(403);
  });

  it('an institution save keeps a venue a device is bound to (matched by name), with its geofence; removing it is a 409', async () => {
    await store().query(`UPDATE institution_venue SET lat = 37.857, lng = 113.583, geofence_radius_m = 150 WHERE id = $1`, [venue]);
    const detail = (await t.app.inject({ url: `/api/v1/institutions/${w.institutions.yqCity}`, headers: t.as('city_admin-yq') })).json();
    expect(detail.venues).toEqual([{ id: venue, name: '理论教室', kind: 'theory', areaM2: 60, geofence: { lat: 37.857, lng: 113.583, radiusM: 150 } }]);
    const input = {
      name: detail.name, kind: detail.kind, regionCode: detail.regionCode, creditCode: detail.creditCode, licenceNo: detail.licenceNo,
      contactName: detail.contactName, contactPhone: detail.contactPhone, teachers: [],
    };
    const put = (venues: object[]) => t.app.inject({ method: 'PUT', url: `/api/v1/institutions/${w.institutions.yqCity}`, headers: t.as('city_admin-yq'), payload: { ...input, venues } });
    const kept = await put([{ name: '理论教室', kind: 'theory', areaM2: 70 }, { name: '实训室', kind: 'practical', areaM2: 100, geofence: { lat: 37.8, lng: 113.5, radiusM: 80 } }]);
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().venues).toContainEqual({ id: venue, name: '理论教室', kind: 'theory', areaM2: 70, geofence: { lat: 37.857, lng: 113.583, radiusM: 150 } });
    expect(kept.json().venues).toContainEqual(expect.objectContaining({ name: '实训室', geofence: { lat: 37.8, lng: 113.5, radiusM: 80 } }));
    const removed = await put([]);
    expect(removed.statusCode).toBe(409);
    expect(removed.json()).toMatchObject({ code: 'conflict', field: 'venues', venues: ['理论教室'] });
    const badRadius = await put([{ name: '理论教室', kind: 'theory', areaM2: 70, geofence: { lat: 37.8, lng: 113.5, radiusM: 0 } }]);
    expect(badRadius.statusCode).toBe(400);
    expect(badRadius.json().field).toBe('venues.0.geofence.radiusM');
  });
});
