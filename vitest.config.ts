import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { postgresForTests } from './scripts/postgres-for-tests.mjs';
import { redisForTests } from './scripts/redis-for-tests.mjs';

// Workspace packages resolve to their sources in tests, so `pnpm test:unit` needs no build.
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

const PACING_TESTS = 'src/dial/dial-queue-pacing.test.ts';
// Several servers on one PostgreSQL database: only in `server-postgres`.
const REPLICA_TESTS = ['test/replicas.test.ts', 'test/replicas-failover.test.ts'];
const SERVER_POSTGRES_TESTS = [
  'test/batch-events.test.ts',
  'test/batch-holds.test.ts',
  'test/batches.test.ts',
  'test/calls.test.ts',
  'test/contract-errors.test.ts',
  'test/cors.test.ts',
  'test/dial-fairness.test.ts',
  'test/events.test.ts',
  'test/http-basics.test.ts',
  'test/idempotency.test.ts',
  'test/logging.test.ts',
  'test/metrics.test.ts',
  'test/org-isolation.test.ts',
  'test/rate-limit.test.ts',
  'test/raw-http-requests.test.ts',
  'test/readiness.test.ts',
  ...REPLICA_TESTS,
  'test/scheduling.test.ts',
  'test/webhooks.test.ts',
];

// Read by test/store/store-kinds.ts and test/contract/contract-targets.ts through the env below.
const withPostgres = await postgresForTests();
const withRedis = await redisForTests();

export default defineConfig({
  resolve: {
    // Most specific first: a string alias also matches the subpaths under it.
    alias: [
      { find: '@outdial/livekit-emulator', replacement: src('livekit-emulator') },
      {
        find: '@outdial/contract/testing',
        replacement: fileURLToPath(new URL('./packages/contract/src/testing/index.ts', import.meta.url)),
      },
      { find: '@outdial/contract', replacement: src('contract') },
      {
        find: '@outdial/sdk/webhooks',
        replacement: fileURLToPath(new URL('./packages/sdk/src/webhooks/index.ts', import.meta.url)),
      },
      { find: '@outdial/sdk', replacement: src('sdk') },
      { find: '@outdial/mock', replacement: src('mock') },
      { find: '@outdial/server', replacement: src('server') },
    ],
  },
  test: {
    env: {
      OUTDIAL_TEST_POSTGRES: withPostgres ? 'run' : 'skip',
      OUTDIAL_TEST_REDIS: withRedis ? 'run' : 'skip',
    },
    // A bound, not a measurement: the HTTP tests run whole calls through a real server and the
    // emulator, which under CI's parallel suites on two cores takes several times what it does
    // alone (no test asserts a duration; the waits inside are bounded by this).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // CI sums every run's report (scripts/print-test-summary.mjs); each run names its own file.
    reporters: [
      'default',
      ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? '.vitest-results.json' }],
    ],
    projects: [
      // `isolate: false` where no test stubs globals or fakes timers: a file then reuses the
      // modules the worker already loaded (express, kysely, msw…) instead of importing them
      // afresh, which cost more CPU than the tests themselves on these 2 cores. The SDK's tests
      // stub fetch and fake timers, so they keep a module graph per file.
      { extends: true, test: { name: 'contract', root: 'packages/contract', isolate: false } },
      { extends: true, test: { name: 'sdk', root: 'packages/sdk' } },
      {
        extends: true,
        test: {
          name: 'server',
          root: 'packages/server',
          exclude: [...configDefaults.exclude, PACING_TESTS, ...REPLICA_TESTS],
          isolate: false,
        },
      },
      // The server's HTTP tests again, on a PostgreSQL-backed server (a schema of its own per
      // server, in the machine's PostgreSQL). Left out: the tests about SQLite itself (its write
      // lock, its file across a crash, the CLI's default file) and those no store changes (the
      // docs page, the cancel race's proxy).
      ...(withPostgres
        ? [
            {
              extends: true,
              test: {
                name: 'server-postgres',
                root: 'packages/server',
                include: SERVER_POSTGRES_TESTS,
                env: { OUTDIAL_TEST_STORE: 'postgres' },
                isolate: false,
              },
            },
          ]
        : []),
      // Pacing is judged by the emulator's clock on arrival, so it must run alone: the other
      // suites' CPU load on this 2-core machine bunches arrivals up at the receiver. `test:unit`
      // runs it in a vitest run of its own after the rest (groupOrder did not keep it apart).
      {
        extends: true,
        test: { name: 'server-pacing', root: 'packages/server', include: [PACING_TESTS] },
      },
      { extends: true, test: { name: 'mock', root: 'packages/mock', isolate: false } },
      // The console's own modules (its pages are proven in Chromium by the server's console.test.ts).
      { extends: true, test: { name: 'console', root: 'packages/console', isolate: false } },
      {
        extends: true,
        test: { name: 'livekit-emulator', root: 'packages/livekit-emulator', isolate: false },
      },
      {
        extends: true,
        test: { name: 'e2e', root: 'test', exclude: ['bench/**', 'runtimes/**', '**/node_modules/**'] },
      },
      // The SDK on every runtime it promises. `test:runtimes` runs it in a vitest run of its own
      // after `test:unit`: its browsers and workerd would load the 2 cores under the other suites.
      { extends: true, test: { name: 'runtimes', root: 'test/runtimes' } },
      { extends: true, test: { name: 'examples', root: 'examples' } },
    ],
  },
});
