/**
 * What every browser test needs: the web app built, the real server in-process on an in-memory store with the
 * demo data, Debian's Chromium, and the checks after each step (no console error but expected 4xx refusals, no
 * page error, no 5xx, no antd error result). PEIXUN_E2E_SCREENSHOTS=/dir saves a screenshot after each step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { openStore } from '../../src/app/store.ts';
import { buildApp } from '../../src/app/app.ts';
import { fixtureIdentityCheck } from '../../src/person/identity.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { openDemoClock } from '../../src/demo/clock.ts';
import type { Database } from '../../src/db/db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_DIST = path.join(ROOT, 'web/dist');
export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
export const SHOTS = process.env.PEIXUN_E2E_SCREENSHOTS;

export interface BrowserWorld {
  page: Page;
  /** http://127.0.0.1:PORT of the server under test */
  base: string;
  /** With PEIXUN_E2E_SCREENSHOTS, a screenshot of the page as it is now (the afterEach one comes after sign-outs). */
  snap(name: string): Promise<void>;
  login(username: string): Promise<void>;
  logout(): Promise<void>;
  openMenu(label: string): Promise<void>;
  openTab(label: string): Promise<void>;
  /** Picks an option in an antd Select opened by clicking `trigger`. */
  pick(trigger: Locator, option: string, search?: string): Promise<void>;
}

/** Registers the hooks of one browser suite; the world's fields are there from the suite's first test on. */
export function browserWorld(o: { password: string; now?: Date; viewport: { width: number; height: number }; shotPrefix?: string }): BrowserWorld {
  const world: BrowserWorld = {
    page: undefined as unknown as Page,
    base: '',
    async snap(name) {
      if (SHOTS) await world.page.screenshot({ path: path.join(SHOTS, `${o.shotPrefix ?? ''}${name}.png`), fullPage: true });
    },
    async login(username) {
      const { page } = world;
      await page.goto(`${world.base}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(o.password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
    async logout() {
      await world.page.locator('[data-testid=logout]').click();
      await world.page.waitForURL(/\/login$/);
    },
    openMenu: (label) => world.page.locator('[data-testid=side-menu] .ant-menu-item', { hasText: label }).click(),
    openTab: (label) => world.page.getByRole('tab', { name: new RegExp(`^${label}`) }).click(),
    async pick(trigger, option, search) {
      await trigger.click();
      if (search) await world.page.keyboard.type(search);
      await world.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
    },
  };
  let db: Database | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];
  let shot = 0;
  const now = () => o.now ?? new Date();

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
    }
    db = await openStore({ inMemory: true });
    await loadDemo(db, { password: o.password, now: now() });
    // served as `peixun serve --demo` serves a demo store: on the demo clock, which starts at `now`
    const demoClock = await openDemoClock(db, now);
    app = await buildApp({ db, now: demoClock?.now ?? now, demoClock, identity: fixtureIdentityCheck(db), dataDir: null }, { webDir: WEB_DIST });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    world.base = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: o.viewport, locale: 'zh-CN' });
    // generous: CI shares two cores between Chromium and the server
    page.setDefaultTimeout(30_000);
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // 4xx answers are the refusals a walk provokes on purpose; 5xx are caught below.
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return;
      problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 500) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    });
    world.page = page;
  }, 240_000);

  afterEach(async (ctx) => {
    if (!world.page) return;
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await world.page.screenshot({ path: path.join(SHOTS, `${o.shotPrefix ?? ''}${String(++shot).padStart(2, '0')}-${ctx.task.name.replace(/\W+/g, '-')}.png`), fullPage: true });
    }
    const errorResults = await world.page.locator('.ant-result-error, .ant-result-500, .ant-result-403, .ant-result-404').count();
    expect(errorResults, 'an antd error result is on the page').toBe(0);
    expect(problems, 'console errors, page errors or 5xx answers').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });
  return world;
}
