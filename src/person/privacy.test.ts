import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp, testIdNumber } from '../test/fixtures.ts';
import { readyDraft } from '../test/cohorts.ts';
import { buildApp } from '../app/app.ts';
import { fixtureIdentityCheck } from './identity.ts';
import { redactPersonalData } from '../app/log.ts';
import { canRenderPdf } from '../test/environment.ts';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'peixun-privacy-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FULL_ID = /(?<![0-9])\d{17}[\dX](?![0-9X])/;
const FULL_PHONE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/;
const NARROWING_KEYS = new Set(['birthDate', 'householdRegionCode', 'birthMonth', 'householdAddress']);

/** Every place in a JSON body that carries a whole ID number or phone, or a field that narrows a masked one. */
export function findLeaks(value: unknown, path = '$'): string[] {
  if (typeof value === 'string') return FULL_ID.test(value) || FULL_PHONE.test(value) ? [`${path}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findLeaks(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...(NARROWING_KEYS.has(k) ? [`${path}.${k}`] : []), ...findLeaks(v, `${path}.${k}`)]);
  }
  return [];
}

it('the leak finder sees whole numbers and narrowing fields, and passes masked ones', () => {
  expect(findLeaks({ a: [{ idNumber: '140302199001011234' }], phone: '13912345678', birthDate: '1990-01-01' })).toHaveLength(3);
  expect(findLeaks({ idNumber: '1403**********1234', phone: '139****5678', age: 34 })).toEqual([]);
});

it('redacts ID numbers and phones wherever they sit in a log text', () => {
  expect(redactPersonalData('q=140302199001011234&p=13912345678 id 14030219900101123X')).toBe('q=1403**********1234&p=139****5678 id 1403**********123X');
});

describeStores('personal data', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const id = testIdNumber(401);
  const phone = '13700001111';
  let personId: string;
  let cohortId: string;
  const get = (user: string, url: string) => t.app.inject({ url, headers: t.as(user) });
  const reveal = (user: string, pid: string, field: string) => t.app.inject({ method: 'POST', url: `/api/v1/persons/${pid}/reveal`, headers: t.as(user), payload: { field } });
  const auditCount = async () => (await store().query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n as number;

  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store());
    for (const u of ['city_admin-yq', 'county_admin-yq', 'reviewer-yq', 'finance-yq', 'inspector-yq', 'institution-yq', 'institution-hz', 'county_admin-hz', 'evaluator-yq']) await t.login(u);
    const p = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as('institution-yq'), payload: { name: '周密', idNumber: id, phone } });
    expect(p.statusCode, p.body).toBe(201);
    personId = p.json().id;
    const draft = await readyDraft(t, { user: 'institution-yq', idBase: 420, persons: 2 });
    cohortId = draft.id;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cohorts/${cohortId}/enrolments`, headers: t.as('institution-yq'), payload: { personId } })).statusCode).toBe(201);
  });

  describe('no response rebuilds a masked number', () => {
    const pages = (): Array<[string, string]> => [
      ['city_admin-yq', '/api/v1/persons'],
      ['county_admin-yq', `/api/v1/persons/${personId}`],
      ['finance-yq', `/api/v1/persons/${personId}`],
      ['institution-yq', '/api/v1/persons?pageSize=100'],
      ['institution-yq', `/api/v1/cohorts/${cohortId}`],
      ['county_admin-yq', `/api/v1/cohorts/${cohortId}`],
      ['inspector-yq', `/api/v1/cohorts/${cohortId}`],
      ['county_admin-yq', `/api/v1/certificates`],
      ['county_admin-yq', `/api/v1/persons/${personId}/identity-check`],
    ];
    it('in lists, details, rosters and certificate lists, for every role', async () => {
      for (const [user, url] of pages()) {
        const res = await get(user, url);
        expect(res.statusCode, `${user} ${url}: ${res.body}`).toBe(200);
        expect(findLeaks(res.json()), `${user} ${url}`).toEqual([]);
      }
    });
  });

  describe('search matches ID numbers and phones only whole', () => {
    const found = async (q: string) => (await get('city_admin-yq', `/api/v1/persons?q=${encodeURIComponent(q)}`)).json().items.map((p: { id: string }) => p.id);
    it('the whole ID number and the whole phone find the person', async () => {
      expect(await found(id)).toEqual([personId]);
      expect(await found(phone)).toEqual([personId]);
      expect(await found(id.toLowerCase())).toEqual([personId]);
    });
    it('a part of an ID number or phone finds nobody, so search cannot recover the hidden digits', async () => {
      for (const part of [id.slice(0, 16), id.slice(0, 10), id.slice(4, 14), phone.slice(0, 7), phone.slice(3), id.slice(0, 4) + '**********' + id.slice(14)]) {
        expect(await found(part), part).toEqual([]);
      }
    });
    it('names still match by part', async () => {
      expect(await found('周')).toContain(personId);
    });
  });

  describe('显示: whole numbers on request, each view audited', () => {
    it('an officer in scope sees the whole ID number and phone, and the view is audited without the value', async () => {
      const before = await auditCount();
      const r = await reveal('county_admin-yq', personId, 'idNumber');
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ field: 'idNumber', value: id });
      expect(r.headers['cache-control']).toBe('no-store');
      expect((await reveal('institution-yq', personId, 'phone')).json()).toEqual({ field: 'phone', value: phone });
      expect(await auditCount()).toBe(before + 2);
      const { rows } = await store().query(`SELECT actor, action, entity_id, after FROM audit_log WHERE action = 'person.reveal' ORDER BY at DESC, seq DESC LIMIT 2`);
      expect(rows.map((r) => [r.actor, r.entity_id, r.after.field])).toEqual(expect.arrayContaining([['county_admin-yq', personId, 'idNumber'], ['institution-yq', personId, 'phone']]));
      expect(JSON.stringify(rows)).not.toContain(id);
      expect(JSON.stringify(rows)).not.toContain(phone);
    });
    it.each([['finance-yq', 403], ['inspector-yq', 403], ['evaluator-yq', 403], ['institution-hz', 404], ['county_admin-hz', 404]])(
      '%s is refused with %i and nothing is audited', async (user, status) => {
        const before = await auditCount();
        const r = await reveal(user, personId, 'idNumber');
        expect(r.statusCode).toBe(status);
        expect(r.body).not.toContain(id);
        expect(await auditCount()).toBe(before);
      });
    it('an unknown field is refused naming it', async () => {
      const r = await reveal('county_admin-yq', personId, 'birthDate');
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'validation', field: 'field' });
    });
  });

  describe('registering an ID number known elsewhere reveals nothing and links nothing', () => {
    it('another city gets one answer whatever the name, and cannot then see the person', async () => {
      const post = (name: string) => t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: t.as('institution-hz'), payload: { name, idNumber: id } });
      const before = (await store().query(`SELECT count(*)::int AS n FROM person_institution`)).rows[0].n;
      const rightName = await post('周密');
      const wrongName = await post('张冠');
      expect(rightName.statusCode).toBe(409);
      expect(wrongName.statusCode).toBe(409);
      const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
      expect(strip(rightName.json())).toEqual(strip(wrongName.json()));
      expect(rightName.body).not.toContain('周密');
      expect((await store().query(`SELECT count(*)::int AS n FROM person_institution`)).rows[0].n).toBe(before);
      expect((await get('institution-hz', `/api/v1/persons/${personId}`)).statusCode).toBe(404);
    });
  });

  describe('printed forms', () => {
    it.skipIf(!canRenderPdf)('finance, inspectors and evaluators get masked prints, without birth month', async () => {
      for (const user of ['finance-yq', 'inspector-yq']) {
        for (const form of ['registration', 'roster']) {
          const res = await get(user, `/api/v1/cohorts/${cohortId}/forms/${form}`);
          expect(res.statusCode, `${user} ${form}`).toBe(200);
          const text = pdfText(res.rawPayload);
          expect(text).toContain('周密');
          expect(text).toContain(`${id.slice(0, 4)}**********${id.slice(14)}`);
          expect(text.match(FULL_ID), `${user} ${form}`).toBeNull();
          expect(text.match(FULL_PHONE), `${user} ${form}`).toBeNull();
          expect(text).not.toContain(`${id.slice(6, 10)}-${id.slice(10, 12)}`);
        }
      }
    });
    it.skipIf(!canRenderPdf)('the roles that need whole numbers print them, and each print is audited', async () => {
      const before = await auditCount();
      const res = await get('institution-yq', `/api/v1/cohorts/${cohortId}/forms/registration`);
      expect(res.statusCode).toBe(200);
      expect(pdfText(res.rawPayload)).toContain(id);
      expect(await auditCount()).toBe(before + 1);
      const { rows } = await store().query(`SELECT actor, action, entity_id, after FROM audit_log ORDER BY at DESC, seq DESC LIMIT 1`);
      expect(rows[0]).toMatchObject({ actor: 'institution-yq', action: 'form.print', entity_id: cohortId, after: { form: '职业技能培训学员登记表', persons: 3, wholeNumbers: true } });
    });
  });

  describe('the server log', () => {
    it('never holds a whole ID number or phone, and logs every 5xx with the request id its answer carries', async () => {
      const lines: string[] = [];
      const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
      const app = await buildApp({ ...t.ctx, identity: fixtureIdentityCheck(store()) }, { webDir: '/nonexistent', logger: { level: 'info', stream } });
      app.get('/api/v1/test-failure', async () => { throw new Error(`boom while reading ${id} and ${phone}`); });
      const cookie = t.as('city_admin-yq');
      const search = await app.inject({ url: `/api/v1/persons?q=${id}`, headers: cookie });
      expect(search.statusCode).toBe(200);
      const failed = await app.inject({ url: '/api/v1/test-failure', headers: cookie });
      expect(failed.statusCode).toBe(500);
      const requestId = failed.json().requestId as string;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(failed.headers['x-request-id']).toBe(requestId);
      await app.close();
      const log = lines.join('');
      expect(log).not.toContain(id);
      expect(log).not.toContain(phone);
      const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ reqId: requestId, err: { message: expect.stringContaining('1403**********') } });
    });
  });
});
