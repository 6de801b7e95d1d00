/**
 * Browser walk of the e-voucher closed loop (SPEC §3.2: 申请—发券—绑定培训—兑现—核销, 无券不补) against the
 * real server (in-process, in-memory store, demo accounts, a fixed clock). The institution registers a person,
 * enrols them in a draft cohort of its own and applies for two vouchers (from the roster, then from the 电子券
 * page); the county issues both; the institution binds one from the roster and is refused the second for the
 * same cohort; finance redeems; the county writes it off and cancels the spare one with a reason.
 * Needs Chromium at /usr/bin/chromium; PEIXUN_E2E_SCREENSHOTS=/some/dir saves a screenshot after each step.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserWorld, HAVE_CHROMIUM } from './harness.ts';
import { makeIdNumber } from '../../src/person/id-number.ts';

const PASSWORD = 'voucher-loop-demo';
/** Inside yangquan-2024's validity, two weeks before the cohort starts. */
const NOW = new Date('2026-03-02T02:00:00Z');
const NO_VOUCHER_CITATION = '阳人社规发〔2024〕2号 第十一条、第十五条'; // yangquan's pack rule yangquan.voucher

describe.skipIf(!HAVE_CHROMIUM)('browser walk of the e-voucher loop', () => {
  let page: Page;
  let base = '';

  const cohortName = '阳泉电子券闭环测试班（浏览器）';
  const person = { name: '电子券学员丙', idNumber: makeIdNumber('140302', '1991-02-03', 813), id: '' };
  let cohortPath = '';
  /** The voucher applied for from the roster, and the spare one applied for from the 电子券 page. */
  let first = '';
  let spare = '';
  let bound = '';

  const world = browserWorld({ password: PASSWORD, now: NOW, viewport: { width: 1360, height: 900 }, shotPrefix: 'voucher-' });
  const { snap, login, logout, openMenu, openTab, pick } = world;
  beforeAll(() => {
    ({ page, base } = world);
  });

  const row = (number: string) => page.locator('[data-testid=vouchers] tr.ant-table-row', { hasText: number });
  const stateOf = (number: string) => row(number).locator('[data-voucher-state]').getAttribute('data-voucher-state');
  /** The 电子券 page from the menu, narrowed to the test's person with the person filter. */
  async function openVouchers() {
    await openMenu('电子券');
    await page.waitForURL(/\/vouchers$/);
    await pick(page.locator('[data-testid=filter-voucher-person]'), person.name, person.name);
    await page.waitForURL((u) => u.searchParams.get('personId') === person.id);
  }
  /** Fires a row's action from the 电子券 page and confirms it; resolves to the HTTP status. */
  async function fire(number: string, action: string, fill?: () => Promise<void>) {
    await row(number).locator(`[data-action=${action}]`).click();
    if (fill) await fill();
    const answer = page.waitForResponse((r) => r.url().endsWith('/transitions') && r.request().method() === 'POST');
    await page.locator('[data-testid=voucher-confirm]:visible').click();
    const status = (await answer).status();
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
    return status;
  }

  it('the institution enrols a person of its own in a draft cohort and applies for a voucher from the roster', async () => {
    await login('institution-yangquan');
    await page.waitForURL(/\/cohorts$/);
    const session = await (await page.request.get(`${base}/api/v1/session`)).json();
    const inst = await (await page.request.get(`${base}/api/v1/institutions/${session.me.institutionId}`)).json();
    const licensed = inst.occupations.find((o: { level: number }) => o.level > 0);
    const p = await page.request.post(`${base}/api/v1/persons`, { data: { name: person.name, idNumber: person.idNumber, phone: '13900002222', groups: ['registered_unemployed'], employmentStatus: 'unemployed' } });
    expect(p.status(), await p.text()).toBe(201);
    person.id = (await p.json()).id;
    const c = await page.request.post(`${base}/api/v1/cohorts`, { data: {
      policy: 'yangquan-2024', programType: 'employment_skills', occupationCode: licensed.occupationCode, level: licensed.level,
      name: cohortName, startDate: '2026-03-16', endDate: '2026-03-20', venue: '理论教室一',
    } });
    expect(c.status(), await c.text()).toBe(201);
    cohortPath = `/cohorts/${(await c.json()).id}`;
    const e = await page.request.post(`${base}${cohortPath.replace('/cohorts', '/api/v1/cohorts')}/enrolments`, { data: { personId: person.id } });
    expect(e.status(), await e.text()).toBe(201);

    await page.goto(`${base}${cohortPath}?tab=roster`);
    const cell = page.locator('[data-testid=roster] tr.ant-table-row', { hasText: person.name }).locator('[data-testid=roster-voucher-cell]');
    await expect.poll(() => cell.getAttribute('data-bound')).toBe('false');
    await cell.locator('[data-testid=roster-voucher]').click();
    const panel = page.locator('[data-testid=roster-voucher-panel]');
    await expect.poll(() => panel.locator('[data-testid=roster-apply]').count()).toBe(1);
    expect(await panel.innerText()).toContain(NO_VOUCHER_CITATION); // 无券不补, with its source
    const applied = page.waitForResponse((r) => r.url().endsWith('/api/v1/vouchers') && r.request().method() === 'POST');
    await panel.locator('[data-testid=roster-apply]').click();
    const answer = await applied;
    expect(answer.status()).toBe(201);
    first = (await answer.json()).number;
    // applied, not yet issued: nothing to bind, and the panel says why
    await expect.poll(() => panel.locator('[data-testid=roster-wait]').count()).toBe(1);
    const wait = await panel.locator('[data-testid=roster-wait]').innerText();
    expect(wait).toContain(first);
    expect(wait).toContain('发券后才能绑定');
    expect(wait).toContain(NO_VOUCHER_CITATION);
    expect(await panel.locator(`[data-voucher=${first}] [data-voucher-state]`).getAttribute('data-voucher-state')).toBe('applied');
    expect(await panel.locator('[data-testid=roster-bind]').count()).toBe(0);
    await snap('roster-applied');
    await page.keyboard.press('Escape');
  });

  it('the institution applies for a second voucher for the same person from the 电子券 page', async () => {
    await openMenu('电子券');
    await page.waitForURL(/\/vouchers$/);
    await page.locator('[data-testid=voucher-apply]').click();
    await pick(page.locator('[data-testid=apply-person]'), person.name, person.name);
    const applied = page.waitForResponse((r) => r.url().endsWith('/api/v1/vouchers') && r.request().method() === 'POST');
    await page.locator('[data-testid=voucher-apply-confirm]').click();
    const answer = await applied;
    expect(answer.status()).toBe(201);
    spare = (await answer.json()).number;
    // the list narrows to the person: both vouchers, applied, and only cancel is the institution's to fire
    await page.waitForURL((u) => u.searchParams.get('personId') === person.id);
    await expect.poll(() => page.locator('[data-testid=vouchers] tr.ant-table-row').count()).toBe(2);
    for (const n of [first, spare]) {
      expect(await stateOf(n)).toBe('applied');
      expect(await row(n).locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['cancel']);
    }
    await logout();
  });

  it('the county issues both from the 电子券 page', async () => {
    await login('county_admin-yangquan');
    await openVouchers();
    await expect.poll(() => page.locator('[data-testid=vouchers] tr.ant-table-row').count()).toBe(2);
    for (const n of [first, spare]) {
      expect(await fire(n, 'issue')).toBe(200);
      await expect.poll(() => stateOf(n)).toBe('issued');
    }
    await snap('county-issued');
    await logout();
  });

  it('the institution binds a voucher from the roster, which shows it bound', async () => {
    await login('institution-yangquan');
    await page.goto(`${base}${cohortPath}`);
    await openTab('花名册');
    const cell = page.locator('[data-testid=roster] tr.ant-table-row', { hasText: person.name }).locator('[data-testid=roster-voucher-cell]');
    await cell.locator('[data-testid=roster-voucher]').click();
    const panel = page.locator('[data-testid=roster-voucher-panel]');
    await expect.poll(() => panel.locator('[data-testid=roster-bind]').count()).toBe(1);
    const answer = page.waitForResponse((r) => r.url().endsWith('/transitions') && r.request().method() === 'POST');
    await panel.locator('[data-testid=roster-bind]').click();
    expect((await answer).status()).toBe(200);
    bound = (await (await answer).json()).number;
    expect([first, spare]).toContain(bound);
    await expect.poll(() => cell.getAttribute('data-bound')).toBe('true');
    expect(await cell.innerText()).toContain('已绑定');
    expect(await cell.locator('[data-testid=roster-voucher]').count()).toBe(0);
    await snap('roster-bound');
  });

  it('binding the other voucher of the same person to the same cohort shows the conflict', async () => {
    const other = bound === first ? spare : first;
    await openVouchers();
    await expect.poll(() => stateOf(bound)).toBe('bound');
    expect(await row(bound).innerText()).toContain(cohortName);
    const status = await fire(other, 'bind', async () => {
      await pick(page.locator('[data-testid=bind-cohort]'), cohortName, '电子券闭环');
    });
    expect(status).toBe(409);
    const refusal = page.locator('[data-testid=refusal]', { hasText: '绑定培训' });
    await expect.poll(() => refusal.count()).toBe(1);
    const text = await refusal.innerText();
    expect(text).toContain('与已有数据冲突');
    expect(text).toContain(`已绑定电子券 ${bound}`);
    expect(text).toContain('一次培训只能绑定一张');
    expect(await stateOf(other)).toBe('issued');
    await snap('conflict');
    await logout();
  });

  it('finance cannot redeem the voucher of a cohort that has not finished', async () => {
    await login('finance-yangquan');
    await openVouchers();
    const other = bound === first ? spare : first;
    await expect.poll(() => page.locator('[data-testid=vouchers] tr.ant-table-row').count()).toBe(2);
    expect(await row(other).locator('[data-action]').count()).toBe(0); // nothing of finance's to do with an issued one
    expect(await fire(bound, 'redeem')).toBe(409);
    const refusal = page.locator('[data-testid=refusal]', { hasText: '兑现' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.innerText()).toContain('培训结束、考核并拨付补贴后兑现');
    expect(await stateOf(bound)).toBe('bound');
    await logout();
  });

  it('the county cancels the spare one with a reason', async () => {
    await login('county_admin-yangquan');
    await openVouchers();
    const other = bound === first ? spare : first;
    expect(await fire(other, 'cancel', () => page.locator('.ant-modal:visible textarea').fill('同一次培训重复申请'))).toBe(200);
    await expect.poll(() => stateOf(other)).toBe('cancelled');
    expect(await row(other).innerText()).toContain('同一次培训重复申请');
    await snap('cancelled');
  });
});
