import { beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { multipart, PDF_BYTES, seedWorld, testApp, testIdNumber, type World } from '../test/fixtures.ts';
import { readyDraft } from '../test/cohorts.ts';
import { UPLOAD_LIMIT_BYTES } from './upload.ts';

describeStores('the edge of the API', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let world: World;
  const count = async (table: string) => (await store().query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  beforeAll(async () => {
    world = await seedWorld(store());
    t = await testApp(store());
    for (const u of ['county_admin-yq', 'institution-yq', 'city_admin-yq']) await t.login(u);
  });

  it('sets the security headers on API answers, problems and pages, and never lets API answers be cached', async () => {
    for (const url of ['/api/v1/persons', '/api/v1/nope', '/api/openapi.json']) {
      const res = await t.app.inject({ url, headers: t.as('county_admin-yq') });
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['cache-control'], url).toContain('no-store');
    }
  });

  describe('refuses bad input naming the field, and changes nothing', () => {
    it.each([
      ['a NUL byte in a name', { name: '王\u0000五', idNumber: testIdNumber(601) }, 'name'],
      ['a NUL byte in a key', { name: '王五', idNumber: testIdNumber(603), ['x\u0000']: 1 }, 'x\\0'],
      ['deep nesting', { name: '王五', idNumber: testIdNumber(605), groups: JSON.parse('['.repeat(40) + ']'.repeat(40)) }, 'groups'],
    ])('%s', async (_n, payload, field) => {
      const before = await count('person');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as('county_admin-yq'), payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation', field: expect.stringContaining(field) });
      expect(await count('person')).toBe(before);
    });
    it('a NUL byte in an anonymous sign-in is a 400, not a 500', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'a\u0000b', password: 'x' } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation', field: 'username' });
    });
    it.each(['0000-01-01', '2024-02-30', '1899-12-31'])('the date %s', async (date) => {
      const before = await count('cohort');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/cohorts', headers: t.as('institution-yq'), payload: {
        policy: 'yangquan-2024', programType: 'employment_skills', occupationCode: '6-31-01-03', level: 5, name: '日期测试', startDate: date, endDate: '2024-12-01', venue: '理论教室',
      } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation', field: 'startDate' });
      expect(await count('cohort')).toBe(before);
    });
  });

  describe('uploads', () => {
    let cohortId: string;
    beforeAll(async () => {
      cohortId = (await readyDraft(t, { user: 'institution-yq', idBase: 620, persons: 1, documents: false })).id;
    });
    const upload = (bytes: Buffer, kind: string, extra: Record<string, string> = {}) => {
      const m = multipart({ name: 'a.pdf', type: 'application/pdf', bytes }, { kind });
      return t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${cohortId}/documents`, headers: { ...t.as('institution-yq'), ...m.headers, ...extra }, payload: m.payload });
    };
    it('a file over the limit is refused with 413 and nothing is stored', async () => {
      const before = await count('cohort_document');
      const res = await upload(Buffer.concat([PDF_BYTES, Buffer.alloc(UPLOAD_LIMIT_BYTES + 1024)]), 'teaching_plan');
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'payload_too_large' });
      expect(await count('cohort_document')).toBe(before);
    });
    it('a kind that is not one of its own keys (__proto__) is refused', async () => {
      const res = await upload(PDF_BYTES, '__proto__');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation', field: 'kind' });
    });
    it('a truncated multipart body is a 400 naming the file, and stores nothing', async () => {
      const before = await count('cohort_document');
      const m = multipart({ name: 'a.pdf', type: 'application/pdf', bytes: PDF_BYTES }, { kind: 'teaching_plan' });
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${cohortId}/documents`, headers: { ...t.as('institution-yq'), ...m.headers }, payload: m.payload.subarray(0, m.payload.length - 40) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'file' });
      expect(await count('cohort_document')).toBe(before);
    });
    it('a write from another origin is refused, from the same origin it passes', async () => {
      const before = await count('cohort_document');
      const foreign = await upload(PDF_BYTES, 'teaching_plan', { origin: 'https://evil.example', host: 'peixun.local' });
      expect(foreign.statusCode).toBe(403);
      const crossSite = await upload(PDF_BYTES, 'teaching_plan', { 'sec-fetch-site': 'cross-site' });
      expect(crossSite.statusCode).toBe(403);
      expect(await count('cohort_document')).toBe(before);
      const same = await upload(PDF_BYTES, 'teaching_plan', { origin: 'http://peixun.local', host: 'peixun.local' });
      expect(same.statusCode, same.body).toBe(201);
    });
  });

  it('saving an institution unchanged while its teacher is in a timetable is a 200 and changes nothing', async () => {
    await readyDraft(t, { user: 'institution-yq', idBase: 640, persons: 1, teacherId: world.teachers.yqCity, documents: false });
    const detail = (await t.app.inject({ url: `/api/v1/institutions/${world.institutions.yqCity}`, headers: t.as('city_admin-yq') })).json();
    const teachersBefore = (await store().query(`SELECT id FROM teacher WHERE institution_id = $1 ORDER BY id`, [world.institutions.yqCity])).rows;
    const body = {
      regionCode: detail.regionCode, name: detail.name, kind: detail.kind, creditCode: detail.creditCode, licenceNo: detail.licenceNo,
      licenceValidUntil: detail.licenceValidUntil, contactName: detail.contactName, contactPhone: detail.contactPhone, address: detail.address,
      contractStart: detail.contractStart, contractEnd: detail.contractEnd, venues: detail.venues.map(({ id: _id, ...v }: { id: string }) => v),
      equipment: detail.equipment.map(({ id: _id, ...e }: { id: string }) => e),
      teachers: (await store().query(`SELECT name, id_number AS "idNumber", qualification, certificate_no AS "certificateNo" FROM teacher WHERE institution_id = $1`, [world.institutions.yqCity])).rows.map((r) => ({ ...r, certificateNo: r.certificateNo ?? '' })),
      occupations: detail.occupations,
    };
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/institutions/${world.institutions.yqCity}`, headers: t.as('city_admin-yq'), payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect((await store().query(`SELECT id FROM teacher WHERE institution_id = $1 ORDER BY id`, [world.institutions.yqCity])).rows).toEqual(teachersBefore);
  });
});
