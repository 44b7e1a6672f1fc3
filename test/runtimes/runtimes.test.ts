/**
 * The built SDK on every runtime it promises: Node 18, 20, 22 and 24 (ESM and CommonJS), Bun
 * (both), Deno, workerd and Chromium. Each runs one scenario (scenario/scenario.mjs) against a
 * real server of its own: create a call and wait for its terminal status, cancel a queued call,
 * list with auto-pagination, and catch a typed `NotFoundError`. Chromium also runs it against
 * `@outdial/mock` in msw's Service Worker.
 *
 * The runtimes are pinned and installed on first use (runtime-cache.ts); an install that fails
 * fails its runtime's test. Each test prints its runtime's version and time, and afterAll prints
 * the whole matrix.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChromiumPage } from './run-in-chromium';
import { runInWorkerd, workerdVersion } from './run-in-workerd';
import {
  type InstalledRuntime,
  installedChromium,
  installedRuntime,
  NPM_RUNTIMES,
  type NpmRuntimeName,
} from './runtime-cache';
import { createScenarioApp, type ScenarioApp } from './scenario-app';
import { type ScenarioConfig, startScenarioServer } from './scenario-server';

const run = promisify(execFile);
const SDK_VERSION: string = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'packages', 'sdk', 'package.json'), 'utf8'),
).version;
// A cold cache downloads every runtime (a few hundred MB); a warm one takes no time here.
const INSTALL_TIMEOUT_MS = 300_000;
const SCENARIO_TIMEOUT_MS = 60_000;

/** What every runtime must report, whichever build and target it ran. */
function expectedReport(runtime: unknown) {
  return {
    runtime,
    sdkVersion: SDK_VERSION,
    waited: { created: 'queued', final: 'completed', lastSeen: 'completed' },
    cancelled: {
      queued: { before: 'queued', after: 'cancelled', cancellation: 'before_dial' },
      ringing: { after: 'cancelled', cancellation: 'hung_up' },
    },
    listed: { count: 3, allPlaced: true, distinct: 3 },
    notFound: {
      NotFoundError: true,
      ApiError: true,
      OutdialError: true,
      RateLimitError: false,
      status: 404,
      type: 'not_found',
      hasRequestId: true,
    },
  };
}

/** A runtime started as a process on an entry file, configured by the environment. */
interface ProcessTarget {
  readonly runtime: NpmRuntimeName;
  readonly label: string;
  readonly format: 'ESM' | 'CJS';
  readonly args: readonly string[];
  /** `report.runtime`, as the scenario reads it from the runtime itself. */
  readonly reports: string;
}

const ENTRY = { ESM: 'entry.mjs', CJS: 'entry.cjs' } as const;
const LOADED = { ESM: 'dist/index.js', CJS: 'dist/index.cjs' } as const;
const DENO_PERMISSIONS = ['--allow-net', '--allow-env', '--allow-read'];

const PROCESS_TARGETS: ProcessTarget[] = [
  ...(['node18', 'node20', 'node22', 'node24'] as const).flatMap((runtime) =>
    (['ESM', 'CJS'] as const).map((format) => ({
      runtime,
      label: `Node ${NPM_RUNTIMES[runtime].version}`,
      format,
      args: [ENTRY[format]],
      reports: `node ${NPM_RUNTIMES[runtime].version}`,
    })),
  ),
  ...(['ESM', 'CJS'] as const).map((format) => ({
    runtime: 'bun' as const,
    label: `Bun ${NPM_RUNTIMES.bun.version}`,
    format,
    args: [ENTRY[format]],
    reports: `bun ${NPM_RUNTIMES.bun.version}`,
  })),
  {
    runtime: 'deno',
    label: `Deno ${NPM_RUNTIMES.deno.version}`,
    format: 'ESM',
    args: ['run', ...DENO_PERMISSIONS, ENTRY.ESM],
    reports: `deno ${NPM_RUNTIMES.deno.version}`,
  },
];

interface MatrixRow {
  runtime: string;
  format: string;
  against: string;
  install: string;
  scenarioMs: number;
}
const matrix: MatrixRow[] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Records a row and prints it at once, so a run that dies part-way still shows what passed. */
function record(row: MatrixRow): void {
  matrix.push(row);
  console.log(
    `${row.runtime} ${row.format} vs ${row.against}: scenario ${seconds(row.scenarioMs)}, install ${row.install}`,
  );
}

// Every install starts at once, in beforeAll; each test awaits its own, so an install failure
// fails that runtime's test (the handled copy keeps an early rejection from going unhandled).
let installs: Record<NpmRuntimeName, Promise<InstalledRuntime>>;
let chromiumInstall: Promise<{ path: string; installMs: number | null }>;
const installNote = (installMs: number | null) => (installMs === null ? 'cached' : seconds(installMs));
const handled = <T>(promise: Promise<T>) => {
  promise.catch(() => {});
  return promise;
};

let app: ScenarioApp;

beforeAll(() => {
  installs = Object.fromEntries(
    Object.keys(NPM_RUNTIMES).map((name) => [name, handled(installedRuntime(name as NpmRuntimeName))]),
  ) as typeof installs;
  chromiumInstall = handled(installedChromium());
  app = createScenarioApp();
}, INSTALL_TIMEOUT_MS);

afterAll(() => {
  app?.remove();
  if (matrix.length === 0) return;
  const line = (runtime: string, format: string, against: string, scenario: string, install: string) =>
    `${runtime.padEnd(26)} ${format.padEnd(16)} ${against.padEnd(8)} ${scenario.padStart(8)}   ${install}`;
  console.log(
    [
      line('runtime', 'module', 'against', 'scenario', 'install'),
      ...matrix.map((row) =>
        line(row.runtime, row.format, row.against, seconds(row.scenarioMs), row.install),
      ),
    ].join('\n'),
  );
});

async function withServer<T>(
  corsOrigins: string[] | undefined,
  body: (config: ScenarioConfig) => Promise<T>,
) {
  const server = await startScenarioServer(corsOrigins);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

async function runProcess(runtime: InstalledRuntime, args: readonly string[], config: ScenarioConfig) {
  try {
    const { stdout } = await run(runtime.path, args, {
      cwd: app.dir,
      timeout: SCENARIO_TIMEOUT_MS,
      // Only what the scenario needs: none of vitest's NODE_OPTIONS or the like.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NO_COLOR: '1',
        OUTDIAL_BASE_URL: config.baseUrl,
        OUTDIAL_API_KEY: config.apiKey,
        OUTDIAL_AGENT_ID: config.agentId,
      },
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${runtime.path} ${args.join(' ')} failed: ${(error as Error).message}\n${stdout}\n${stderr}`,
    );
  }
}

describe.each(PROCESS_TARGETS)('$label, $format', (target) => {
  it(
    'runs the scenario against the server, configured from the environment',
    async () => {
      const runtime = await installs[target.runtime];
      const started = Date.now();
      const report = await withServer(undefined, (config) => runProcess(runtime, target.args, config));
      record({
        runtime: target.label,
        format: target.format,
        against: 'server',
        install: installNote(runtime.installMs),
        scenarioMs: Date.now() - started,
      });
      expect(report).toEqual({ ...expectedReport(target.reports), loaded: LOADED[target.format] });
    },
    INSTALL_TIMEOUT_MS + SCENARIO_TIMEOUT_MS,
  );
});

describe(`workerd (miniflare ${NPM_RUNTIMES.miniflare.version})`, () => {
  it(
    'runs the scenario as a bundled module worker against the server',
    async () => {
      const miniflare = await installs.miniflare;
      const started = Date.now();
      const report = await withServer(undefined, (config) => runInWorkerd(miniflare, app, config));
      record({
        runtime: `workerd ${workerdVersion(miniflare)}`,
        format: 'bundle (worker)',
        against: 'server',
        install: installNote(miniflare.installMs),
        scenarioMs: Date.now() - started,
      });
      expect(report).toEqual(expectedReport('Cloudflare-Workers'));
    },
    INSTALL_TIMEOUT_MS + SCENARIO_TIMEOUT_MS,
  );
});

describe('Chromium (Debian)', () => {
  it.each([
    { against: 'server', page: 'browser-server-page.mjs', call: 'runAgainstServer' },
    { against: 'mock', page: 'browser-mock-page.mjs', call: 'runAgainstMock' },
  ])(
    'runs the scenario bundled into a page, against the $against',
    async ({ against, page: pageFile, call }) => {
      const chromium = await chromiumInstall;
      const started = Date.now();
      const page = await openChromiumPage(chromium.path, app, pageFile);
      let report: unknown;
      try {
        report =
          against === 'server'
            ? // Another port is another origin: every request is cross-origin, preflights included.
              await withServer([page.origin], ({ baseUrl, apiKey, agentId }) =>
                page.call(call, { baseUrl, apiKey, agentId }),
              )
            : await page.call(call);
      } finally {
        await page.close();
      }
      record({
        runtime: `Chromium ${page.version}`,
        format: 'bundle (page)',
        against,
        install: installNote(chromium.installMs),
        scenarioMs: Date.now() - started,
      });
      // The user agent names the major version only (`HeadlessChrome/156.0.0.0`).
      const major = page.version.split('.')[0];
      expect(report).toEqual(expectedReport(expect.stringMatching(new RegExp(`Chrome/${major}\\.`))));
    },
    INSTALL_TIMEOUT_MS + SCENARIO_TIMEOUT_MS,
  );
});
