/**
 * @module
 * Chromium (Debian's, headless, driven by playwright-core): a page served from its own origin on
 * 127.0.0.1 loads the scenario bundle (SDK inside), and the test calls the function the bundle
 * puts on `globalThis`. The same origin serves msw's `mockServiceWorker.js`, since a Service
 * Worker must come from the page's origin.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import type { ScenarioApp } from './scenario-app';

export interface ChromiumPage {
  /** The page's origin, e.g. `http://127.0.0.1:41234`: the server must allow it (CORS). */
  readonly origin: string;
  /** Chromium's version, as the browser reports it. */
  readonly version: string;
  /** Calls `globalThis[name](arg)` in the page and returns its result. */
  call(name: string, arg?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves `pageFile`, bundled, as the page's only script, and opens it in a fresh Chromium. */
export async function openChromiumPage(
  executablePath: string,
  app: ScenarioApp,
  pageFile: string,
): Promise<ChromiumPage> {
  const files: Record<string, { type: string; body: string }> = {
    '/': {
      type: 'text/html',
      body: '<!doctype html><title>runtimes</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script>',
    },
    '/page.js': { type: 'text/javascript', body: await app.bundle(pageFile, ['browser']) },
    '/mockServiceWorker.js': {
      type: 'text/javascript',
      body: readFileSync(createRequire(app.file('package.json')).resolve('msw/mockServiceWorker.js'), 'utf8'),
    },
  };
  const http = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://page.test').pathname];
    response
      .writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' })
      .end(file?.body ?? '');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const closeHttp = () => new Promise<void>((resolve) => http.close(() => resolve()));

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${origin}/`);
    const opened = browser;
    return {
      origin,
      version: opened.version(),
      async call(name, arg) {
        try {
          await page.waitForFunction(
            (fn) => typeof (globalThis as Record<string, unknown>)[fn] === 'function',
            name,
            {
              timeout: 10_000,
            },
          );
          return await page.evaluate(
            ([fn, value]) =>
              (globalThis as unknown as Record<string, (v: unknown) => Promise<unknown>>)[fn as string]?.(
                value,
              ),
            [name, arg] as const,
          );
        } catch (error) {
          throw new Error(`${(error as Error).message}\npage errors:\n${errors.join('\n')}`);
        }
      },
      async close() {
        await opened.close();
        await closeHttp();
      },
    };
  } catch (error) {
    await browser?.close();
    await closeHttp();
    throw error;
  }
}
