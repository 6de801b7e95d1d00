/**
 * 双随机、一公开 in the browser: the city bureau draws (the seed is shown), the drawn inspector records what was
 * seen, the bureau publishes, and the public page shows the result. Needs Chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserWorld, HAVE_CHROMIUM } from './harness.ts';

describe.skipIf(!HAVE_CHROMIUM)('双随机、一公开', () => {
  let page: Page;
  let base = '';
  const world = browserWorld({ password: 'peixun-demo', viewport: { width: 1280, height: 900 }, shotPrefix: 'inspection-' });
  const { snap, login, logout } = world;
  beforeAll(() => {
    ({ page, base } = world);
  });

  it('draws, records, publishes, and the result is public', { timeout: 90_000 }, async () => {
    await login('city_admin-yangquan');
    await page.goto(`${base}/inspections`);
    await page.locator('[data-testid=inspection-draw]').click();
    await page.locator('[data-testid=inspection-draw-submit]').click();
    await expect.poll(() => page.locator('[data-testid=inspection-last-draw]').innerText()).toMatch(/随机种子 \d+/);
    await expect.poll(() => page.locator('[data-testid=inspections] tr.ant-table-row').count()).toBe(2);
    await snap('drawn');
    await logout();

    await login('inspector-yangquan');
    await page.goto(`${base}/inspections`);
    const row = page.locator('[data-testid=inspections] tr.ant-table-row').first();
    await row.locator('[data-testid=inspection-record]').click();
    await page.getByLabel('检查时培训人数').fill('4');
    await page.locator('[data-testid=inspection-findings]').fill('现场在训4人，2人未到，授课老师在岗');
    await page.locator('[data-testid=inspection-record-submit]').click();
    await expect.poll(() => row.innerText()).toContain('已检查');
    await logout();

    await login('city_admin-yangquan');
    await page.goto(`${base}/inspections`);
    await page.locator('[data-testid=inspection-publish]').first().click();
    await expect.poll(() => page.locator('[data-testid=inspections]').innerText()).toContain('已公开');
    await logout();

    await page.goto(`${base}/public/inspections`);
    await expect.poll(() => page.locator('[data-testid=public-inspections]').innerText()).toContain('现场在训4人，2人未到');
    expect(await page.locator('[data-testid=public-inspections]').innerText()).not.toContain('赵敏');
    await snap('public');
  });
});
