/**
 * 投诉举报 in the browser, at phone width: a named complaint filed without login, followed by its tracking code;
 * the county bureau assigns it (the complainant hidden from it), the inspector it went to sees who complained and
 * closes it, and the complainant reads the outcome. Needs Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserWorld, HAVE_CHROMIUM } from './harness.ts';

const PASSWORD = 'peixun-demo';

describe.skipIf(!HAVE_CHROMIUM)('投诉举报', () => {
  let page: Page;
  let base = '';
  const world = browserWorld({ password: PASSWORD, viewport: { width: 390, height: 844 }, shotPrefix: 'complaint-' });
  const { snap, login, logout, pick } = world;
  beforeAll(() => {
    ({ page, base } = world);
  });
  let code = '';
  const closeDrawer = async () => {
    await page.locator('.ant-drawer-close').click();
    await page.locator('[data-testid=complaint-drawer]').waitFor({ state: 'hidden' });
  };
  const CONTENT = '城区某培训学校上课时由老师替未到场的学员刷脸签到，多次发生';

  it('files a named complaint without login and gets a tracking code that shows it received', async () => {
    await page.goto(`${base}/public/complaints`);
    await pick(page.locator('[data-testid=complaint-city]'), '阳泉市');
    await pick(page.locator('[data-testid=complaint-county]'), '城区');
    await pick(page.locator('[data-testid=complaint-category]'), '代签到、代打卡');
    await page.locator('[data-testid=complaint-content]').fill(CONTENT);
    await page.locator('[data-testid=complaint-named]').click();
    await page.getByLabel('姓名', { exact: true }).fill('李明');
    await page.getByLabel('手机号码').fill('13912345678');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('[data-testid=complaint-submit]').click();
    await expect.poll(() => page.locator('[data-testid=complaint-code]').innerText()).toMatch(/^TS[2-9A-HJ-NP-Z]{12}/);
    code = (await page.locator('[data-testid=complaint-code]').innerText()).trim().slice(0, 14);
    await snap('filed');
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await expect.poll(() => page.locator('[data-testid=complaint-status]').innerText()).toContain('已受理');
  });

  it('the county assigns it without seeing the complainant; the inspector sees them and closes it; the outcome is public', { timeout: 90_000 }, async () => {
    await login('county_admin-yangquan');
    await page.goto(`${base}/complaints`);
    await page.locator('[data-testid=complaints] tr.ant-table-row', { hasText: '代签到、代打卡' }).first().click();
    const drawer = page.locator('[data-testid=complaint-drawer]');
    await expect.poll(() => drawer.innerText()).toContain('实名（仅承办人可见）');
    expect(await drawer.innerText()).not.toContain('李明');
    await pick(drawer.locator('[data-testid=complaint-assignee]'), '赵敏');
    await drawer.locator('[data-testid=complaint-assign-submit]').click();
    await expect.poll(() => drawer.innerText()).toContain('办理中');
    await snap('assigned');
    await closeDrawer();
    await logout();

    await login('inspector-yangquan');
    await page.goto(`${base}/complaints`);
    await page.locator('[data-testid=complaints] tr.ant-table-row', { hasText: '代签到、代打卡' }).first().click();
    await expect.poll(() => page.locator('[data-testid=complainant]').innerText()).toContain('李明');
    await page.locator('[data-testid=complaint-outcome]').fill('经调取考勤记录核查属实，已责令限期整改');
    await page.locator('[data-testid=complaint-answer-submit]').click();
    await expect.poll(() => page.locator('[data-testid=complaint-drawer]').innerText()).toContain('已办结');
    await closeDrawer();
    await logout();

    await page.goto(`${base}/public/complaints/${code}`);
    await expect.poll(() => page.locator('[data-testid=complaint-status]').innerText()).toContain('经调取考勤记录核查属实');
    expect(await page.locator('[data-testid=complaint-status]').innerText()).not.toContain('赵敏');
    await snap('answered');
  });
});
