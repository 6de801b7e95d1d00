import { defineConfig } from 'vitest/config';

// PGlite instances are heavy (WASM): a few forks, not one per core-thread. The browser tests run last and
// alone (a later group order): Chromium competing for two cores with the store suites made them flaky.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './vitest.summary.ts'],
    projects: [
      { extends: true, test: { name: 'server', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'browser', include: ['web/**/*.test.ts'], maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
