/**
 * What a user sees, checked in the browser against the real server (in-process, in-memory store, demo data, a
 * fixed clock inside yangquan-2024's validity): public pages at phone width, Enter in a date field, the
 * technical-detail switch, the calculator's form and adding several trainees at once.
 * Needs Chromium at /usr/bin/chromium; PEIXUN_E2E_SCREENSHOTS=/some/dir saves a screenshot after each step.
 */
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserWorld, HAVE_CHROMIUM } from './harness.ts';

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
      expect(await headerLines()).toEqual({ 训培训peixun: 1, 证书查询: 1, 培训机构目录: 1, 工作人员登录: 1 });
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
      expect(await headerLines()).toEqual({ 训培训peixun: 1, 证书查询: 1, 培训机构目录: 1, 工作人员登录: 1 });
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
});
