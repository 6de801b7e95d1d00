import { beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, testIdNumber, type World } from '../test/fixtures.ts';
import { deadEnds, unreachableStates } from '../shared/machine.ts';
import { institutionMachine } from './institution.ts';

const input = (over: Record<string, unknown> = {}) => ({
  name: '阳泉市郊区新兴职业培训学校',
  kind: 'private_school',
  regionCode: '140311',
  creditCode: '52140311MJY000001X',
  licenceNo: '人社民1403110001',
  contactName: '刘校长',
  contactPhone: '13903530000',
  address: '阳泉市郊区荫营镇',
  venues: [{ name: '理论教室', kind: 'theory', areaM2: 80 }, { name: '电工实训室', kind: 'practical', areaM2: 200 }],
  equipment: [{ name: '电工实训台', quantity: 10 }],
  teachers: [{ name: '王师傅', idNumber: testIdNumber(301, '140311', '1975-05-05'), qualification: '高级技师（电工）', certificateNo: 'S1403' }],
  occupations: [{ occupationCode: '6-31-01-03', level: 5 }, { occupationCode: '6-31-01-03', level: 4 }],
  ...over,
});

describe('institution life cycle as data', () => {
  it('reaches every state and has no dead end', () => {
    expect(unreachableStates(institutionMachine)).toEqual([]);
    expect(deadEnds(institutionMachine)).toEqual([]);
  });
});

describeStores('institutions API', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let world: World;
  beforeAll(async () => {
    world = await seedWorld(store());
    t = await testApp(store());
    for (const u of ['city_admin-yq', 'county_admin-yq', 'county_admin-yq-mine', 'city_admin-hz', 'institution-yq', 'evaluator-yq']) await t.login(u);
  });
  const create = (user: string, body: object) => t.app.inject({ method: 'POST', url: '/api/v1/institutions', headers: t.as(user), payload: body });

  it('a city admin registers an institution with venues, equipment, teachers and licensed occupations', async () => {
    const res = await create('city_admin-yq', input());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'applied', cityCode: '140300', regionCode: '140311', actions: expect.arrayContaining(['list', 'remove']) });
    expect(body.venues).toHaveLength(2);
    expect(body.occupations.map((o: any) => o.level)).toEqual([5, 4]);
    const audit = await store().query(`SELECT after FROM audit_log WHERE action = 'institution.create' AND entity_id = $1`, [body.id]);
    expect(audit.rows[0].after.teachers[0].name).toBe('王师傅');
  });

  describe('refusals name the field and change nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string, number]> = [
      ['county of another city', { regionCode: '371702', creditCode: '52140311MJY000002X' }, 'regionCode', 400],
      ['bad credit code', { creditCode: '123' }, 'creditCode', 400],
      ['unknown occupation', { creditCode: '52140311MJY000003X', occupations: [{ occupationCode: '9-99-99-99', level: 5 }] }, 'occupations.0.occupationCode', 400],
      ['a level the occupation does not have', { creditCode: '52140311MJY000004X', occupations: [{ occupationCode: '6-31-01-03', level: 0 }] }, 'occupations.0.level', 400],
      ['teacher with a bad ID number', { creditCode: '52140311MJY000005X', teachers: [{ name: '李', idNumber: '140311197505051230', qualification: '技师' }] }, 'teachers.0.idNumber', 400],
      ['venue without area', { creditCode: '52140311MJY000006X', venues: [{ name: '教室', kind: 'theory', areaM2: 0 }] }, 'venues.0.areaM2', 400],
      ['credit code already registered', {}, 'creditCode', 409],
    ];
    it.each(cases)('%s', async (_n, over, field, status) => {
      const before = (await store().query(`SELECT count(*)::int AS n FROM institution`)).rows[0].n;
      const res = await create('city_admin-yq', input(over));
      expect(res.statusCode).toBe(status);
      expect(res.json().field).toBe(field);
      expect((await store().query(`SELECT count(*)::int AS n FROM institution`)).rows[0].n).toBe(before);
    });
  });

  it('only a city admin creates or edits institutions', async () => {
    for (const user of ['county_admin-yq', 'institution-yq', 'evaluator-yq']) {
      expect((await create(user, input({ creditCode: '52140311MJY000009X' }))).statusCode).toBe(403);
    }
    const edit = await t.app.inject({ method: 'PUT', url: `/api/v1/institutions/${world.institutions.yqCity}`, headers: t.as('institution-yq'), payload: input({ creditCode: '52140311MJY000010X' }) });
    expect(edit.statusCode).toBe(403);
  });

  it('teachers’ ID numbers are masked for every role; 显示 gives the bureau the whole number, audited; a form sent back masked keeps it', async () => {
    const whole = testIdNumber(302, '140311', '1976-06-06');
    const made = (await create('city_admin-yq', input({ creditCode: '52140311MJY000007X', teachers: [{ name: '赵师傅', idNumber: whole, qualification: '技师', certificateNo: '' }] }))).json();
    const seen = (await t.app.inject({ url: `/api/v1/institutions/${made.id}`, headers: t.as('city_admin-yq') })).json();
    expect(seen.teachers[0].idNumber).toBe(`${whole.slice(0, 4)}**********${whole.slice(-4)}`);
    expect(JSON.stringify(seen)).not.toContain(whole);
    expect(seen.mayRevealTeacherIds).toBe(true);
    const reveal = (user: string, teacherId = made.teachers[0].id) => t.app.inject({ method: 'POST', url: `/api/v1/institutions/${made.id}/teachers/${teacherId}/reveal`, headers: t.as(user) });
    expect((await reveal('city_admin-yq')).json()).toEqual({ idNumber: whole });
    const views = await store().query(`SELECT actor, after FROM audit_log WHERE action = 'teacher.reveal' AND entity_id = $1`, [made.teachers[0].id]);
    expect(views.rows).toEqual([{ actor: 'city_admin-yq', after: { field: 'idNumber', institutionId: made.id } }]);
    expect((await reveal('evaluator-yq')).statusCode).toBe(404); // not in its scope at all
    expect((await reveal('city_admin-hz')).statusCode).toBe(404);
    expect((await reveal('city_admin-yq', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    // the edit form sends what it showed: the masked number with the teacher's id keeps the registered number
    const shown = (await t.app.inject({ url: `/api/v1/institutions/${made.id}`, headers: t.as('city_admin-yq') })).json();
    const body = input({ creditCode: '52140311MJY000007X', teachers: shown.teachers.map(({ id, name, idNumber, qualification, certificateNo }: any) => ({ id, name, idNumber, qualification, certificateNo })) });
    const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/institutions/${made.id}`, headers: t.as('city_admin-yq'), payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await store().query(`SELECT id_number FROM teacher WHERE institution_id = $1`, [made.id])).rows).toEqual([{ id_number: whole }]);
    // a masked number without the teacher it belongs to cannot be saved
    const forged = await t.app.inject({ method: 'PUT', url: `/api/v1/institutions/${made.id}`, headers: t.as('city_admin-yq'), payload: { ...body, teachers: [{ ...body.teachers[0], id: undefined }] } });
    expect(forged.json()).toMatchObject({ code: 'validation', field: 'teachers.0.idNumber' });
  });

  it('edits replace the parts and are audited with before and after', async () => {
    const id = world.institutions.yqMine;
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/institutions/${id}`, headers: t.as('city_admin-yq'), payload: input({ name: '阳泉市矿区技能培训学校（更名）', regionCode: '140303', creditCode: '91140303MA0K00002B', venues: [] }) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '阳泉市矿区技能培训学校（更名）', venues: [] });
    const audit = await store().query(`SELECT before, after FROM audit_log WHERE action = 'institution.update' AND entity_id = $1`, [id]);
    expect(audit.rows[0].before.name).toBe('阳泉市矿区技能培训学校');
  });

  it('status changes follow the machine: illegal ones are 409 illegal_transition, wrong roles 403, neither changes anything', async () => {
    const id = world.institutions.yqCity; // listed
    const fire = (user: string, action: string) => t.app.inject({ method: 'POST', url: `/api/v1/institutions/${id}/transitions`, headers: t.as(user), payload: { action, reason: '检查发现问题' } });
    const illegal = await fire('city_admin-yq', 'list');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'illegal_transition', state: 'listed', action: 'list' });
    expect((await fire('county_admin-yq', 'suspend')).json().code).toBe('forbidden');
    expect((await store().query(`SELECT status FROM institution WHERE id = $1`, [id])).rows[0].status).toBe('listed');
    expect((await fire('county_admin-yq', 'rectify')).json()).toMatchObject({ status: 'rectifying' });
    expect((await fire('city_admin-yq', 'restore')).json()).toMatchObject({ status: 'listed' });
    const missingReason = await t.app.inject({ method: 'POST', url: `/api/v1/institutions/${id}/transitions`, headers: t.as('city_admin-yq'), payload: { action: 'suspend', reason: '' } });
    expect(missingReason.json()).toMatchObject({ code: 'validation', field: 'reason' });
  });

  it('scope: a county sees its institutions, a city its counties, an institution itself, other cities nothing', async () => {
    const names = async (user: string) => (await t.app.inject({ url: '/api/v1/institutions?pageSize=100', headers: t.as(user) })).json().items.map((i: any) => i.id);
    expect(await names('county_admin-yq')).toEqual([world.institutions.yqCity]);
    expect(await names('city_admin-yq')).toEqual(expect.arrayContaining([world.institutions.yqCity, world.institutions.yqMine]));
    expect(await names('city_admin-yq')).not.toContain(world.institutions.heze);
    expect(await names('institution-yq')).toEqual([world.institutions.yqCity]);
    expect((await t.app.inject({ url: `/api/v1/institutions/${world.institutions.heze}`, headers: t.as('city_admin-yq') })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/institutions/${world.institutions.yqMine}`, headers: t.as('institution-yq') })).statusCode).toBe(404);
  });

  it('the public directory lists listed institutions without login', async () => {
    const res = await t.app.inject({ url: '/api/v1/public/institutions?pageSize=100' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((i: any) => !('creditCode' in i))).toBe(true);
    expect(res.json().items.map((i: any) => i.id)).toContain(world.institutions.heze);
  });

  it('lists the occupation catalogue with the city’s urgent and shortage marks', async () => {
    const res = await t.app.inject({ url: '/api/v1/occupations', headers: t.as('city_admin-yq') });
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(50);
    expect(items.find((o: any) => o.code === '6-31-01-03')).toMatchObject({ name: expect.stringContaining('电工'), levels: [5, 4, 3, 2, 1] });
    expect(items.some((o: any) => o.urgent || o.shortage)).toBe(true);
  });
});
