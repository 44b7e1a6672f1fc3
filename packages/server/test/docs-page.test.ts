/**
 * GET /docs, the API reference: over HTTP, and in headless Chromium against the real server. The
 * expected operations, parameters, examples and error messages are read from openapi.yaml. A
 * screenshot of the page is kept in test-artifacts/docs-page.png at the repository root.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoBanner } from '../src/cli/demo-setup';
import { startTestServer, type TestServer } from './support/test-server';

const SCREENSHOT = fileURLToPath(new URL('../../../test-artifacts/docs-page.png', import.meta.url));
/** Debian's Chromium; .ci/run installs it when it is missing. */
const CHROMIUM = '/usr/bin/chromium';
/** Generous caps: in `pnpm test` other suites share the CPU; alone the whole file takes about 15 s. */
const BROWSER_TIMEOUT_MS = 30_000;

interface Parameter {
  name: string;
  in: string;
  $ref?: string;
}
interface Operation {
  operationId: string;
  summary: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { examples?: Record<string, { summary?: string }> }> };
}

const spec = parse(readFileSync(new URL('../../../openapi.yaml', import.meta.url), 'utf8'));
const resolveParameter = (p: Parameter): Parameter =>
  p.$ref ? spec.components.parameters[p.$ref.split('/').at(-1) as string] : p;
const operations = Object.values(spec.paths as Record<string, Record<string, unknown>>).flatMap(
  (pathItem) => {
    const shared = (pathItem.parameters as Parameter[] | undefined) ?? [];
    return ['get', 'post', 'put', 'patch', 'delete']
      .filter((method) => pathItem[method])
      .map((method) => {
        const op = pathItem[method] as Operation;
        return { ...op, parameters: [...shared, ...(op.parameters ?? [])].map(resolveParameter) };
      });
  },
);
const catalogMessages = Object.values(spec['x-error-catalog'] as Record<string, { message: string }>).map(
  (e) => e.message,
);
/** Swagger UI's element id for an operation (its first tag and its operationId). */
const operationBlock = (page: Page, op: Operation) =>
  page.locator(`[id="operations-${op.tags?.[0] ?? 'default'}-${op.operationId}"]`);

let t: TestServer;
let userDataDir: string;
let browser: BrowserContext;
/** Every URL the browser asked for, page loads, scripts and fetches alike. */
const requested: string[] = [];
/** Console errors and uncaught exceptions, CSP violations among them. */
const pageErrors: string[] = [];

const isOnThisServer = (url: string) =>
  url.startsWith(`${t.url}/`) || url.startsWith('data:') || url.startsWith('blob:');

beforeAll(async () => {
  t = await startTestServer();
  userDataDir = mkdtempSync(join(tmpdir(), 'outdial-docs-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  browser.on('request', (request) => requested.push(request.url()));
  // Recorded above, and never let out: an off-machine request fails the test, not the network.
  await browser.route(
    (url) => !isOnThisServer(url.href),
    (route) => route.abort('blockedbyclient'),
  );
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function openDocs(): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const response = await page.goto(`${t.url}/docs`);
  expect(response?.status()).toBe(200);
  await page.locator('.opblock').first().waitFor();
  return page;
}

/** A GET with a Host header of our choosing (fetch does not let one set it). */
function getWithHost(path: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpRequest(`${t.url}${path}`, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

describe('GET /docs over HTTP', () => {
  it('serves the page without an API key, with a same-origin Content-Security-Policy', async () => {
    const page = await t.request('/docs', { key: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(page.text).not.toMatch(/https?:\/\//);
    for (const asset of page.text.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect((await t.request(asset[1] as string, { key: null })).status, asset[1]).toBe(200);
    }
  });

  it("serves its copy of openapi.yaml with the request's origin as the only server", async () => {
    const document = (await t.request('/docs/openapi.json', { key: null })).body;
    expect(document.servers).toEqual([{ url: t.url, description: 'This server.' }]);
    expect(Object.keys(document.paths)).toEqual(Object.keys(spec.paths));
    // As markdown: the characters it would format are escaped (`America/New\_York`).
    for (const message of catalogMessages) {
      expect(document.info.description).toContain(message.replace(/[\\`*_|<>[\]]/g, '\\$&'));
    }

    const proxied = JSON.parse(await getWithHost('/docs/openapi.json', 'docs.example.com:8443'));
    expect(proxied.servers[0].url).toBe('http://docs.example.com:8443');
    // Not a plain host: the page's own address, which Swagger UI resolves "/" against.
    const odd = JSON.parse(await getWithHost('/docs/openapi.json', 'user@evil.example'));
    expect(odd.servers[0].url).toBe('/');
  });

  it('is where the demo banner of `pnpm start` points', async () => {
    const banner = demoBanner(t.url, { organizationId: 'org', apiKey: 'key', agentId: 'agent' }, undefined);
    const docsUrl = banner.match(/^API reference: (\S+)$/m)?.[1];
    expect(docsUrl).toBe(`${t.url}/docs`);
  });

  it('serves only the Swagger UI files the page loads', async () => {
    for (const path of [
      '/docs/assets/package.json',
      '/docs/assets/index.html',
      '/docs/assets/..%2Fpackage.json',
    ]) {
      const response = await t.request(path, { key: null });
      expect(response.status, path).toBe(404);
      expect(response.body.error.type).toBe('not_found');
    }
  });
});

describe('GET /docs in Chromium', () => {
  it(
    'shows every operation and the error catalog, loading nothing from off the machine',
    async () => {
      const page = await openDocs();
      await page.locator('.info table').waitFor();
      // Taken first, so that a failing run leaves one too.
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      console.info(`docs page screenshot: ${SCREENSHOT}`);

      for (const op of operations) {
        const summary = operationBlock(page, op).locator('.opblock-summary-description');
        expect(await summary.textContent(), op.operationId).toBe(op.summary);
      }
      const catalogCells = await page.locator('.info table td:last-child').allTextContents();
      expect(catalogCells.toSorted()).toEqual(catalogMessages.toSorted());
      // "Try it out" and the curl snippets go to this server.
      expect(
        await page
          .locator('.servers select option')
          .evaluateAll((o) => o.map((e) => e.getAttribute('value'))),
      ).toEqual([t.url]);

      expect(requested.filter((url) => !isOnThisServer(url))).toEqual([]);
      expect(requested).toContain(`${t.url}/docs/openapi.json`);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "shows an operation's parameters and request body examples as openapi.yaml has them",
    async () => {
      const page = await openDocs();
      // Two, not all: Swagger UI resolves an operation when it is opened, about a second each here.
      for (const operationId of ['listCalls', 'createOutboundCall']) {
        const op = operations.find((o) => o.operationId === operationId) as (typeof operations)[number];
        const block = operationBlock(page, op);
        await block.locator('.opblock-summary-control').click();
        await block.locator('.opblock-body').waitFor();
        const shown = await block
          .locator('tr[data-param-name]')
          .evaluateAll((rows) =>
            rows.map((r) => `${r.getAttribute('data-param-in')} ${r.getAttribute('data-param-name')}`),
          );
        expect(shown.toSorted(), operationId).toEqual(
          op.parameters.map((p) => `${p.in} ${p.name}`).toSorted(),
        );
        const examples = Object.entries(op.requestBody?.content['application/json']?.examples ?? {});
        const options = await block
          .locator('.opblock-section-request-body .examples-select-element option')
          .allTextContents();
        expect(options, operationId).toEqual(examples.map(([name, e]) => e.summary ?? name));
      }
      expect(requested.filter((url) => !isOnThisServer(url))).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'runs "Try it out" against this server',
    async () => {
      const page = await openDocs();
      const health = operationBlock(
        page,
        operations.find((op) => op.operationId === 'getHealth') as Operation,
      );
      await health.locator('.opblock-summary-control').click();
      await health.locator('.try-out__btn').click();
      await health.locator('.execute').click();
      const status = health.locator('.live-responses-table tbody .response-col_status');
      await status.waitFor();
      expect(await status.textContent()).toBe('200');
      expect(await health.locator('.curl').textContent()).toContain(`'${t.url}/healthz'`);
      expect(requested).toContain(`${t.url}/healthz`);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
