/**
 * What users see (browser, real server in-process, demo data, a fixed clock): people by their names and never by
 * login names (流程记录, 上传人, 设定人), the return of a cohort at the top of its page with who returned it and when,
 * a county's voucher list without links it cannot open and a Chinese “not found”, and a city's own policy pack first.
 * Needs Chromium at /usr/bin/chromium; PEIXUN_E2E_SCREENSHOTS=/some/dir saves a screenshot after each step.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserWorld, HAVE_CHROMIUM } from './harness.ts';

const PASSWORD = 'peixun-demo';
/** Inside yangquan-2024's validity, as the other walks. */
const NOW = new Date('2026-03-02T02:00:00Z');
/** Login names as the demo makes them: ROLE-CITY. None may reach a page. */
const LOGIN_NAME = /\b(city_admin|county_admin|reviewer2?|finance|inspector|institution|evaluator|enterprise|trainee)-(yangquan|xinzhou|wenshui|heze|suihua)\b|\bsystem\b/;

describe.skipIf(!HAVE_CHROMIUM)('what users see', () => {
  let page: Page;
  let base = '';
  const world = browserWorld({ password: PASSWORD, now: NOW, viewport: { width: 1360, height: 900 }, shotPrefix: 'see-a-' });
  const { login, logout, openMenu, openTab, snap } = world;
  beforeAll(() => {
    ({ page, base } = world);
  });
  // each step signs in afresh, so that one failing step does not leave the next signed in as someone else
  beforeEach(() => page.context().clearCookies());
  const api = async <T,>(url: string): Promise<T> => {
    const r = await page.request.get(`${base}${url}`);
    expect(r.status(), url).toBe(200);
    return r.json() as Promise<T>;
  };
  const reason = '课程表缺少实操课时\n教师资格证明不清晰';
  let cohortId = '';

  it('the county returns a submitted opening; the page then shows the return at the top, by name, with the reasons', async () => {
    await login('county_admin-yangquan');
    const queue = await api<{ items: { id: string; name: string }[] }>('/api/v1/cohorts?state=opening_submitted');
    cohortId = queue.items[0].id;
    await page.goto(`${base}/cohorts/${cohortId}`);
    await expect.poll(() => page.locator('[data-testid=cohort-returned]').count()).toBe(0);
    await page.locator('[data-testid=cohort-actions] [data-action=return_opening]').click();
    await page.locator('.ant-modal:visible textarea').fill(reason);
    const answer = page.waitForResponse((r) => r.url().endsWith('/transitions') && r.request().method() === 'POST');
    await page.locator('[data-testid=confirm-action]:visible').click();
    expect((await answer).status()).toBe(200);
    const notice = page.locator('[data-testid=cohort-returned]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain('本班已退回（退回修改）');
    expect(await page.locator('[data-testid=cohort-returned-reason]').innerText()).toBe(reason);
    expect(await page.locator('[data-testid=cohort-returned-by]').innerText()).toMatch(/^城区人社局（县\(市、区\)人社局）于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}.* 退回$/);
    // at the top: above the action bar
    const [noticeBox, actionsBox] = [await notice.boundingBox(), await page.locator('[data-testid=cohort-actions]').boundingBox()];
    expect(noticeBox!.y).toBeLessThan(actionsBox!.y);
    await snap('returned-county');
    await logout();
  });

  it('the institution sees the same return, and the history and documents name people, not login names', async () => {
    await login('institution-yangquan');
    await page.goto(`${base}/cohorts/${cohortId}`);
    await expect.poll(() => page.locator('[data-testid=cohort-returned-by]').count()).toBe(1);
    expect(await page.locator('[data-testid=cohort-returned-by]').innerText()).toContain('城区人社局');

    await openTab('流程记录');
    const events = page.locator('[data-testid=events]');
    await expect.poll(() => events.innerText()).toContain('退回修改');
    const history = await events.innerText();
    expect(history).toContain('城区人社局（县(市、区)人社局）');
    expect(history).toContain('阳泉市城区惠民职业培训学校（培训机构）');
    expect(history).not.toMatch(LOGIN_NAME);

    await openTab('开班材料');
    const docs = page.locator('[data-testid=documents] tbody tr.ant-table-row');
    await expect.poll(() => docs.count()).toBeGreaterThan(0);
    const uploaders = new Set(await docs.locator('td:nth-child(5)').allInnerTexts());
    expect([...uploaders]).toEqual(['阳泉市城区惠民职业培训学校']);
    expect(await page.locator('[data-testid=documents]').innerText()).not.toMatch(LOGIN_NAME);
    await snap('documents');
    await logout();
  });

  it('the county’s voucher list links only persons and cohorts it can open; a person outside it reads “not found” in Chinese', async () => {
    await login('county_admin-yangquan');
    type Listed = { number: string; personId: string; personName: string; personVisible: boolean };
    const listed = (await api<{ items: Listed[] }>('/api/v1/vouchers?pageSize=20')).items;
    const outside = listed.find((v) => !v.personVisible);
    const inside = listed.find((v) => v.personVisible);
    expect(outside, 'a voucher of a person registered in another county, bound to a cohort of this county').toBeDefined();
    expect(inside).toBeDefined();

    await openMenu('电子券');
    await page.waitForURL(/\/vouchers/);
    const row = (number: string) => page.locator('[data-testid=vouchers] tr.ant-table-row', { hasText: number });
    await expect.poll(() => row(outside!.number).count()).toBe(1);
    expect(await row(outside!.number).locator(`a[href="/persons/${outside!.personId}"]`).count()).toBe(0);
    expect(await row(outside!.number).innerText()).toContain(outside!.personName);
    expect(await row(inside!.number).locator(`a[href="/persons/${inside!.personId}"]`).count()).toBe(1);
    // every link on the page opens
    const hrefs = await page.locator('[data-testid=vouchers] a[href^="/persons/"], [data-testid=vouchers] a[href^="/cohorts/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of new Set(hrefs)) {
      const r = await page.request.get(`${base}/api/v1${href}`);
      expect(r.status(), href).toBe(200);
    }

    // typed by hand, the person outside the county is a 404 that reads in Chinese
    await page.goto(`${base}/persons/${outside!.personId}`);
    const result = page.locator('.ant-result-404');
    await expect.poll(() => result.count()).toBe(1);
    const text = await result.innerText();
    expect(text).toContain('该记录不存在，或不在本账号的查看范围内');
    expect(text).not.toMatch(/not found/i);
    await snap('person-not-found');
    await page.goto(`${base}/vouchers`); // leave the 404 behind: the harness checks no error result remains
    await expect.poll(() => page.locator('[data-testid=vouchers]').count()).toBe(1);
    await snap('vouchers');
    await logout();
  });

  it('a city’s users find their own city’s pack first in 政策参数, and stored values name who set them', async () => {
    await login('city_admin-heze');
    await openMenu('政策参数');
    const rows = page.locator('[data-testid=policies] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(5);
    const first = rows.first();
    expect(await first.innerText()).toContain('菏泽');
    expect(await first.locator('[data-testid=own-pack]').innerText()).toBe('本市');
    expect(await page.locator('[data-testid=own-pack]').count()).toBe(1);
    await first.locator('a').first().click();
    await page.waitForURL(/\/policies\/heze-2024$/);
    const stored = page.locator('[data-stored]');
    await expect.poll(() => stored.count()).toBeGreaterThan(0);
    // the demo's standards are set by the system itself: named 系统, never its login name
    for (const line of await stored.allInnerTexts()) {
      expect(line).toContain('系统');
      expect(line).not.toMatch(LOGIN_NAME);
    }
    await snap('policy');
    await logout();
  });
});
