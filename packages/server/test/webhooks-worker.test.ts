/**
 * Webhook delivery from the worker thread (`webhookDispatch: 'worker'`: the default on PostgreSQL,
 * chosen here on a SQLite file the thread opens again; the system clock), end to end over HTTP to
 * real receivers:
 * signatures as `standardwebhooks` verifies them, to endpoints and to a call's own webhookUrl; the
 * first retry's due time; a manual retry and a test event woken from the API; 410 disabling an
 * endpoint; the per-endpoint concurrency with one call's events in order; SSRF refusals. What
 * needs the clock moved (the full schedule, rotations' 24 h, five failing days) is proven on the
 * in-process dispatcher, the same code, in webhooks.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer, startServerWith } from '../src/server/start-server';
import { openPostgresStores } from '../src/store/postgres/postgres-stores';
import { createTestSchema } from './support/postgres-database';
import { FAST_TIMINGS, startTestServer, TERMINAL, type TestServer, waitForCall } from './support/test-server';
import {
  attemptsReach,
  callEvents,
  createEndpoint,
  deliveriesOf,
  headersOf,
  placeCall,
  signatureMatches,
  verifies,
  WAIT,
} from './support/webhook-api';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const dir = mkdtempSync(join(tmpdir(), 'outdial-webhooks-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let databases = 0;
const workerServer = (options: Parameters<typeof startTestServer>[0] = {}) =>
  startTestServer({
    dbPath: join(dir, `outdial-${++databases}.db`),
    webhookDispatch: 'worker',
    webhookPollIntervalMs: 10,
    ...options,
  });

const receivers: WebhookReceiver[] = [];
async function receiver(...args: Parameters<typeof startWebhookReceiver>): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(...args);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe('webhook delivery from the worker thread', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await workerServer({ webhookAllowPrivate: true });
  });
  afterAll(() => t.close());

  it("delivers a call's events to an endpoint and to the call's webhookUrl, signed as Standard Webhooks verifies", async () => {
    const hooks = await receiver();
    const own = await receiver();
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const orgSecret = await t.server.admin.webhookSecret(t.acme.id);
    const callId = await placeCall(t, { webhookUrl: own.url });
    await waitForCall(t, callId, (c) => TERMINAL.includes(c.status));
    const events = await callEvents(t, callId);
    await vi.waitFor(() => expect(hooks.received).toHaveLength(events.length), WAIT);
    expect(hooks.received.map((r) => r.json)).toEqual(events);
    expect(hooks.received.map((r) => r.id)).toEqual(events.map((e) => e.id));
    for (const request of hooks.received) expect(verifies(endpoint.secret, request)).toBe(true);
    expect(
      new Webhook(endpoint.secret).verify(hooks.received[0]?.body ?? '', headersOf(hooks.received[0])),
    ).toEqual(events[0]);
    await vi.waitFor(() => expect(own.received).toHaveLength(events.length), WAIT);
    for (const request of own.received) expect(signatureMatches(orgSecret, request)).toBe(true);
    await vi.waitFor(async () => {
      const log = await deliveriesOf(t, endpoint.id);
      expect(log.map((d) => d.status)).toEqual(events.map(() => 'succeeded'));
    }, WAIT);
  });

  it('schedules the first retry 5 s after a failure, and re-sends at once on a manual retry', async () => {
    const hooks = await receiver({ status: 500, body: 'down' });
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const test = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    expect(test.status).toBe(202);
    const failed = await attemptsReach(t, endpoint.id, test.body.data.id, 1);
    expect(failed.status).toBe('pending');
    expect(failed.attempts[0]).toMatchObject({ statusCode: 500, error: 'HTTP 500', responseBody: 'down' });
    expect(Date.parse(failed.nextAttemptAt) - Date.parse(failed.attempts[0].at)).toBeGreaterThanOrEqual(5000);
    hooks.answerWith({ status: 204 });
    const retried = await t.request(
      `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${test.body.data.id}/retry`,
      { method: 'POST' },
    );
    expect(retried.status).toBe(202);
    const delivered = await attemptsReach(t, endpoint.id, test.body.data.id, 2);
    expect(delivered.status).toBe('succeeded');
    expect(hooks.received.map((r) => r.id)).toEqual([test.body.data.eventId, test.body.data.eventId]);
  });

  it('disables an endpoint that answers 410 Gone', async () => {
    const hooks = await receiver({ status: 410 });
    const endpoint = await createEndpoint(t, { url: hooks.url });
    await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    await vi.waitFor(async () => {
      const got = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}`);
      expect(got.body.data).toMatchObject({ status: 'disabled', disabledReason: 'gone' });
    }, WAIT);
    const [delivery] = await deliveriesOf(t, endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
  });
});

describe('webhook delivery from the worker thread: ordering and concurrency', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await workerServer({ webhookAllowPrivate: true, webhookConcurrencyPerEndpoint: 2 });
  });
  afterAll(() => t.close());

  it("sends one call's events in sequence order, at most the endpoint's concurrency at once", async () => {
    const hooks = await receiver();
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    hooks.answerWith(async () => {
      await gate;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
      return { status: 200 };
    });
    await createEndpoint(t, { url: hooks.url });
    const callIds = await Promise.all(Array.from({ length: 6 }, () => placeCall(t)));
    for (const callId of callIds) await waitForCall(t, callId, (c) => TERMINAL.includes(c.status));
    open();
    let expected = 0;
    for (const callId of callIds) expected += (await callEvents(t, callId)).length;
    await vi.waitFor(() => expect(hooks.received).toHaveLength(expected), WAIT);
    for (const callId of callIds) {
      const sequences = hooks.received.filter((r) => r.json.data.id === callId).map((r) => r.json.sequence);
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    }
    expect(hooks.maxOpen()).toBe(2);
  }, 120_000);
});

describe('webhook delivery from the worker thread: SSRF protection', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await workerServer();
  });
  afterAll(() => t.close());

  it('refuses loopback and metadata addresses', async () => {
    const hooks = await receiver();
    for (const url of [hooks.url, 'http://169.254.169.254/latest/meta-data/']) {
      const endpoint = await createEndpoint(t, { url });
      const test = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
      const delivery = await attemptsReach(t, endpoint.id, test.body.data.id, 1);
      expect(delivery.attempts[0].error, url).toMatch(
        /^refused: .* loopback, private, link-local or metadata address$/,
      );
    }
    expect(hooks.received).toHaveLength(0);
  });
});

// The default on PostgreSQL: the thread opens its own pool on the URL (here with the test's schema
// as its search_path, as an operator's URL may carry it).
describe.skipIf(process.env.OUTDIAL_TEST_POSTGRES === 'skip')(
  'webhook delivery from the worker thread on PostgreSQL',
  () => {
    let server: RunningServer;
    let drop: () => Promise<void> = async () => {};
    beforeAll(async () => {
      const created = await createTestSchema();
      drop = created.drop;
      const stores = await openPostgresStores({ url: created.url, schema: created.schema, poolSize: 5 });
      const url = new URL(created.url);
      url.searchParams.set('options', `-c search_path=${created.schema}`);
      server = await startServerWith(stores, {
        port: 0,
        databaseUrl: url.href,
        livekit: 'emulate',
        emulatorTimings: FAST_TIMINGS,
        dialCps: 200,
        rateLimit: false,
        logLevel: 'silent',
        webhookAllowPrivate: true,
        webhookPollIntervalMs: 10,
      });
    });
    afterAll(async () => {
      await server?.close();
      await drop();
    });

    it("delivers a call's events, signed as Standard Webhooks verifies, by default", async () => {
      const hooks = await receiver();
      const org = await server.admin.createOrganization('Worker on PostgreSQL');
      const { key } = await server.admin.createApiKey(org.id);
      const agent = await server.admin.createAgent(org.id, { name: 'voice', phoneNumbers: ['+14155553000'] });
      const api = async (path: string, body?: unknown) => {
        const response = await fetch(`${server.url}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { 'x-api-key': key, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
        return (await response.json()) as any;
      };
      const endpoint = (await api('/api/v1/webhook-endpoints', { url: hooks.url })).data;
      const call = (await api('/api/v1/calls/outbound', { agentId: agent.id, phoneNumber: '+14155552671' }))
        .data;
      await vi.waitFor(async () => {
        expect(TERMINAL).toContain((await api(`/api/v1/calls/${call.id}`)).data.status);
      }, WAIT);
      const events = (await api(`/api/v1/calls/${call.id}/events`)).data.events;
      await vi.waitFor(() => expect(hooks.received).toHaveLength(events.length), WAIT);
      expect(hooks.received.map((r) => r.json)).toEqual(events);
      for (const request of hooks.received) expect(verifies(endpoint.secret, request)).toBe(true);
    });
  },
);

describe('webhookDispatch option', () => {
  it("refuses 'worker' where a thread could not follow: ':memory:', or an injected clock", async () => {
    await expect(startServer({ port: 0, webhookDispatch: 'worker', logLevel: 'silent' })).rejects.toThrow(
      /cannot open ':memory:'/,
    );
    await expect(
      startServer({
        port: 0,
        dbPath: join(dir, 'clocked.db'),
        webhookDispatch: 'worker',
        clock: { now: () => new Date() },
        logLevel: 'silent',
      }),
    ).rejects.toThrow(/cannot read an injected clock/);
  });
});
