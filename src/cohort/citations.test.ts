import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedPlace, seedWorld, testApp } from '../test/fixtures.ts';
import { onDay, readyDraft } from '../test/cohorts.ts';
import { getPack, PACKS } from '../policy/packs/index.ts';

/** Every `citation` (or `…Citation`, e.g. the 无券不补 banner's) string anywhere in a JSON value. */
const citations = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.flatMap(citations);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => (/citation$/i.test(k) && typeof x === 'string' ? [x] : citations(x)));
  return [];
};

const CITIES = [
  { city: '阳泉', policy: 'yangquan-2024', institution: 'institution-yq', county: 'county_admin-yq', cityAdmin: 'city_admin-yq', region: '140302', standards: [] },
  { city: '菏泽', policy: 'heze-2024', institution: 'institution-hz', county: 'county_admin-hz', cityAdmin: 'city_admin-hz', region: '371702', standards: ['standardPerPersonFen'] },
  { city: '绥化', policy: 'suihua-2019', institution: 'institution-sh', county: 'county_admin-sh', cityAdmin: 'city_admin-sh', region: '231202', standards: ['standardPerPersonFen'] },
  { city: '忻州', policy: 'xinzhou-2024', institution: 'institution-xz', county: 'county_admin-xz', cityAdmin: 'city_admin-xz', region: '140902', standards: ['standardPerPersonFen'] },
  { city: '文水', policy: 'wenshui-2023', institution: 'institution-ws', county: 'county_admin-ws', cityAdmin: 'city_admin-ws', region: '141121', standards: ['dailyStandardFen', 'generalDailyStandardFen'] },
];

/** 忻州 and 文水 are not in the shared world: each gets an institution and its bureau accounts here. */
const PLACES = [
  { key: 'xz', city: '140900', region: '140902', name: '忻州市忻府区职业技能培训学校', creditCode: '52140902MJY000001X' },
  { key: 'ws', city: '141100', region: '141121', name: '文水县职业技能培训学校', creditCode: '52141121MJY000001X' },
];

/**
 * A cohort is governed by its city's pack and nothing else: a cohort of each city walks from an incomplete draft
 * (guards refuse) through screening, opening, training, completion, exams, employment, vouchers and the subsidy
 * preview, and every citation on every response names that city's document (or SPEC, for rules SPEC states for
 * every city) and never another city's.
 */
describeStores('each city’s cohort cites only its own pack', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await seedWorld(store());
    for (const p of PLACES) await seedPlace(store(), p);
    t = await testApp(store());
    for (const c of CITIES) for (const u of [c.institution, c.county, c.cityAdmin]) await t.login(u);
  });

  it.each(CITIES.map((c, i) => ({ ...c, idBase: 800 + 40 * i })))('$city: every citation names $policy’s document', async (c) => {
    const seen: string[] = [];
    // each city's walk starts before its cohort's dates; steps wait for their day (nothing before it could happen)
    await t.travel(onDay('2024-11-05'));
    const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const r = await t.app.inject({ method, url, headers: t.as(user), ...(payload ? { payload } : {}) });
      expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(500);
      seen.push(...citations(r.json()));
      return r;
    };
    const ok = async (p: Promise<{ statusCode: number; body: string }>) => expect((await p).statusCode, (await p).body).toBeLessThan(300);
    for (const key of c.standards) {
      await ok(call(c.cityAdmin, 'POST', `/api/v1/policies/${c.policy}/parameters`, { key, value: 10000, from: '2024-01-01', source: '演示数据' }));
    }
    // an incomplete draft: no documents, refused by the guards with their citations
    const bare = await readyDraft(t, { user: c.institution, policy: c.policy, idBase: c.idBase + 20, persons: 1, region: c.region, documents: false });
    expect((await call(c.institution, 'POST', `/api/v1/cohorts/${bare.id}/transitions`, { action: 'submit_opening' })).statusCode).toBe(422);
    await call(c.institution, 'POST', `/api/v1/cohorts/${bare.id}/transitions`, { action: 'cancel' });

    const d = await readyDraft(t, { user: c.institution, policy: c.policy, idBase: c.idBase, persons: 2, region: c.region });
    const fire = (user: string, action: string) => ok(call(user, 'POST', `/api/v1/cohorts/${d.id}/transitions`, { action }));
    const screening = (await call(c.institution, 'GET', `/api/v1/cohorts/${d.id}/screening`)).json();
    // 无券不补 is yangquan's and wenshui's rule only: no other city's screening warns or cites it
    const noVoucherNoPay = ['yangquan-2024', 'wenshui-2023'].includes(c.policy);
    expect(screening.items.some((p: any) => p.reasons.some((r: any) => r.rule === 'voucher.unbound'))).toBe(noVoucherNoPay);
    await fire(c.institution, 'submit_opening');
    await fire(c.county, 'approve_opening');
    await t.travel(onDay('2024-11-20'));
    await fire(c.institution, 'start');
    await call(c.institution, 'GET', `/api/v1/cohorts/${d.id}/subsidy`);
    await ok(call(c.institution, 'PUT', `/api/v1/cohorts/${d.id}/completion-roster`, { personIds: d.personIds }));
    // xinzhou 二(二)(3): the completion application 3 days before the end; elsewhere on the last day
    if (c.policy === 'xinzhou-2024') await t.travel(onDay('2024-11-26'));
    else await t.travel(onDay('2024-11-29'));
    await fire(c.institution, 'submit_completion');
    await t.travel(onDay('2024-11-29'));
    await fire(c.county, 'approve_completion');
    await ok(call(c.institution, 'PUT', `/api/v1/cohorts/${d.id}/exams`, { results: d.personIds.map((personId) => ({ personId, theoryScore: 80, practicalScore: 80 })) }));
    await fire(c.institution, 'record_exams');
    for (const [personId, months] of [[d.personIds[0], '2025-12-01'], [d.personIds[1], '2025-03-01']]) {
      await ok(call(c.institution, 'POST', `/api/v1/cohorts/${d.id}/employment-proofs`, { personId, kind: 'contract', employer: '某公司', contractStart: '2024-12-01', contractEnd: months }));
    }
    await call(c.institution, 'GET', `/api/v1/cohorts/${d.id}/employment`);
    await call(c.institution, 'GET', `/api/v1/cohorts/${d.id}/subsidy`);
    const v = await call(c.institution, 'POST', '/api/v1/vouchers', { personId: d.personIds[0] });
    await ok(call(c.county, 'POST', `/api/v1/vouchers/${v.json().id}/transitions`, { action: 'issue' }));
    await call(c.institution, 'POST', `/api/v1/vouchers/${v.json().id}/transitions`, { action: 'bind', cohortId: bare.id });
    await call(c.institution, 'GET', '/api/v1/vouchers');
    const banners = [(await call(c.institution, 'GET', `/api/v1/cohorts/${d.id}`)).json(), (await call(c.institution, 'GET', '/api/v1/vouchers')).json()];
    // the banner shows 无券不补 only where the pack says it, citing that pack
    const banner = { 'yangquan-2024': '阳人社规发〔2024〕2号 第十一条、第十五条', 'wenshui-2023': `${getPack('wenshui-2023').docNumber} 三(二)` }[c.policy as string] ?? null;
    expect(banners.map((b) => b.noVoucherCitation)).toEqual([banner, banner]);

    const own = getPack(c.policy).docNumber;
    const others = PACKS.filter((p) => p.id !== c.policy).map((p) => p.docNumber);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => others.some((o) => s.includes(o)))).toEqual([]);
    expect(seen.filter((s) => !s.startsWith(own) && !s.startsWith('SPEC'))).toEqual([]);
    expect(seen.some((s) => s.startsWith(own))).toBe(true);
  });
});
