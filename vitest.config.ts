import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` needs no server and runs in seconds (`npm run test:unit`);
 * `corpus` measures the parser over the labelled notices and holds the committed baselines;
 * `integration` holds everything that talks to a real server, process or browser.
 * `npm test` runs them all.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The heap bound of the intake and its threads (src/threads/heap-bound.ts) collects through gc().
    execArgv: ['--expose-gc'],
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'] },
      },
      {
        extends: true,
        test: { name: 'corpus', include: ['test/corpus/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, 'test/unit/**', 'test/corpus/**'],
        },
      },
    ],
  },
});
