import { beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';
import { readyDraft } from '../test/cohorts.ts';
import { CERTIFICATE_NUMBER_PATTERN, certificateNumber, holderMatches } from './certificate.ts';
import { PUBLIC_CHECKS_PER_MINUTE } from './routes.ts';
import { issueCertificates } from './store.ts';

describe('certificate numbers', () => {
  it('keep suihua 第五条(五) in Suihua: prefix + 12 + the county digits + year + 6 digits (16 characters)', () => {
    expect(certificateNumber('GQPX', '231200', '231202', 2026, 7)).toBe('GQPX12022600000' + '7');
  });
  it('write the full county code elsewhere, so counties with the same last digits in two cities differ', () => {
    const yangquan = certificateNumber('JNPX', '140300', '140302', 2026, 1); // 城区
    const heze = certificateNumber('JNPX', '371700', '371702', 2026, 1); // 牡丹区
    const suihua = certificateNumber('JNPX', '231200', '231202', 2026, 1); // 北林区
    expect([yangquan, heze, suihua]).toEqual(['JNPX140302260000' + '01', 'JNPX371702260000' + '01', 'JNPX1202260000' + '01']);
    expect(new Set([yangquan, heze, suihua]).size).toBe(3);
    for (const n of [yangquan, heze, suihua]) expect(n).toMatch(CERTIFICATE_NUMBER_PATTERN);
  });
  it('refuse a sequence outside 1–999999', () => {
    expect(() => certificateNumber('JNPX', '140300', '140302', 2026, 1_000_000)).toThrow(RangeError);
  });
  it('match a holder by the whole name after trimming, never by a part of it', () => {
    expect(holderMatches('张三丰', ' 张三丰 ')).toBe(true);
    expect(holderMatches('张三丰', '张三')).toBe(false);
    expect(holderMatches('张三丰', ' ')).toBe(false);
  });
});

describeStores('public certificate check', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const numbers: Record<'yq' | 'hz', string> = { yq: '', hz: '' };
  beforeAll(async () => {
    const world = await seedWorld(store());
    t = await testApp(store());
    for (const u of ['institution-yq', 'institution-hz']) await t.login(u);
    // 城区 140302 and 牡丹区 371702 share their last two digits: under the old numbering both got JNPX1202…
    for (const [key, user, region, policy, idBase] of [['yq', 'institution-yq', '140302', 'yangquan-2024', 10], ['hz', 'institution-hz', '371702', 'heze-2024', 20]] as const) {
      const c = await readyDraft(t, { user, idBase, persons: 1, region, policy, teacherId: key === 'hz' ? world.teachers.heze : null });
      const { rows: [cohort] } = await store().query<{ cityCode: string; id: string; regionCode: string; institutionId: string; occupationCode: string; level: number }>(`SELECT city_code AS "cityCode", id, region_code AS "regionCode", institution_id AS "institutionId", occupation_code AS "occupationCode", level FROM cohort WHERE id = $1`, [c.id]);
      [numbers[key]] = await store().transaction((tx) => issueCertificates(tx, cohort, c.personIds, 'JNPX', '2026-11-30'));
    }
  });
  const check = (number: string, name?: string, remoteAddress = '10.0.0.1') =>
    t.app.inject({ url: `/api/v1/public/certificates/${number}${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`, remoteAddress });

  it('gives two cities\' first numbers of the year different numbers, each naming its own holder', async () => {
    expect(numbers).toEqual({ yq: 'JNPX14030226000001', hz: 'JNPX37170226000001' });
    const hz = await check(numbers.hz);
    expect(hz.statusCode).toBe(200);
    expect(hz.json()).toEqual({ number: numbers.hz, holder: '学**0', occupation: '电工', level: 5, institution: '菏泽市牡丹区职业培训学校', issuedOn: '2026-11-30' });
    expect((await check(numbers.yq)).json()).toMatchObject({ holder: '学**0', institution: '阳泉市城区惠民职业培训学校' });
    expect((await check(numbers.hz, '学员20')).json().holderMatches).toBe(true);
    expect((await check(numbers.hz, '学员10')).json().holderMatches).toBe(false); // the Yangquan holder's name
  });

  it('keeps the contract without a name (masked holder, no verdict) and 404 for an unknown number', async () => {
    expect((await check(numbers.yq)).json()).not.toHaveProperty('holderMatches');
    const missing = await check('JNPX14030226999999', '学员10');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('学员');
    expect((await check(numbers.yq, '')).json()).toMatchObject({ code: 'validation', field: 'name' });
  });

  it('answers a mismatch without revealing more of the name than the mask', async () => {
    const res = await check(numbers.yq, '李四');
    expect(res.json()).toMatchObject({ holder: '学**0', holderMatches: false });
    expect(res.body).not.toContain('学员10');
  });

  it(`limits each address to ${PUBLIC_CHECKS_PER_MINUTE} checks a minute, with or without a name`, async () => {
    for (let i = 0; i < PUBLIC_CHECKS_PER_MINUTE; i++) expect((await check(numbers.yq, i % 2 ? '学员10' : undefined, '10.0.0.99')).statusCode).toBe(200);
    const limited = await check(numbers.yq, '学员10', '10.0.0.99');
    expect(limited.statusCode).toBe(429);
    expect((await check(numbers.yq, undefined, '10.0.0.98')).statusCode).toBe(200);
  });
});
