/**
 * @module
 * workerd, through miniflare: the scenario as a module worker, fetched once. The worker needs
 * no `nodejs_compat` flag (the SDK has no `node:` imports). Its `fetch()` to the server on
 * 127.0.0.1 goes out through miniflare's `internet` service, which allows private and loopback
 * addresses; plain workerd's default network allows public addresses only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InstalledRuntime } from './runtime-cache';
import type { ScenarioApp } from './scenario-app';
import type { ScenarioConfig } from './scenario-server';

// The slice of miniflare's API used here (it is imported from the runtime cache, untyped).
interface Miniflare {
  dispatchFetch(url: string): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
type MiniflareConstructor = new (options: {
  modules: boolean;
  script: string;
  compatibilityDate: string;
  bindings: Record<string, string>;
}) => Miniflare;

/** The newest date the pinned workerd (1.20260730.x) supports. */
const COMPATIBILITY_DATE = '2026-07-30';

/** The workerd package version miniflare installed, e.g. `1.20260730.1`. */
export function workerdVersion(miniflare: InstalledRuntime): string {
  return JSON.parse(readFileSync(join(miniflare.dir, 'node_modules', 'workerd', 'package.json'), 'utf8'))
    .version;
}

export async function runInWorkerd(
  miniflare: InstalledRuntime,
  app: ScenarioApp,
  config: ScenarioConfig,
): Promise<unknown> {
  const { Miniflare } = (await import(pathToFileURL(miniflare.path).href)) as {
    Miniflare: MiniflareConstructor;
  };
  const worker = new Miniflare({
    modules: true,
    script: await app.bundle('worker.mjs', ['workerd', 'worker', 'browser']),
    compatibilityDate: COMPATIBILITY_DATE,
    bindings: {
      OUTDIAL_BASE_URL: config.baseUrl,
      OUTDIAL_API_KEY: config.apiKey,
      OUTDIAL_AGENT_ID: config.agentId,
    },
  });
  try {
    const response = await worker.dispatchFetch('http://worker.test/');
    const body = await response.text();
    if (response.status !== 200) throw new Error(`the worker answered ${response.status}:\n${body}`);
    return JSON.parse(body);
  } finally {
    await worker.dispose();
  }
}
