/**
 * Browser walk of one cohort through its life (SPEC §3.3) against the real server (in-process, in-memory
 * store, demo data, a fixed clock): the institution creates it, enrols, schedules, uploads, is refused
 * with cited reasons, submits; the county approves it from its queue; the institution trains, files the
 * completion; the county approves; the institution records exams and gets one certificate, which the
 * public page verifies without a login.
 * Needs Chromium at /usr/bin/chromium; PEIXUN_E2E_SCREENSHOTS=/some/dir saves a screenshot after each step.
 */
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserWorld, HAVE_CHROMIUM } from './harness.ts';
import { makeIdNumber } from '../../src/person/id-number.ts';

const PASSWORD = 'peixun-demo';
/** Inside yangquan-2024's validity (2024-10-16..2026-10-15), two weeks before the cohort starts. */
const NOW = new Date('2026-03-02T02:00:00Z');
const REQUIRED = ['teaching_plan', 'syllabus', 'teacher_qualifications', 'assessment_plan', 'training_commitment', 'safety_commitment'];
const pdf = (kind: string) => Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${kind}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);

describe.skipIf(!HAVE_CHROMIUM)('browser walk of a cohort', () => {
  let page: Page;
  let base = '';

  const cohortName = '阳泉测试就业技能培训班（浏览器）';
  let cohortPath = '';
  let occupation = { code: '', name: '', level: 0 };
  const trainees = [
    { name: '浏览器学员甲', idNumber: makeIdNumber('140302', '1990-05-06', 731), id: '' },
    { name: '浏览器学员乙', idNumber: makeIdNumber('140302', '1993-08-09', 742), id: '' },
  ];
  let certificate = '';
  /** The last lesson's date: completion, exams and the certificate come no earlier. */
  const trainingEnd = '2026-03-18';

  const world = browserWorld({ password: PASSWORD, now: NOW, viewport: { width: 1360, height: 900 }, shotPrefix: 'cohort-' });
  const { snap, login, logout, openMenu, openTab, pick } = world;
  beforeAll(() => {
    ({ page, base } = world);
  });

  const state = () => page.locator('.px-page-head [data-state]').getAttribute('data-state');
  /** Fires an action from the action bar and confirms it (with a reason when asked). */
  async function fire(action: string, reason?: string) {
    await page.locator(`[data-testid=cohort-actions] [data-action=${action}]`).click();
    const dialog = page.locator('.ant-modal:visible');
    if (reason) await dialog.locator('textarea').fill(reason);
    await page.locator('[data-testid=confirm-action]:visible').click();
  }
  async function fireAndWait(action: string, to: string) {
    const answer = page.waitForResponse((r) => r.url().endsWith('/transitions') && r.request().method() === 'POST');
    await fire(action);
    expect((await answer).status(), `${action} answered`).toBe(200);
    await expect.poll(state).toBe(to);
  }

  it('the institution creates a draft cohort for an occupation it is licensed for', async () => {
    await login('institution-yangquan');
    await page.waitForURL(/\/cohorts$/); // the institution lands on its cohorts
    await expect.poll(() => page.locator('[data-testid=current-user]').innerText()).toContain('阳泉市城区惠民职业培训学校');

    // what it may train (GET /institutions/:id), and two persons of its own to enrol
    const session = await (await page.request.get(`${base}/api/v1/session`)).json();
    const inst = await (await page.request.get(`${base}/api/v1/institutions/${session.me.institutionId}`)).json();
    const licensed = inst.occupations.find((o: { level: number }) => o.level > 0);
    occupation = { code: licensed.occupationCode, name: licensed.name, level: licensed.level };
    for (const p of trainees) {
      const r = await page.request.post(`${base}/api/v1/persons`, { data: { name: p.name, idNumber: p.idNumber, phone: '13900001111', groups: ['registered_unemployed'], employmentStatus: 'unemployed' } });
      expect(r.status(), await r.text()).toBe(201);
      p.id = (await r.json()).id;
    }

    await openMenu('新建培训班');
    await page.waitForURL(/\/cohorts\/new$/);
    await page.getByLabel('班级名称').fill(cohortName);
    await expect.poll(() => page.locator('.ant-form-item', { has: page.getByLabel('适用政策') }).innerText()).toContain('阳人社规发〔2024〕2号');
    expect(await page.locator('.ant-form-item', { has: page.getByLabel('培训类别') }).innerText()).toContain('就业技能培训');
    await pick(page.getByLabel('职业（工种）'), occupation.name, occupation.name);
    const levelLabel = { 5: '五级/初级工', 4: '四级/中级工', 3: '三级/高级工', 2: '二级/技师', 1: '一级/高级技师' }[occupation.level]!;
    await pick(page.getByLabel('等级'), levelLabel);
    await page.getByLabel('培训地点').fill('理论教室一');
    for (const [label, date] of [['开班日期', '2026-03-16'], ['结业日期', '2026-03-20']]) {
      await page.getByLabel(label).click();
      await page.getByLabel(label).fill(date);
      await page.keyboard.press('Tab');
    }
    await page.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
    cohortPath = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('h1').innerText()).toBe(cohortName);
    expect(await state()).toBe('draft');
    const basic = await page.locator('[data-testid=cohort-basic]').innerText();
    expect(basic).toContain('2026-03-16 ~ 2026-03-20');
    expect(basic).toContain(occupation.name);
    expect(basic).toContain('理论教室一');
  });

  it('refuses to submit an empty draft and shows every reason with its citation', async () => {
    const answer = page.waitForResponse((r) => r.url().endsWith('/transitions'));
    await fire('submit_opening');
    expect((await answer).status()).toBe(422);
    const refusal = page.locator('[data-testid=refusal]');
    await expect.poll(() => refusal.count()).toBe(1);
    const text = await refusal.innerText();
    expect(text).toContain('提交开班申请');
    expect(text).toContain('缺少开班材料：教学大纲');
    expect(text).toContain('SPEC §3.3'); // heze 第十一条's list, stated generally: not cited on a yangquan cohort
    expect(text).toContain('名册为空');
    const reasons = refusal.locator('[data-testid=reasons] li');
    expect(await reasons.count()).toBeGreaterThanOrEqual(REQUIRED.length + 2);
    expect(await refusal.locator('[data-testid=reasons] li', { hasText: '依据' }).count()).toBe(await reasons.count());
    expect(await state()).toBe('draft');
  });

  it('enrols two persons, pre-screens them, schedules lessons and uploads the six documents', async () => {
    await openTab('花名册');
    for (const p of trainees) {
      await pick(page.locator('[data-testid=person-search]'), p.name, p.name);
      await page.locator('[data-testid=enrol]').click();
      await expect.poll(() => page.locator('[data-testid=roster] tbody tr.ant-table-row', { hasText: p.name }).count()).toBe(1);
    }
    await page.locator('[data-testid=screen]').click();
    await expect.poll(() => page.locator('[data-testid=screening-cell]').count()).toBe(2);
    await snap('roster-prescreen');

    await openTab('课程表');
    for (let i = 0; i < 3; i++) {
      await page.locator('#lesson_topic').fill(`第${i + 1}天 理论与安全`);
      await page.locator('[data-testid=add-lesson]').click();
      await expect.poll(() => page.locator('[data-testid=lessons] tbody tr.ant-table-row').count()).toBe(i + 1);
    }
    expect(await page.locator('[data-testid=lessons]').innerText()).toContain('2026-03-18');

    await openTab('开班材料');
    await expect.poll(() => page.locator('[data-testid=documents-missing]').innerText()).toContain('尚缺 6 项');
    for (const [i, kind] of REQUIRED.entries()) {
      await page.locator(`[data-kind=${kind}] input[type=file]`).setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf(kind) });
      await expect.poll(() => page.locator('[data-testid=documents] tbody tr.ant-table-row').count()).toBe(i + 1);
    }
    await expect.poll(() => page.locator('[data-testid=documents-complete]').count()).toBe(1);
    const sha = crypto.createHash('sha256').update(pdf('syllabus')).digest('hex');
    expect(await page.locator('[data-testid=documents]').innerText()).toContain(sha);
  });

  it('submits the opening and sees the screening', async () => {
    await fireAndWait('submit_opening', 'opening_submitted');
    await expect.poll(() => page.locator('[data-testid=screening-summary]').count()).toBe(1);
    expect(await page.locator('[data-testid=screening-summary]').innerText()).toContain('资格审核');
    await snap('submitted');
    expect(await page.locator('[data-testid=cohort-actions] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['cancel']);
    await logout();
  });

  it('the county approves the opening from its queue, reading the screening', async () => {
    await login('county_admin-yangquan');
    await page.waitForURL(/\/workbench$/);
    const queue = page.locator('[data-testid=queue-opening_submitted]');
    await expect.poll(() => queue.locator('tr.ant-table-row', { hasText: cohortName }).count()).toBe(1);
    await snap('county-queue');
    await queue.locator('a', { hasText: cohortName }).click();
    await page.waitForURL((u) => u.pathname === cohortPath);
    await openTab('花名册');
    await snap('county-roster');
    await expect.poll(() => page.locator('[data-testid=screening-cell]').count()).toBe(2);
    expect(await page.locator('[data-testid=enrol]').count()).toBe(0); // read-only for the bureau
    expect(await page.locator('[data-testid=cohort-actions] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')).sort()))
      .toEqual(['approve_opening', 'reject', 'return_opening']);
    await fireAndWait('approve_opening', 'opening_approved');
    await logout();
  });

  /** The demo clock's banner button: the clock moves to the next date a step needs, the page reloads on it. */
  async function advanceDemoClock(expected: string) {
    const button = page.locator('[data-testid=demo-clock-advance]');
    await expect.poll(() => button.innerText()).toContain(`拨到 ${expected}`);
    await button.click();
    await expect.poll(() => page.locator('[data-testid=demo-clock]').innerText()).toContain(`演示时钟：${expected}（非今日）`);
    await snap(`demo-clock-${expected}`);
  }

  it('the institution is refused a start before the first lesson, moves the demo clock, trains and files the completion', async () => {
    await login('institution-yangquan');
    await page.goto(`${base}${cohortPath}`);
    await expect.poll(state).toBe('opening_approved');
    const early = page.waitForResponse((r) => r.url().endsWith('/transitions') && r.request().method() === 'POST');
    await fire('start');
    expect((await early).status()).toBe(422);
    await expect.poll(() => page.locator('body').innerText()).toContain('阳人社规发〔2024〕2号 第十条');
    await advanceDemoClock('2026-03-16');
    await expect.poll(state).toBe('opening_approved');
    await fireAndWait('start', 'in_training');
    await openTab('结业');
    await page.locator('[data-testid=completion-roster] thead .ant-checkbox-input').check();
    await page.locator('[data-testid=save-completion-roster]').click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain('结业花名册已保存（2 人）');
    await advanceDemoClock(trainingEnd);
    await expect.poll(state).toBe('in_training');
    await fireAndWait('submit_completion', 'completion_submitted');
    await logout();
  });

  it('the county approves the completion from its queue', async () => {
    await login('county_admin-yangquan');
    await page.waitForURL(/\/workbench$/);
    await page.locator('[data-queue=completions]').click();
    const queue = page.locator('[data-testid=queue-completion_submitted]');
    await expect.poll(() => queue.locator('tr.ant-table-row', { hasText: cohortName }).count()).toBe(1);
    await queue.locator('a', { hasText: cohortName }).click();
    await page.waitForURL((u) => u.pathname === cohortPath);
    await fireAndWait('approve_completion', 'completion_approved');
    await logout();
  });

  it('the institution records one pass and one fail, and record_exams issues one certificate', async () => {
    await login('institution-yangquan');
    await page.goto(`${base}${cohortPath}?tab=completion`);
    await expect.poll(state).toBe('completion_approved');
    const [pass, fail] = trainees;
    await page.getByLabel(`${pass.name} theoryScore`).fill('85');
    await page.getByLabel(`${pass.name} practicalScore`).fill('90');
    await page.getByLabel(`${fail.name} theoryScore`).fill('40');
    await page.getByLabel(`${fail.name} practicalScore`).fill('55');
    const saved = page.waitForResponse((r) => r.url().endsWith('/exams'));
    await page.locator('[data-testid=save-exams]').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.locator('[data-testid=exams] [data-passed]').evaluateAll((els) => els.map((e) => e.getAttribute('data-passed')))).toEqual(['true', 'false']);

    await fireAndWait('record_exams', 'examined');
    const issued = page.locator('[data-testid=issued-certificates]');
    await expect.poll(() => issued.count()).toBe(1);
    const numbers = await issued.locator('code').allInnerTexts();
    expect(numbers).toHaveLength(1);
    certificate = numbers[0].trim();
    expect(certificate).toMatch(/^JNPX14030226\d{6}$/); // 城区 140302 written in full, 2026
    await snap('examined');

    await openTab('证书');
    await expect.poll(() => page.locator('[data-testid=certificates] tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('[data-testid=certificates]').innerText()).toContain(pass.name);
    await openTab('流程记录');
    expect(await page.locator('[data-testid=events]').innerText()).toContain('确认考核结果并发证');
    await logout();
  });

  it('anyone verifies the certificate on the public page without signing in', async () => {
    await page.locator('[data-testid=public-links] a', { hasText: '证书查询' }).click();
    await page.waitForURL(/\/public\/certificates$/);
    await page.getByLabel('证书编号').fill(certificate);
    await page.getByLabel('持证人姓名').fill('李四');
    await page.getByLabel('持证人姓名').press('Enter');
    await page.waitForURL((u) => u.pathname.endsWith(certificate));
    const result = page.locator('[data-testid=cert-result]');
    await expect.poll(() => result.innerText()).toContain('持证人姓名与证书不符');
    expect(await result.innerText()).not.toContain('证书真实有效');
    expect(await result.innerText()).not.toContain(trainees[0].name);
    await snap('public-name-mismatch');

    await page.getByLabel('持证人姓名').fill(trainees[0].name);
    await page.getByLabel('持证人姓名').press('Enter');
    await expect.poll(() => result.innerText()).toContain('证书真实有效');
    const text = await result.innerText();
    expect(text).toContain('浏****甲'); // 浏览器学员甲, masked
    expect(text).toContain(occupation.name);
    expect(text).toContain('阳泉市城区惠民职业培训学校');
    expect(text).toContain(trainingEnd);

    const unknown = certificate.slice(0, -6) + '999999';
    await page.getByLabel('证书编号').fill(unknown);
    await page.getByLabel('证书编号').press('Enter');
    await expect.poll(() => page.locator('[data-testid=cert-not-found]').innerText()).toContain('未找到该证书');
    await snap('public-not-found');
  });

  it('the city admin sets an unset policy parameter, and the cohort’s subsidy is explained line by line', async () => {
    await login('city_admin-yangquan');
    await openMenu('政策参数');
    await page.locator('[data-testid=policies] a', { hasText: '补贴性职业技能培训评价管理办法' }).click();
    await page.waitForURL(/\/policies\/yangquan-2024$/);
    const row = page.locator('[data-testid=parameters] tr[data-key=standardPerPersonFen]');
    await expect.poll(() => row.innerText()).toContain('未设定');
    expect(await row.getAttribute('class')).toContain('px-unset');
    expect(await page.locator('[data-testid=rules]').innerText()).toContain('第六条');
    await snap('policy');
    await row.locator('[data-set=standardPerPersonFen]').click();
    await page.locator('#parameter_value').fill('1200.50');
    await page.locator('#parameter_source').fill('阳人社发〔2025〕9号');
    const saved = page.waitForResponse((r) => r.url().endsWith('/parameters') && r.request().method() === 'POST');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(201);
    await expect.poll(() => row.innerText()).toContain('1,200.50 元');
    expect(await row.innerText()).toContain('阳人社发〔2025〕9号');

    await page.goto(`${base}${cohortPath}?tab=subsidy`);
    const subsidy = page.locator('[data-testid=subsidy]');
    await expect.poll(() => subsidy.locator('[data-testid=decision-lines] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await subsidy.locator('[data-testid=decision-total]').innerText()).toMatch(/^[\d,]+\.\d{2} 元$/);
    expect(await subsidy.innerText()).toContain('阳人社规发〔2024〕2号');
    await snap('subsidy');
  });

  it('the calculator explains a sample case and names the field of a bad one', async () => {
    await openMenu('补贴测算');
    await page.waitForURL(/\/subsidy\/calc$/);
    await openTab('高级');
    await page.locator('[data-testid=calc-run]').click();
    await expect.poll(() => page.locator('[data-testid=decision-lines] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=decision-total]').innerText()).toMatch(/元$/);
    await snap('calculator');
    const json = JSON.parse(await page.locator('[data-testid=case-json]').inputValue());
    json.trainees[0].attendanceRate = 1.5;
    await page.locator('[data-testid=case-json]').fill(JSON.stringify(json, null, 2));
    await page.locator('[data-testid=calc-run]').click();
    await expect.poll(() => page.locator('[data-testid=refusal]').innerText()).toContain('trainees.0.attendanceRate');
    await logout();
  });

  it('a trainee applies for an e-voucher on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login('trainee-yangquan');
    await page.waitForURL(/\/my\/vouchers$/);
    const cards = page.locator('[data-testid=vouchers] .ant-card, .ant-empty');
    await expect.poll(() => cards.count()).toBeGreaterThan(0); // loaded (the demo may already hold some of this trainee's vouchers)
    const before = await page.locator('[data-testid=vouchers] .ant-card').count();
    const applied = page.waitForResponse((r) => r.url().endsWith('/api/v1/vouchers') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '申请电子券' }).click();
    expect((await applied).status()).toBe(201);
    await expect.poll(() => page.locator('[data-testid=vouchers] .ant-card').count()).toBe(before + 1);
    expect(await page.locator('[data-testid=vouchers]').innerText()).toContain('已申请');
    await snap('trainee-vouchers');
    await page.setViewportSize({ width: 1360, height: 900 });
  });
});
