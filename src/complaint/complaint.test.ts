import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, type World } from '../test/fixtures.ts';
import { insertAccount } from '../auth/store.ts';
import { deadEnds, unreachableStates } from '../shared/machine.ts';
import { getPack } from '../policy/packs/index.ts';
import { complaintMachine, trackingCodeFrom, TRACKING_CODE } from './complaint.ts';

it('the complaint life cycle reaches every state and has no dead end; tracking codes read unambiguously', () => {
  expect(unreachableStates(complaintMachine)).toEqual([]);
  expect(deadEnds(complaintMachine)).toEqual([]);
  const code = trackingCodeFrom(new Uint8Array([0, 1, 2, 31, 32, 255, 8, 9, 10, 11, 12, 13]));
  expect(code).toMatch(TRACKING_CODE);
  expect(code.slice(2)).not.toMatch(/[01IO]/);
});

describeStores('投诉举报: filed by anyone, followed by its code, handled in confidence', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let w: World;
  let inspectorId: string;
  let address = 0;
  // each filing from its own address, except where the rate limit is the point
  const file = (payload: object, remoteAddress = `10.9.${Math.floor(address / 250)}.${address++ % 250}`) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload, remoteAddress });
  const lookup = (code: string) => t.app.inject({ url: `/api/v1/public/complaints/${code}` });
  const as = (user: string, url: string, payload?: object) => t.app.inject({ method: payload ? 'POST' : 'GET', url, headers: t.as(user), ...(payload ? { payload } : {}) });
  const count = async () => (await store().query(`SELECT (SELECT count(*) FROM complaint)::int + (SELECT count(*) FROM audit_log)::int AS n`)).rows[0].n;
  const about = (over: object = {}) => ({ regionCode: '140302', category: 'proxy_checkin', content: '某培训学校上课时由老师替未到场的学员刷脸签到', ...over });

  beforeAll(async () => {
    w = await seedWorld(store());
    inspectorId = (await insertAccount(store(), { username: 'inspector-yq-2', passwordHash: (await store().query(`SELECT password_hash FROM account WHERE username = 'inspector-yq'`)).rows[0].password_hash, role: 'inspector', displayName: '赵敏（监督检查）', regionCode: '140300' }, new Date())).id;
    t = await testApp(store());
    for (const u of ['county_admin-yq', 'city_admin-yq', 'inspector-yq', 'inspector-yq-2', 'city_admin-hz', 'institution-yq']) await t.login(u);
  });

  it('anyone files anonymously and follows the complaint by its code; the audit keeps no identity', async () => {
    const res = await file(about({ institutionId: w.institutions.yqCity }));
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(TRACKING_CODE);
    expect((await lookup(trackingCode.toLowerCase())).json()).toEqual({
      trackingCode, state: 'received', stateLabel: '已受理', category: '代签到、代打卡', receivedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), dueOn: null, outcome: null,
    });
    expect((await lookup('TS23456789ABCD')).statusCode).toBe(404);
    expect((await lookup('not-a-code')).json()).toMatchObject({ code: 'validation', field: 'trackingCode' });
  });

  it('a named complaint’s complainant is seen only by its assignee (each view audited); the assignee answers and the complainant reads the outcome', async () => {
    const { trackingCode } = (await file(about({ name: '李明', phone: '13912345678' }))).json();
    const audit = await store().query(`SELECT after FROM audit_log WHERE action = 'complaint.file' ORDER BY at DESC, seq DESC LIMIT 1`);
    expect(JSON.stringify(audit.rows[0].after)).not.toMatch(/李明|13912345678/);

    const listed = (await as('county_admin-yq', '/api/v1/complaints')).json();
    const mine = listed.items.find((c: any) => c.trackingCode === trackingCode);
    expect(mine.complainant).toEqual({ anonymous: false, hidden: true });
    expect(JSON.stringify(listed)).not.toMatch(/李明|13912345678/);

    const assigned = await as('county_admin-yq', `/api/v1/complaints/${mine.id}/transitions`, { action: 'assign', assigneeId: inspectorId, dueOn: '2024-11-20' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'assigned', assigneeName: '赵敏（监督检查）', dueOn: '2024-11-20', complainant: { hidden: true } });
    expect((await as('inspector-yq', `/api/v1/complaints/${mine.id}`)).json().complainant).toEqual({ anonymous: false, hidden: true });
    expect((await as('city_admin-yq', `/api/v1/complaints/${mine.id}`)).json().complainant).toEqual({ anonymous: false, hidden: true });
    expect((await as('inspector-yq-2', `/api/v1/complaints/${mine.id}`)).json().complainant).toEqual({ anonymous: false, name: '李明', phone: '13912345678' });
    const views = await store().query(`SELECT actor FROM audit_log WHERE action = 'complaint.identity_view' AND entity_id = $1`, [mine.id]);
    expect(views.rows).toEqual([{ actor: 'inspector-yq-2' }]);

    // only the assignee answers, with an outcome
    expect((await as('inspector-yq', `/api/v1/complaints/${mine.id}/transitions`, { action: 'answer', outcome: '经核查属实，已责令整改' })).statusCode).toBe(403);
    expect((await as('inspector-yq-2', `/api/v1/complaints/${mine.id}/transitions`, { action: 'answer' })).json()).toMatchObject({ code: 'validation', field: 'outcome' });
    const answered = await as('inspector-yq-2', `/api/v1/complaints/${mine.id}/transitions`, { action: 'answer', outcome: '经核查属实，已责令整改' });
    expect(answered.json()).toMatchObject({ state: 'answered', outcome: '经核查属实，已责令整改' });
    expect((await lookup(trackingCode)).json()).toMatchObject({ state: 'answered', stateLabel: '已办结', outcome: '经核查属实，已责令整改', dueOn: '2024-11-20' });
    expect(JSON.stringify((await lookup(trackingCode)).json())).not.toMatch(/赵敏|inspector/);
  });

  it('refuses bad filings naming the field, and changes nothing', async () => {
    const before = await count();
    for (const [body, field, status] of [
      [about({ regionCode: '999999' }), 'regionCode', 400],
      [about({ regionCode: '140000' }), 'regionCode', 400], // a province is not a place to handle complaints
      [about({ institutionId: w.institutions.heze }), 'institutionId', 404],
      [about({ content: '太差了' }), 'content', 400],
      [about({ phone: '12345' }), 'phone', 400],
      [about({ category: 'gossip' }), 'category', 400],
      [about({ name: 'a\u0000b' }), 'name', 400],
    ] as const) {
      const r = await file(body);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().field).toBe(field);
    }
    expect(await count()).toBe(before);
  });

  it('refuses assignments outside the rules: wrong role, another city’s officer, a past due date, answering before assignment', async () => {
    const { trackingCode } = (await file(about())).json();
    const id = (await store().query(`SELECT id FROM complaint WHERE tracking_code = $1`, [trackingCode])).rows[0].id;
    const before = await count();
    const hzAdmin = (await store().query(`SELECT id FROM account WHERE username = 'city_admin-hz'`)).rows[0].id;
    const go = (user: string, body: object) => as(user, `/api/v1/complaints/${id}/transitions`, body);
    expect((await go('inspector-yq', { action: 'assign', assigneeId: inspectorId, dueOn: '2024-11-20' })).statusCode).toBe(403);
    expect((await go('county_admin-yq', { action: 'assign', assigneeId: hzAdmin, dueOn: '2024-11-20' })).json()).toMatchObject({ code: 'not_found', field: 'assigneeId' });
    expect((await go('county_admin-yq', { action: 'assign', assigneeId: inspectorId, dueOn: '2024-11-01' })).json()).toMatchObject({ code: 'validation', field: 'dueOn' });
    expect((await go('county_admin-yq', { action: 'assign', assigneeId: inspectorId })).json()).toMatchObject({ code: 'validation', field: 'dueOn' });
    expect((await go('inspector-yq', { action: 'answer', outcome: '不属实，已答复' })).statusCode).toBe(409);
    expect((await go('institution-yq', { action: 'assign', assigneeId: inspectorId, dueOn: '2024-11-20' })).statusCode).toBe(403);
    expect((await go('city_admin-hz', { action: 'assign', assigneeId: hzAdmin, dueOn: '2024-11-20' })).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('each place sees its own complaints only, newest first, a keyset page at a time, citing its own document', async () => {
    await file(about({ regionCode: '371702', content: '菏泽某机构虚报培训人数套取补贴资金' }));
    const hz = (await as('city_admin-hz', '/api/v1/complaints')).json();
    expect(hz.items).toHaveLength(1);
    expect(hz.items[0].citation).toBe(`${getPack('heze-2024').docNumber} 第二十三条`);
    expect((await as('city_admin-yq', '/api/v1/complaints')).json().items.every((c: any) => c.cityCode === '140300' && c.citation === 'SPEC §1 投诉举报')).toBe(true);
    const first = (await as('city_admin-yq', '/api/v1/complaints?pageSize=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await as('city_admin-yq', `/api/v1/complaints?pageSize=2&after=${first.next}`)).json();
    const all = (await as('city_admin-yq', '/api/v1/complaints?pageSize=100')).json();
    expect([...first.items, ...second.items].map((c: any) => c.id)).toEqual(all.items.slice(0, first.items.length + second.items.length).map((c: any) => c.id));
    expect(all.total).toBe(all.items.length);
    expect((await as('institution-yq', '/api/v1/complaints')).statusCode).toBe(403);
    // the officers a complaint may go to: this city's, by name
    const handlers = (await as('county_admin-yq', '/api/v1/complaints/handlers')).json().items;
    expect(handlers.map((h: any) => h.name)).toEqual(expect.arrayContaining(['赵敏（监督检查）', 'city_admin-yq']));
    expect(handlers.some((h: any) => h.name === 'city_admin-hz')).toBe(false);
    expect(handlers.every((h: any) => ['city_admin', 'county_admin', 'reviewer', 'inspector'].includes(h.role))).toBe(true);
  });

  it('limits filings per address', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await file(about(), '10.99.0.1')).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
