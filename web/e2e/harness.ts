/**
 * What every browser test needs: the web app built, the real server in-process on an in-memory store with the
 * demo data, Debian's Chromium, and the checks after each step (no console error but expected 4xx refusals, no
 * page error, no 5xx, no antd error result). PEIXUN_E2E_SCREENSHOTS=/dir saves a screenshot after each step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { openStore } from '../../src/app/store.ts';
import { buildApp } from '../../src/app/app.ts';
import { fixtureIdentityCheck } from '../../src/person/identity.ts';
import { loadDemo } from '../../src/demo/load.ts';
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
}

/** Registers the hooks of one browser suite; the world's fields are there from the suite's first test on. */
export function browserWorld(o: { password: string; now?: Date; viewport: { width: number; height: number }; shotPrefix?: string }): BrowserWorld {
  const world = {} as BrowserWorld;
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
    app = await buildApp({ db, now, identity: fixtureIdentityCheck(db), dataDir: null }, { webDir: WEB_DIST });
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
