/**
 * What a user sees, checked in the browser against the real server (in-process, in-memory store, demo data, a
 * fixed clock inside yangquan-2024's validity): public pages at phone width, Enter in a date field, the
 * technical-detail switch, the calculator's form and adding several trainees at once.
 * Needs Chromium at /usr/bin/chromium; PEIXUN_E2E_SCREENSHOTS=/some/dir saves a screenshot after each step.
 */
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserWorld, HAVE_CHROMIUM } from './harness.ts';
import { makeIdNumber } from '../../src/person/id-number.ts';

const PASSWORD = 'peixun-demo';
const NOW = new Date('2026-03-02T02:00:00Z');

describe.skipIf(!HAVE_CHROMIUM)('what a user sees', () => {
  let page: Page;
  let base = '';
  const world = browserWorld({ password: PASSWORD, now: NOW, viewport: { width: 390, height: 844 }, shotPrefix: 'see-b-' });
  const { snap, login, logout, openMenu, pick } = world;
  beforeAll(() => {
    ({ page, base } = world);
  });

  /** Every API request the page sends from now on, until the returned stop is called. */
  const recordRequests = () => {
    const seen: Request[] = [];
    const on = (r: Request) => { if (r.url().includes('/api/')) seen.push(r); };
    page.on('request', on);
    return { seen, stop: () => page.off('request', on) };
  };
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  /** For each link of the header, by its text: on how many lines its longest text is laid out (one character a line is many). */
  const headerLines = () => page.locator('header a').evaluateAll((links) => Object.fromEntries(links.map((a) => {
    let lines = 0;
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      lines = Math.max(lines, new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size);
    }
    return [(a as HTMLElement).innerText.replace(/\s+/g, ''), lines];
  })));

  describe('public pages at 390 px', () => {
    it('the certificate check fits the phone: no page-wide sideways scroll, header links on one line', async () => {
      await page.goto(`${base}/public/certificates`);
      await expect.poll(() => page.locator('[data-testid=cert-number]').count()).toBe(1);
      expect(await pageWidth()).toBeLessThanOrEqual(390);
      expect(await headerLines()).toEqual({ 训培训peixun: 1, 证书查询: 1, 培训机构目录: 1, 检查结果公开: 1, 投诉举报: 1, 工作人员登录: 1 });
      await snap('public-certificates-390');
    });

    it('the public directory scrolls its table inside its container, not the page', async () => {
      await page.goto(`${base}/public/institutions`);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      expect(await pageWidth()).toBeLessThanOrEqual(390);
      const table = await page.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }));
      expect(table.client).toBeLessThanOrEqual(390);
      expect(table.scroll).toBeGreaterThan(table.client); // wider than the phone: it scrolls sideways…
      expect(['auto', 'scroll']).toContain(table.overflow); // …inside its own box
      expect(await headerLines()).toEqual({ 训培训peixun: 1, 证书查询: 1, 培训机构目录: 1, 检查结果公开: 1, 投诉举报: 1, 工作人员登录: 1 });
      await snap('public-institutions-390');
    });
  });

  describe('Enter in a date field', () => {
    beforeAll(async () => {
      await page.setViewportSize({ width: 1360, height: 900 });
    });

    it('does not submit the half-filled cohort form', async () => {
      await login('institution-yangquan');
      await openMenu('新建培训班');
      await page.waitForURL(/\/cohorts\/new$/);
      await page.getByLabel('班级名称').fill('回车不提交测试班');
      await expect.poll(() => page.locator('.ant-form-item', { has: page.getByLabel('适用政策') }).innerText()).toContain('阳人社规发〔2024〕2号');
      const session = await (await page.request.get(`${base}/api/v1/session`)).json();
      const inst = await (await page.request.get(`${base}/api/v1/institutions/${session.me.institutionId}`)).json();
      const licensed = inst.occupations.find((o: { level: number }) => o.level > 0);
      await pick(page.getByLabel('职业（工种）'), licensed.name, licensed.name);
      await page.getByLabel('开班日期').click();
      await page.getByLabel('开班日期').fill('2026-03-16');
      await page.keyboard.press('Tab');

      const requests = recordRequests();
      await page.getByLabel('结业日期').click();
      await page.getByLabel('结业日期').fill('2026-03-20');
      await page.getByLabel('结业日期').press('Enter');
      await page.waitForTimeout(800);
      requests.stop();
      expect(requests.seen.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
      expect(new URL(page.url()).pathname).toBe('/cohorts/new');
      expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0); // not even a refused submit
      expect(await page.getByLabel('结业日期').inputValue()).toBe('2026-03-20'); // Enter still takes the date
      await logout();
    });
  });

  describe('the calculator as a form, and technical detail on request', () => {
    let sent: Record<string, any> | null = null;
    beforeAll(async () => {
      await page.setViewportSize({ width: 1360, height: 900 });
    });

    it('an officer fills in the training and three trainees; the result explains itself in Chinese', async () => {
      await login('city_admin-yangquan');
      await openMenu('补贴测算');
      await page.waitForURL(/\/subsidy\/calc$/);
      await expect.poll(() => page.locator('[data-testid=calc-pack]').innerText()).toContain('阳人社规发〔2024〕2号');
      expect(await page.locator('[data-testid=calc-pack]').innerText()).not.toContain('yangquan-2024');
      await pick(page.locator('#calc_programType'), '订单式培训');
      await pick(page.locator('#calc_occupation'), '中式烹调师', '中式烹调师');
      await page.locator('#calc_startDate').click();
      await page.locator('#calc_startDate').fill('2025-11-03');
      await page.keyboard.press('Tab');
      await page.locator('#calc_days').fill('15');
      await page.locator('#calc_lessons').fill('120');
      await page.locator('#calc_approvedHeadcount').fill('3');
      await page.locator('#calc_verifiedHeadcount').fill('3');
      await page.locator('[data-testid=calc-add-trainee]').click();
      await page.locator('[data-testid=calc-add-trainee]').click();
      await expect.poll(() => page.locator('[data-testid=calc-trainees] tbody tr.ant-table-row').count()).toBe(3);
      for (const id of ['T01', 'T02']) {
        await pick(page.getByLabel(`${id} 重点群体`), '农村转移就业劳动者', '农村转移');
        await page.keyboard.press('Escape'); // a multiple select stays open after a pick
        await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
      }
      await page.getByLabel('T02 考核合格').click(); // T02 did not pass
      await page.getByLabel('T03 出勤率（%）').fill('60');

      const request = page.waitForRequest((r) => r.url().endsWith('/api/v1/subsidy/calc') && r.method() === 'POST');
      await page.locator('[data-testid=calc-form-run]').click();
      sent = (await request).postDataJSON();
      const result = page.locator('[data-testid=calc-result]');
      await expect.poll(() => result.locator('[data-testid=decision-lines] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
      expect(await result.locator('[data-testid=decision-total]').innerText()).toMatch(/元$/);

      // the §5.2 case, name-free, numbered trainees
      expect(sent).toMatchObject({
        policy: 'yangquan-2024', kind: 'training', asOf: '2025-11-17', parameters: {},
        cohort: { programType: 'order', occupation: '4-03-02-01', startDate: '2025-11-03', days: 15, lessons: 120, approvedHeadcount: 3, verifiedHeadcount: 3, missingRecordingHalfDays: 0 },
      });
      expect(sent!.trainees.map((x: any) => [x.id, x.passed, x.attendanceRate, x.groups])).toEqual([
        ['T01', true, 1, ['rural_migrant']], ['T02', false, 1, ['rural_migrant']], ['T03', true, 0.6, []],
      ]);
      expect(Object.keys(sent!.trainees[0]).sort()).toEqual(['attendanceRate', 'employed', 'groups', 'history', 'id', 'passed', 'skillUpgradeSubsidy', 'verified', 'voucherBound']);

      // the explanation: Chinese text and citation; no rule id, no pack id until asked for
      const text = await result.innerText();
      expect(text).toContain('阳人社规发〔2024〕2号 第六条');
      expect(text).toContain('订单式培训 15 天');
      expect(text).not.toMatch(/yangquan[.-]/);
      await snap('calculator-form');
      await result.locator('[data-testid=technical-switch]').click();
      await expect.poll(() => result.innerText()).toContain('yangquan.order_ladder');
      expect(await result.innerText()).toContain('yangquan-2024');
      await result.locator('[data-testid=technical-switch]').click();
      await expect.poll(() => result.innerText()).not.toContain('yangquan.order_ladder');
    });

    it('the 高级 tab holds the very case the form sent', async () => {
      await world.openTab('高级');
      const json = JSON.parse(await page.locator('[data-testid=case-json]').inputValue());
      expect(json).toEqual(sent);
      await page.locator('[data-testid=calc-run]').click();
      await expect.poll(() => page.locator('[data-testid=calc-result] [data-testid=decision-lines] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
      await world.openTab('表单');
    });

    it('a missing standard is named in Chinese; given for this case, the calculation goes through', async () => {
      await pick(page.locator('#calc_programType'), '就业技能培训');
      await page.locator('[data-testid=calc-form-run]').click();
      const refusal = page.locator('[data-testid=calc-result] [data-testid=refusal]');
      await expect.poll(() => refusal.count()).toBe(1);
      expect(await refusal.innerText()).toContain('尚未设定政策参数');
      expect(await refusal.innerText()).not.toContain('standardPerPersonFen');
      await refusal.locator('[data-testid=technical-switch]').click();
      await expect.poll(() => refusal.innerText()).toContain('standardPerPersonFen');
      await refusal.locator('[data-testid=technical-switch]').click();

      const parameters = page.locator('[data-testid=calc-parameters]');
      expect(await parameters.innerText()).not.toContain('standardPerPersonFen');
      const input = parameters.locator('.ant-form-item', { hasText: '阳人社规发〔2024〕2号' }).filter({ has: page.locator('[id="calc_parameters_standardPerPersonFen"]') }).locator('input');
      await input.fill('1000');
      const request = page.waitForRequest((r) => r.url().endsWith('/api/v1/subsidy/calc') && r.method() === 'POST');
      await page.locator('[data-testid=calc-form-run]').click();
      expect((await request).postDataJSON().parameters).toEqual({ standardPerPersonFen: 100000 });
      await expect.poll(() => page.locator('[data-testid=calc-result] [data-testid=decision-total]').count()).toBe(1);
    });

    it('trainees come from a cohort roster: names in the page, not in the case', async () => {
      const cohorts = (await (await page.request.get(`${base}/api/v1/cohorts?pageSize=100`)).json()).items as { id: string; name: string; enrolled: number }[];
      const withRoster = cohorts.find((c) => c.enrolled >= 2)!;
      const detail = await (await page.request.get(`${base}/api/v1/cohorts/${withRoster.id}`)).json();
      const completing = detail.roster.filter((r: { inCompletionRoster: boolean }) => r.inCompletionRoster);
      const rows: { name: string }[] = completing.length ? completing : detail.roster;
      await pick(page.locator('[data-testid=calc-cohort]'), withRoster.name, withRoster.name.slice(0, 6));
      await page.locator('[data-testid=calc-load-roster]').click();
      await expect.poll(() => page.locator('[data-testid=calc-loaded]').count()).toBe(1);
      await expect.poll(() => page.locator('[data-testid=calc-trainees] tbody tr.ant-table-row').count()).toBe(rows.length);
      const labels = await page.locator('[data-testid=calc-trainee-label]').allInnerTexts();
      expect(labels.map((l) => l.replace(/^T\d+\s*/, ''))).toEqual(rows.map((r) => r.name));

      const request = page.waitForRequest((r) => r.url().endsWith('/api/v1/subsidy/calc') && r.method() === 'POST');
      await page.locator('[data-testid=calc-form-run]').click();
      const body = (await request).postData() ?? '';
      expect(JSON.parse(body).trainees).toHaveLength(rows.length);
      for (const r of rows) expect(body).not.toContain(r.name);
      await expect.poll(() => page.locator('[data-testid=calc-result] [data-testid=decision], [data-testid=calc-result] [data-testid=refusal]').count()).toBe(1);
      if (await page.locator('[data-testid=calc-result] [data-testid=decision]').count()) {
        expect(await page.locator('[data-testid=decision-persons]').innerText()).toContain(rows[0].name);
      }
      await snap('calculator-roster');
    });

    it('the policy parameter table shows parameter keys and rule ids only with 技术细节', async () => {
      await openMenu('政策参数');
      await page.locator('[data-testid=policies] a', { hasText: '补贴性职业技能培训评价管理办法' }).click();
      await page.waitForURL(/\/policies\/yangquan-2024$/);
      const parameters = page.locator('[data-testid=parameters]');
      await expect.poll(() => parameters.innerText()).toContain('前10天每人每天');
      expect(await parameters.innerText()).not.toContain('orderFirstDailyFen');
      expect(await page.locator('[data-testid=rules]').innerText()).not.toContain('yangquan.');
      expect(await page.locator('main').innerText()).not.toContain('yangquan-2024');
      await page.locator('[data-testid=technical-switch]').first().click();
      await expect.poll(() => parameters.innerText()).toContain('orderFirstDailyFen');
      expect(await page.locator('[data-testid=rules]').innerText()).toContain('yangquan.order_ladder');
      await page.locator('[data-testid=technical-switch]').first().click();
      await logout();
    });
  });

  describe('adding several trainees to a roster at once', () => {
    const candidates = [
      { name: '多选候选甲', idNumber: makeIdNumber('140302', '1991-02-13', 815), groups: ['registered_unemployed'], id: '' },
      { name: '多选候选乙', idNumber: makeIdNumber('140302', '1992-04-17', 826), groups: [] as string[], id: '' },
      { name: '多选候选丙', idNumber: makeIdNumber('140302', '1993-06-19', 837), groups: ['rural_migrant'], id: '' },
    ];
    let cohortPath = '';
    beforeAll(async () => {
      await page.setViewportSize({ width: 1360, height: 900 });
    });

    it('shows each candidate’s eligibility beside it before anyone is enrolled', async () => {
      await login('institution-yangquan');
      const session = await (await page.request.get(`${base}/api/v1/session`)).json();
      const inst = await (await page.request.get(`${base}/api/v1/institutions/${session.me.institutionId}`)).json();
      const licensed = inst.occupations.find((o: { level: number }) => o.level > 0);
      for (const c of candidates) {
        const r = await page.request.post(`${base}/api/v1/persons`, { data: { name: c.name, idNumber: c.idNumber, phone: '13900002222', groups: c.groups, employmentStatus: 'unemployed' } });
        expect(r.status(), await r.text()).toBe(201);
        c.id = (await r.json()).id;
      }
      // an order class: only the key groups of yangquan 第三条 qualify
      const created = await page.request.post(`${base}/api/v1/cohorts`, { data: {
        policy: 'yangquan-2024', programType: 'order', occupationCode: licensed.occupationCode, level: licensed.level, name: '多选加入测试班',
        startDate: '2026-03-16', endDate: '2026-03-20', venue: '理论教室一',
      } });
      expect(created.status(), await created.text()).toBe(201);
      cohortPath = `/cohorts/${(await created.json()).id}`;
      await page.goto(`${base}${cohortPath}?tab=roster`);
      await world.openTab('花名册');

      const previewed = page.waitForResponse((r) => r.url().endsWith('/screening-preview') && r.request().method() === 'POST');
      await page.locator('[data-testid=person-search]').click();
      await page.keyboard.type('多选候选');
      expect((await previewed).status()).toBe(200);
      const option = (name: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) [data-testid=candidate]', { hasText: name });
      await expect.poll(() => option(candidates[1].name).locator('[data-testid=candidate-hint]').count()).toBe(1);
      expect(await option(candidates[0].name).locator('[data-testid=candidate-hint]').getAttribute('data-eligible')).toBe('true');
      const refused = option(candidates[1].name).locator('[data-testid=candidate-hint]');
      expect(await refused.getAttribute('data-eligible')).toBe('false');
      expect(await refused.innerText()).toContain('重点就业群体');
      expect(await refused.innerText()).toContain('阳人社规发〔2024〕2号 第三条');
      expect(await refused.innerText()).not.toContain('yangquan.'); // rule ids only with 技术细节
      expect(await page.locator('[data-testid=roster] tbody tr.ant-table-row').count()).toBe(0); // nobody enrolled by looking
      await snap('roster-candidates');
    });

    it('enrols every chosen person and answers person by person', async () => {
      for (const c of candidates) await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) [data-testid=candidate]', { hasText: c.name }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-testid=enrol]').innerText()).toContain('3');
      // meanwhile someone else enrolled 丙: that one enrolment is refused, the others go through
      const direct = await page.request.post(`${base}/api/v1${cohortPath}/enrolments`, { data: { personId: candidates[2].id } });
      expect(direct.status()).toBe(201);
      await page.locator('[data-testid=enrol]').click();
      const results = page.locator('[data-testid=enrol-results]');
      await expect.poll(() => results.locator('li').count()).toBe(3);
      expect(await results.locator('li[data-ok=true]').allInnerTexts()).toEqual([`${candidates[0].name}：已加入花名册`, `${candidates[1].name}：已加入花名册`]);
      expect(await results.locator('li[data-ok=false]').innerText()).toContain(`${candidates[2].name}：`);
      expect(await results.locator('li[data-ok=false]').innerText()).toContain('已在本班花名册中');
      for (const c of candidates) await expect.poll(() => page.locator('[data-testid=roster] tbody tr.ant-table-row', { hasText: c.name }).count()).toBe(1);
      await snap('roster-added');
      await logout();
    });
  });
});
