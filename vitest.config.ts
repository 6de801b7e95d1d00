import { defineConfig } from 'vitest/config';

// PGlite instances are heavy (WASM): a few forks, not one per core-thread.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    reporters: ['default', './vitest.summary.ts'],
    hookTimeout: 60_000,
  },
});
