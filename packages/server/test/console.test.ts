/**
 * GET /console, the Outdial Console (packages/console): over HTTP, and in headless Chromium
 * against the real server with the LiveKit emulator. It needs the server's build (`pnpm build`
 * copies the console into packages/server/dist/console/). Screenshots of the calls page, a call's
 * timeline, the Dial queue panel and the batches page are kept in test-artifacts/ at the
 * repository root.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Outdial } from '@outdial/sdk';
import express from 'express';
import { type BrowserContext, chromium, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoBanner, ensureDemoData } from '../src/cli/demo-setup';
import { renderErrors } from '../src/http/error-middleware';
import { assignRequestId } from '../src/http/request-id';
import { CONSOLE_PATH, consoleRoutes } from '../src/http/routes/console-routes';
import { newCallRow } from './support/call-rows';
import { silentLogger } from './support/silent-logger';
import { startTestServer, type TestServer, waitForCall } from './support/test-server';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const artifact = (name: string) => fileURLToPath(new URL(`../../../test-artifacts/${name}`, import.meta.url));
/** Debian's Chromium; .ci/run installs it when it is missing. */
const CHROMIUM = '/usr/bin/chromium';
/** Generous caps: in `pnpm test` other suites share the CPU. */
const BROWSER_TIMEOUT_MS = 60_000;
/** Slow enough that each status of a placed call is on screen for a while. */
const VISIBLE_TIMINGS = { ringMs: 600, talkMs: 600 };
const LIFECYCLE = ['queued', 'connecting', 'ringing', 'active', 'completed'];

let t: TestServer;
let receiver: WebhookReceiver;
let userDataDir: string;
let browser: BrowserContext;
/** Every URL the browser asked for, page loads, scripts and fetches alike. */
const requested: string[] = [];
/** The same, as `METHOD url`, for the writes. */
const writes: string[] = [];
/** Each tab's console errors and uncaught exceptions, CSP violations among them. */
const pageErrors = new WeakMap<Page, string[]>();

const isOnThisServer = (url: string) => url.startsWith(`${t.url}/`);

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // One dial at a time: while one call rings, every other call waits in the Dial queue. A small
  // CPS budget, so that the queue panel's chart shows a dial against it.
  t = await startTestServer({
    dialCps: 5,
    dialMaxInFlight: 1,
    emulatorTimings: { ringMs: 600, talkMs: 600, earlyHangupMs: 60, noAnswerMs: 80, failMs: 20 },
    webhookAllowPrivate: true,
    webhookPollIntervalMs: 10,
  });
  const built = await t.request(CONSOLE_PATH, { key: null });
  if (built.status !== 200)
    throw new Error(`GET /console answered ${built.status}: run \`pnpm build\` first`);
  mkdirSync(dirname(artifact('console-calls.png')), { recursive: true });
  userDataDir = mkdtempSync(join(tmpdir(), 'outdial-console-chromium-'));
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
    viewport: { width: 1440, height: 900 },
  });
  browser.on('request', (request) => {
    requested.push(request.url());
    if (request.method() !== 'GET') writes.push(`${request.method()} ${request.url()}`);
  });
  // Recorded above, and never let out: an off-machine request fails the test, not the network.
  await browser.route(
    (url) => !isOnThisServer(url.href),
    (route) => route.abort('blockedbyclient'),
  );
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await receiver?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** A new tab (sessionStorage is per tab, so each starts signed out) on the console. */
async function openConsole(hash = ''): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${t.url}${CONSOLE_PATH}${hash}`);
  expect(response?.status()).toBe(200);
  return page;
}

async function signIn(page: Page, apiKey = t.acme.apiKey): Promise<void> {
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function placeViaApi(phoneNumber: string, key = t.acme.apiKey): Promise<string> {
  const r = await t.request('/api/v1/calls/outbound', {
    method: 'POST',
    key,
    body: { agentId: key === t.acme.apiKey ? t.acme.voiceAgentId : t.globex.voiceAgentId, phoneNumber },
  });
  expect(r.status).toBe(201);
  return r.body.data.id;
}

/**
 * A call that rings for a minute and so holds the one dial slot: calls placed after it stay
 * queued until `release` cancels it.
 */
async function holdTheDialSlot(phoneNumber: string): Promise<{ release(): Promise<void> }> {
  t.emulator?.setTimings({ ringMs: 60_000 });
  const blocker = await placeViaApi(phoneNumber);
  await waitForCall(t, blocker, (c) => c.status === 'ringing');
  t.emulator?.setTimings(VISIBLE_TIMINGS);
  return {
    async release() {
      expect((await t.request(`/api/v1/calls/${blocker}`, { method: 'DELETE' })).status).toBe(200);
    },
  };
}

/** Runs `script` in the page (a string: this project's TypeScript has no DOM types). */
const inPage = (page: Page, script: string): Promise<unknown> => page.evaluate(script);
const goTo = (page: Page, hash: string) => inPage(page, `location.hash = ${JSON.stringify(hash)}`);

const rowStatus = (page: Page, callId: string) =>
  page.locator(`tr[data-call-id="${callId}"] .status`).textContent();

/**
 * No request left the machine, and the page logged no error but the API's own answers that the
 * test provoked (Chromium logs a 4xx as a failed resource load).
 */
function expectNothingOffTheMachine(page: Page, provokedStatus?: number) {
  expect(requested.filter((url) => !isOnThisServer(url))).toEqual([]);
  const provoked = `the server responded with a status of ${provokedStatus}`;
  expect((pageErrors.get(page) ?? []).filter((e) => !e.includes(provoked))).toEqual([]);
}

describe('GET /console over HTTP', () => {
  it('serves the page without an API key, with a same-origin CSP, no-cache, and long-cached assets', async () => {
    for (const path of [CONSOLE_PATH, `${CONSOLE_PATH}/`]) {
      const page = await t.request(path, { key: null });
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/unsafe|https?:|data:|\*/);
      expect(page.text).not.toMatch(/https?:\/\//);
    }
    const html = (await t.request(CONSOLE_PATH, { key: null })).text;
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.map((a) => a.split('.').at(-1)).toSorted()).toEqual(['css', 'js']);
    for (const asset of assets) {
      const response = await t.request(asset, { key: null });
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-type')).toMatch(
        asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/,
      );
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers unknown console files with 404 in the error envelope, not as API routes', async () => {
    for (const path of [
      `${CONSOLE_PATH}/assets/nope.js`,
      `${CONSOLE_PATH}/assets/..%2Findex.html`,
      `${CONSOLE_PATH}/index.html`,
    ]) {
      const response = await t.request(path, { key: null });
      expect(response.status, path).toBe(404);
      expect(response.body.error).toMatchObject({ type: 'not_found', message: 'Not found' });
    }
  });

  it('answers 404 with a clear message when the server was built without the console', async () => {
    const app = express();
    app.use(assignRequestId());
    app.use(consoleRoutes({ dir: join(tmpdir(), 'outdial-no-console-here') }));
    app.use(renderErrors(silentLogger));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (const path of [CONSOLE_PATH, `${CONSOLE_PATH}/assets/index.js`]) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(response.status).toBe(404);
        const { error } = (await response.json()) as {
          error: { type: string; details: { message: string }[] };
        };
        expect(error.type).toBe('not_found');
        expect(error.details[0]?.message).toMatch(/Console is not in this build of the server.*pnpm build/);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the Outdial Console in Chromium', () => {
  it(
    'refuses a wrong key with the API\'s "Unauthorized", keeping nothing',
    async () => {
      const page = await openConsole();
      await page.getByLabel('API key').fill('od_not_a_real_key');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Unauthorized');
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
      expectNothingOffTheMachine(page, 401);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'works with the demo key `pnpm start` prints, at the URL it prints; sign out forgets the key',
    async () => {
      const demo = await ensureDemoData(t.server, undefined);
      const banner = demoBanner(t.url, demo, undefined);
      expect(banner.match(/^Console: +(\S+)/m)?.[1]).toBe(`${t.url}/console`);
      const page = await openConsole();
      await signIn(page, demo.apiKey);
      await page.getByRole('heading', { name: 'Calls' }).waitFor();
      // Kept in this tab's sessionStorage only: never in the URL or localStorage.
      expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([demo.apiKey]);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      expect(page.url()).not.toContain(demo.apiKey);
      // A reload keeps the tab signed in.
      await page.reload();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API key').waitFor();
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      expectNothingOffTheMachine(page);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "shows the API's message next to the phone field for a bad number",
    async () => {
      const callsBefore = (await t.request('/api/v1/calls?limit=100')).body.data.calls.length;
      const page = await openConsole('#/place');
      await signIn(page);
      await page.getByLabel('Phone number (E.164)').fill('555-0100');
      await page.getByRole('button', { name: 'Place call' }).click();
      const message = page.locator('#place-phoneNumber-error');
      await message.waitFor();
      expect(await message.textContent()).toBe('Phone number must be in E.164 format (+1234567890)');
      // Beside the field it names, and tied to it for screen readers.
      expect(await page.getByLabel('Phone number (E.164)').getAttribute('aria-describedby')).toBe(
        'place-phoneNumber-error',
      );
      expect(await page.getByLabel('Phone number (E.164)').getAttribute('aria-invalid')).toBe('true');
      expect((await t.request('/api/v1/calls?limit=100')).body.data.calls).toHaveLength(callsBefore);
      expectNothingOffTheMachine(page, 400);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'cancels a queued call from its page, which shows its queue position',
    async () => {
      const slot = await holdTheDialSlot('+14155550301');
      try {
        const queued = await placeViaApi('+14155550302');
        const page = await openConsole(`#/calls/${queued}`);
        await signIn(page);
        await expect.poll(() => page.locator('.call-status').textContent()).toContain('queued');
        expect(await page.locator('.queue-position').textContent()).toContain('position 1 in the Dial queue');
        await page.getByRole('button', { name: 'Cancel call' }).click();
        await expect.poll(() => page.locator('.call-status [data-status]').textContent()).toBe('cancelled');
        await page.locator('.timeline li[data-event-type="call.cancelled"]').waitFor();
        expect(await page.getByRole('button', { name: 'Cancel call' }).count()).toBe(0);
        const call = (await t.request(`/api/v1/calls/${queued}`)).body.data;
        expect(call).toMatchObject({ status: 'cancelled', cancellation: 'before_dial', roomId: null });
        expectNothingOffTheMachine(page);
        await page.close();
      } finally {
        await slot.release();
      }
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'places a call from the form (one call for a double submit) and its row goes queued → … → completed live',
    async () => {
      const phoneNumber = '+14155550402';
      const slot = await holdTheDialSlot('+14155550401');
      const page = await openConsole('#/place');
      await signIn(page);
      await page.getByLabel('Agent').selectOption(t.acme.voiceAgentId);
      await page.getByLabel('Phone number (E.164)').fill(phoneNumber);
      await page.getByLabel('Caller ID').selectOption(t.acme.phoneNumbers[1] as string);
      await page.getByLabel(/^Priority/).fill('2');
      await page.getByLabel(/^Metadata/).fill('{"customerId": "c_42"}');
      await page.getByLabel(/^Variables/).fill('{"firstName": "Ada"}');
      // Two submits before the page can re-render (a double click): one request, one call.
      const writesBefore = writes.length;
      await inPage(
        page,
        "const form = document.querySelector('form.stacked'); form.requestSubmit(); form.requestSubmit();",
      );
      await page.waitForURL(/#\/calls\/call_/);
      const callId = decodeURIComponent(page.url().split('#/calls/')[1] as string);
      const placed = (await t.request(`/api/v1/calls?phoneNumber=${encodeURIComponent(phoneNumber)}`)).body
        .data.calls;
      expect(placed.map((c: { id: string }) => c.id)).toEqual([callId]);
      expect(writes.slice(writesBefore)).toEqual([`POST ${t.url}/api/v1/calls/outbound`]);
      expect(placed[0]).toMatchObject({
        callerId: t.acme.phoneNumbers[1],
        priority: 2,
        metadata: { customerId: 'c_42' },
        variables: { firstName: 'Ada' },
      });
      await expect.poll(() => page.locator('.queue-position').textContent()).toContain('position 1');

      await page.getByRole('link', { name: 'Dial queue' }).click();
      const trunk = page.locator('article.trunk').first();
      await expect.poll(() => trunk.locator('.queued-count').textContent()).toBe('1');
      expect(await trunk.locator('.by-priority td').nth(2).textContent()).toBe('1');
      expect(await trunk.locator('svg rect.bar').count()).toBeGreaterThan(0);
      await page.screenshot({ path: artifact('console-queue.png'), fullPage: true });

      // The calls table, then the dial slot freed: every change arrives on the event stream.
      await page.getByRole('link', { name: 'Calls' }).click();
      const row = page.locator(`tr[data-call-id="${callId}"]`);
      await row.waitFor();
      expect(await rowStatus(page, callId)).toBe('queued');
      await inPage(
        page,
        `const tr = document.querySelector('tr[data-call-id="${callId}"]');
        const text = () => tr.querySelector('.status')?.textContent ?? '';
        window.seen = [text()];
        new MutationObserver(() => {
          if (window.seen.at(-1) !== text()) window.seen.push(text());
        }).observe(tr, { subtree: true, childList: true, characterData: true });`,
      );
      const requestsBefore = requested.length;
      await slot.release();
      await expect.poll(() => rowStatus(page, callId), { timeout: 30_000 }).toBe('completed');
      const seen = (await inPage(page, 'window.seen')) as string[];
      expect(seen[0]).toBe('queued');
      expect(seen.at(-1)).toBe('completed');
      expect(seen).toContain('active');
      // In lifecycle order: no status went back or was skipped into a wrong one.
      expect(seen.map((s) => LIFECYCLE.indexOf(s))).toEqual(seen.map((s) => LIFECYCLE.indexOf(s)).toSorted());
      // No reload and no polling: the browser asked for nothing more (the event stream was open).
      expect(requested.slice(requestsBefore)).toEqual([]);
      await page.screenshot({ path: artifact('console-calls.png'), fullPage: true });

      await row.getByRole('link').click();
      const timeline = page.locator('.timeline li');
      await expect
        .poll(() => timeline.evaluateAll((items) => items.map((li) => li.getAttribute('data-event-type'))))
        .toEqual(['call.queued', 'call.connecting', 'call.ringing', 'call.active', 'call.completed']);
      const details = await page.locator('dl.details').textContent();
      const call = (await t.request(`/api/v1/calls/${callId}`)).body.data;
      for (const value of [
        call.roomId,
        call.jobId,
        call.sipParticipantId,
        t.acme.phoneNumbers[1],
        'c_42',
        'Ada',
      ]) {
        expect(details).toContain(value);
      }
      await page.screenshot({ path: artifact('console-call-timeline.png'), fullPage: true });
      console.info(`console screenshots: ${artifact('console-{calls,call-timeline,queue}.png')}`);
      expectNothingOffTheMachine(page);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'creates a webhook endpoint (secret shown once), sends a test event and shows the delivery',
    async () => {
      const page = await openConsole('#/webhooks');
      await signIn(page);
      await page.getByLabel('URL').fill(receiver.url);
      await page.getByLabel('Description (optional)').fill('console test');
      await page.getByRole('button', { name: 'Create endpoint' }).click();
      const secret = await page.locator('.secret-value').textContent();
      expect(secret).toMatch(/^whsec_/);
      const row = page.locator('tr[data-endpoint-id]', { hasText: receiver.url });
      await row.waitFor();
      const endpointId = (await row.getAttribute('data-endpoint-id')) as string;
      // Never again from the API.
      expect((await t.request(`/api/v1/webhook-endpoints/${endpointId}`)).body.data.secret).toBeUndefined();

      await row.getByRole('button', { name: 'Disable' }).click();
      await expect.poll(() => row.locator('.chip').textContent()).toBe('disabled');
      await row.getByRole('button', { name: 'Enable' }).click();
      await expect.poll(() => row.locator('.chip').textContent()).toBe('enabled');
      await row.getByRole('button', { name: 'Rotate secret' }).click();
      await expect.poll(() => page.locator('.secret-value').textContent()).not.toBe(secret);

      await row.getByRole('link').click();
      await page.getByRole('button', { name: 'Send test event' }).click();
      const delivery = page.locator('tr[data-delivery-id]', { hasText: 'webhook.test' });
      await expect.poll(() => delivery.locator('.attempts').textContent(), { timeout: 30_000 }).toBe('200');
      expect(await delivery.locator('.chip').textContent()).toBe('succeeded');
      await vi.waitFor(() =>
        expect(receiver.received.some((r) => r.json?.type === 'webhook.test')).toBe(true),
      );
      await delivery.getByRole('button', { name: 'Retry' }).click();
      await expect
        .poll(() => delivery.locator('.attempts').textContent(), { timeout: 30_000 })
        .toBe('200, 200');

      await page.getByRole('link', { name: 'All endpoints' }).click();
      await row.getByRole('button', { name: 'Delete' }).click();
      await row.getByRole('button', { name: 'Confirm delete' }).click();
      await row.waitFor({ state: 'detached' });
      expect((await t.request(`/api/v1/webhook-endpoints/${endpointId}`)).status).toBe(404);
      expectNothingOffTheMachine(page);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'shows batches with progress from their counters to a final state; pauses, resumes and cancels from the page',
    async () => {
      const outdial = new Outdial({ apiKey: t.acme.apiKey, baseUrl: t.url });
      const agentId = t.acme.voiceAgentId;
      const later = new Date(Date.now() + 3_600_000);
      // Held behind a ringing call until released, so the page sees it before it is done.
      const slot = await holdTheDialSlot('+14155550601');
      let released = false;
      try {
        const dialing = await outdial.batches.create({
          name: 'Console renewals',
          agentId,
          retry: { maxAttempts: 2, on: ['busy'], delaySeconds: 0 },
          maxConcurrentCalls: 1,
          calls: [
            { phoneNumber: '+14155550602' },
            { phoneNumber: '+15005550001' },
            { phoneNumber: '+14155550603' },
          ],
        });
        const waiting = await outdial.batches.create({
          name: 'Console next week',
          agentId,
          scheduledAt: later,
          callingWindow: {
            timezone: 'America/New_York',
            start: '09:00',
            end: '17:30',
            days: [1, 2, 3, 4, 5],
          },
          retry: { maxAttempts: 3, on: ['busy', 'no_answer'], delaySeconds: 600 },
          maxConcurrentCalls: 5,
          calls: [{ phoneNumber: '+14155550604' }, { phoneNumber: '+14155550605' }],
        });
        const doomed = await outdial.batches.create({
          name: 'Console doomed',
          agentId,
          scheduledAt: later,
          calls: [{ phoneNumber: '+14155550606' }],
        });

        const page = await openConsole('#/batches');
        await signIn(page);
        const row = (id: string) => page.locator(`tr[data-batch-id="${id}"]`);
        const status = (id: string) => row(id).locator('.status').textContent();
        const progress = (id: string) => row(id).locator('.progress-text').textContent();
        await row(dialing.id).waitFor();
        // Newest first.
        expect(
          await page
            .locator('tr[data-batch-id]')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-batch-id'))),
        ).toEqual([doomed.id, waiting.id, dialing.id]);
        expect(await status(dialing.id)).toBe('running');
        expect(await progress(dialing.id)).toContain('0 / 3 done');
        expect(await row(dialing.id).locator('progress').getAttribute('aria-label')).toBe(
          'Console renewals: 0 of 3 contacts done',
        );
        await slot.release();
        released = true;
        // No batch events exist: the page reads the batches again until they are final.
        await expect.poll(() => status(dialing.id), { timeout: 30_000 }).toBe('completed');
        expect(await progress(dialing.id)).toBe('3 / 3 done');
        expect(await row(dialing.id).locator('.outcomes').textContent()).toBe('2 completed, 1 busy');
        expect(await row(dialing.id).getByRole('button').count()).toBe(0);

        // Pause and resume from the list.
        expect(await status(waiting.id)).toBe('scheduled');
        await row(waiting.id).getByRole('button', { name: 'Pause' }).click();
        await expect.poll(() => status(waiting.id)).toBe('paused');
        expect((await outdial.batches.get(waiting.id)).status).toBe('paused');
        await row(waiting.id).getByRole('button', { name: 'Resume' }).click();
        await expect.poll(() => status(waiting.id)).toBe('scheduled');
        expect((await outdial.batches.get(waiting.id)).status).toBe('scheduled');

        // A batch that finished since the page read it: the API's 409 message, as it is. The
        // page's re-reads are held (then let through) so that it still shows the batch waiting.
        const held: Route[] = [];
        const isBatchList = (url: URL) => url.pathname === '/api/v1/batches';
        await page.route(isBatchList, (route) => void held.push(route));
        await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
        await outdial.batches.cancel(doomed.id);
        await row(doomed.id).getByRole('button', { name: 'Pause' }).click();
        await expect
          .poll(() => row(doomed.id).getByRole('alert').textContent())
          .toBe('Batch has already finished: cancelled');
        for (const route of held) await route.continue();
        await page.unroute(isBatchList);
        await expect.poll(() => status(doomed.id)).toBe('cancelled');
        expect(await row(doomed.id).getByRole('button').count()).toBe(0);

        // A batch's page: counters, settings, and its calls (the retry among them).
        await row(dialing.id).getByRole('link', { name: 'Console renewals' }).click();
        await page.getByRole('heading', { name: 'Batch Console renewals' }).waitFor();
        const counter = (key: string) => page.locator(`tr[data-counter="${key}"] td`).textContent();
        expect([await counter('completed'), await counter('busy'), await counter('total')]).toEqual([
          '2',
          '1',
          '3',
        ]);
        expect(await page.locator('dl.details').textContent()).toContain(
          'Up to 2 attempts, on busy, 0 s apart',
        );
        await page.getByRole('link', { name: 'Calls of this batch' }).click();
        expect(await page.getByLabel('Batch ID').inputValue()).toBe(dialing.id);
        const callRows = page.locator('tr[data-call-id]');
        await expect.poll(() => callRows.count()).toBe(4);
        const calls = await outdial.calls.list({ batchId: dialing.id }).toArray();
        expect(
          await callRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-call-id')).toSorted()),
        ).toEqual(calls.map((c) => c.id).toSorted());
        expect(calls.filter((c) => c.attempt === 2)).toMatchObject([
          { phoneNumber: '+15005550001', status: 'busy' },
        ]);

        // Cancel from a batch's page.
        await goTo(page, `#/batches/${waiting.id}`);
        await page.getByRole('heading', { name: 'Batch Console next week' }).waitFor();
        const details = await page.locator('dl.details').textContent();
        expect(details).toContain('09:00–17:30 America/New_York, Mon, Tue, Wed, Thu, Fri');
        expect(details).toContain('Up to 3 attempts, on busy or no answer, 600 s apart');
        expect(await counter('scheduled')).toBe('2');
        await page.getByRole('button', { name: 'Cancel batch' }).click();
        await expect.poll(() => page.locator('.call-status [data-status]').textContent()).toBe('cancelled');
        expect([await counter('scheduled'), await counter('cancelled')]).toEqual(['0', '2']);
        expect(await page.locator('main').getByRole('button').count()).toBe(0);
        expect((await outdial.batches.get(waiting.id)).counters).toMatchObject({ total: 2, cancelled: 2 });

        await page.getByRole('link', { name: 'Batches' }).click();
        await expect.poll(() => status(waiting.id)).toBe('cancelled');
        await page.screenshot({ path: artifact('console-batches.png'), fullPage: true });
        console.info(`console batches screenshot: ${artifact('console-batches.png')}`);
        // Every batch on the page is final: it stops reading them.
        const requestsBefore = requested.length;
        await page.waitForTimeout(2_500);
        expect(requested.slice(requestsBefore).filter((url) => url.includes('/api/v1/batches'))).toEqual([]);
        expectNothingOffTheMachine(page, 409);
        await page.close();
      } finally {
        if (!released) await slot.release();
      }
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'is usable at 375 px: nothing wider than the screen, every field labelled, focus visible',
    async () => {
      const page = await openConsole('#/place');
      await page.setViewportSize({ width: 375, height: 800 });
      await signIn(page);
      for (const hash of ['#/place', '#/calls', '#/queue', '#/batches', '#/webhooks']) {
        await goTo(page, hash);
        await page.locator('main h1').waitFor();
        expect(await inPage(page, 'document.documentElement.scrollWidth'), hash).toBeLessThanOrEqual(375);
        const unlabelled = await inPage(
          page,
          `[...document.querySelectorAll('main input, main select, main textarea')]
            .filter((f) => f.labels.length === 0 && !f.getAttribute('aria-label'))
            .map((f) => f.outerHTML)`,
        );
        expect(unlabelled, hash).toEqual([]);
      }
      // The keyboard reaches the navigation, and the focused link is outlined.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const outline = await inPage(page, 'getComputedStyle(document.activeElement).outlineStyle');
      expect(outline).toBe('solid');
      expectNothingOffTheMachine(page);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'renders the first page of 1,000 calls, and pages on with the cursor',
    async () => {
      // Call ids are `call_` and a ULID: 22 characters here, and the call's number.
      const SEEDED_ID = 'call_01JD7ZK5W8Q3N2M4P6R8T0';
      const startedAt = Date.now();
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        ...newCallRow({
          id: `${SEEDED_ID}${String(i).padStart(4, '0')}`,
          organization_id: t.globex.id,
          started_at: new Date(startedAt - (1000 - i) * 1000).toISOString(),
          agent_id: t.globex.voiceAgentId,
          agent_name: 'Globex voice',
          // What the server stores for a call (the caller ID is in its metadata, as for LiveKit).
          metadata: JSON.stringify({
            caller_id: '+14155552001',
            from_phone_number: '+14155552001',
            priority: 5,
          }),
        }),
        status: 'completed' as const,
        duration: 42,
      }));
      await t.db.insertInto('calls').values(rows).execute();
      const page = await openConsole();
      await signIn(page, t.globex.apiKey);
      // Timed in the page, from the start of a full load (the tab is signed in: sessionStorage)
      // to the first page of rows on screen.
      await goTo(page, '#/calls');
      await page.reload();
      const firstRenderMs = await page
        .waitForFunction(() => {
          // A function, not a string: the page's CSP forbids eval. No DOM types here, hence the cast.
          const { document } = globalThis as unknown as { document: { querySelector(s: string): unknown } };
          return document.querySelector('tr[data-call-id], [role=alert]') !== null && performance.now();
        })
        .then(async (handle) => (await handle.jsonValue()) as number);
      expect(
        await page.locator('[role=alert]').count(),
        (await page.locator('main').textContent()) ?? '',
      ).toBe(0);
      console.info(`console first render of the calls page with 1,000 calls: ${firstRenderMs.toFixed(0)} ms`);
      const ids = () =>
        page.locator('tr[data-call-id]').evaluateAll((r) => r.map((e) => e.getAttribute('data-call-id')));
      expect(await ids()).toEqual(
        Array.from({ length: 25 }, (_, i) => `${SEEDED_ID}${String(999 - i).padStart(4, '0')}`),
      );
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect
        .poll(ids)
        .toEqual(Array.from({ length: 25 }, (_, i) => `${SEEDED_ID}${String(974 - i).padStart(4, '0')}`));
      await page.getByRole('button', { name: 'Previous page' }).click();
      await expect.poll(() => ids().then((r) => r[0])).toBe(`${SEEDED_ID}0999`);
      // The filters go to the API: a status no call has shows none.
      await page.getByLabel('Status').selectOption('busy');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('No calls.').waitFor();
      expectNothingOffTheMachine(page);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
