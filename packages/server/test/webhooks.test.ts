/**
 * Webhook endpoints and their deliveries over HTTP, to real receivers on loopback: the endpoints
 * API and its organization scoping; Standard Webhooks signatures as a third party
 * (`standardwebhooks`) verifies them, through rotations; a call's own webhookUrl; the retry
 * schedule on a clock the test moves; 410 and five failing days disabling an endpoint; SSRF
 * refusals and redirects; response truncation; and one call's events in order under concurrency.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AdvancingClock, advancingClock } from './support/advancing-clock';
import { startTestServer, TERMINAL, type TestServer, waitForCall } from './support/test-server';
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

const CALL_EVENT_TYPES = [
  'call.scheduled',
  'call.queued',
  'call.connecting',
  'call.ringing',
  'call.active',
  'call.completed',
  'call.failed',
  'call.cancelled',
  'call.no_answer',
  'call.busy',
];
const SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;
/** Svix's schedule, after the first (immediate) attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
const RETRY_DELAYS_MS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000].map((seconds) => seconds * 1000);

const receivers: WebhookReceiver[] = [];
async function receiver(...args: Parameters<typeof startWebhookReceiver>): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(...args);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe('webhook endpoints API', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ webhookAllowPrivate: true });
  });
  afterAll(() => t.close());

  it('creates, reads, lists, updates and deletes endpoints, showing the secret only on create', async () => {
    const created = await createEndpoint(t, { url: 'https://example.com/a', description: 'first' });
    expect(created).toMatchObject({
      url: 'https://example.com/a',
      description: 'first',
      enabledEvents: CALL_EVENT_TYPES,
      status: 'enabled',
      disabledReason: null,
    });
    expect(created.secret).toMatch(SECRET);
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    const second = await createEndpoint(t, {
      url: 'https://example.com/b',
      enabledEvents: ['call.completed'],
    });

    const got = await t.request(`/api/v1/webhook-endpoints/${created.id}`);
    expect(got.status).toBe(200);
    expect(got.body.data).not.toHaveProperty('secret');
    expect(got.body.data.id).toBe(created.id);

    const first = await t.request('/api/v1/webhook-endpoints?limit=1');
    expect(first.body.data.webhookEndpoints.map((e: { id: string }) => e.id)).toEqual([second.id]);
    expect(first.body.data.pagination).toMatchObject({ limit: 1, hasMore: true });
    const next = await t.request(
      `/api/v1/webhook-endpoints?limit=1&cursor=${first.body.data.pagination.nextCursor}`,
    );
    expect(next.body.data.webhookEndpoints.map((e: { id: string }) => e.id)).toEqual([created.id]);

    const patched = await t.request(`/api/v1/webhook-endpoints/${created.id}`, {
      method: 'PATCH',
      body: { description: null, enabledEvents: ['call.failed'], status: 'disabled' },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.data).toMatchObject({
      description: null,
      enabledEvents: ['call.failed'],
      status: 'disabled',
      disabledReason: null,
    });

    const deleted = await t.request(`/api/v1/webhook-endpoints/${created.id}`, { method: 'DELETE' });
    expect(deleted.body).toEqual({
      data: { id: created.id, deleted: true },
      message: 'Webhook endpoint deleted successfully',
    });
    expect((await t.request(`/api/v1/webhook-endpoints/${created.id}`)).status).toBe(404);
  });

  it('rotates an endpoint secret and the organization secret, each shown once', async () => {
    const created = await createEndpoint(t, { url: 'https://example.com/rotate' });
    const rotated = await t.request(`/api/v1/webhook-endpoints/${created.id}/rotate-secret`, {
      method: 'POST',
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.secret).toMatch(SECRET);
    expect(rotated.body.data.secret).not.toBe(created.secret);
    expect(Date.parse(rotated.body.data.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const before = await t.server.admin.webhookSecret(t.acme.id);
    const org = await t.request('/api/v1/webhook-secret/rotate', { method: 'POST' });
    expect(org.status).toBe(200);
    expect(org.body.data.secret).toMatch(SECRET);
    expect(org.body.data.secret).not.toBe(before);
    expect(await t.server.admin.webhookSecret(t.acme.id)).toBe(org.body.data.secret);
  });

  it('creates organizations with a webhook secret', async () => {
    const org = await t.server.admin.createOrganization('Initech webhooks');
    expect(org.webhookSecret).toMatch(SECRET);
    expect(await t.server.admin.webhookSecret(org.id)).toBe(org.webhookSecret);
  });

  it('answers bad input with a 400 in the error envelope', async () => {
    const bad = async (body: unknown, method = 'POST', path = '/api/v1/webhook-endpoints') => {
      const response = await t.request(path, { method, body });
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.type).toBe('validation_error');
      return response.body.error.message as string;
    };
    expect(await bad({})).toMatch(/url/i);
    expect(await bad({ url: 'ftp://example.com/x' })).toContain(
      'Webhook URL must be an absolute http or https URL of at most 2048 characters',
    );
    expect(await bad({ url: `https://example.com/${'a'.repeat(2048)}` })).toContain('Webhook URL');
    expect(await bad({ url: 'https://example.com', enabledEvents: [] })).toContain('enabledEvents');
    expect(await bad({ url: 'https://example.com', enabledEvents: ['call.exploded'] })).toContain(
      'enabledEvents',
    );
    expect(await bad({ url: 'https://example.com', secret: 'mine' })).toBeTruthy();
    const endpoint = await createEndpoint(t, { url: 'https://example.com/v' });
    await bad({}, 'PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`);
    await bad({ status: 'paused' }, 'PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`);
    const call = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671', webhookUrl: 'file:///etc/passwd' },
    });
    expect(call.status).toBe(400);
    expect(call.body.error.message).toContain('Webhook URL');
    const cursor = await t.request('/api/v1/webhook-endpoints?cursor=nonsense');
    expect(cursor.status).toBe(400);
  });

  it('keeps endpoints and deliveries within their organization (404 elsewhere)', async () => {
    const endpoint = await createEndpoint(t, { url: 'https://example.com/acme' });
    const test = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    expect(test.status).toBe(202);
    const key = t.globex.apiKey;
    const base = `/api/v1/webhook-endpoints/${endpoint.id}`;
    for (const [method, path, type] of [
      ['GET', base, 'not_found'],
      ['PATCH', base, 'not_found'],
      ['DELETE', base, 'not_found'],
      ['POST', `${base}/rotate-secret`, 'not_found'],
      ['GET', `${base}/deliveries`, 'not_found'],
      ['POST', `${base}/test`, 'not_found'],
      ['POST', `${base}/deliveries/${test.body.data.id}/retry`, 'not_found'],
    ] as const) {
      const response = await t.request(path, {
        method,
        key,
        ...(method === 'PATCH' ? { body: { description: 'x' } } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error.type).toBe(type);
    }
    const listed = await t.request('/api/v1/webhook-endpoints', { key });
    expect(listed.body.data.webhookEndpoints.map((e: { id: string }) => e.id)).not.toContain(endpoint.id);
    const missing = await t.request(`${base}/deliveries/wd_01JD7ZK5WAB2C3D4E5F6G7H8J9/retry`, {
      method: 'POST',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Webhook delivery not found');
    const gone = await t.request('/api/v1/webhook-endpoints/we_missing');
    expect(gone.body.error.message).toBe('Webhook endpoint not found');
  });
});

describe('webhook deliveries', () => {
  let t: TestServer;
  let clock: AdvancingClock;
  beforeAll(async () => {
    clock = advancingClock();
    t = await startTestServer({ webhookAllowPrivate: true, webhookPollIntervalMs: 10, clock });
  });
  afterAll(() => t.close());

  it("delivers each of a call's events, signed as Standard Webhooks verifies, with the events API's JSON", async () => {
    const hooks = await receiver();
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const other = await createEndpoint(t, { url: hooks.url, enabledEvents: ['call.queued'] });
    const callId = await placeCall(t);
    await waitForCall(t, callId, (c) => TERMINAL.includes(c.status));
    const events = await callEvents(t, callId);
    const forEndpoint = () =>
      hooks.received.filter((r) => r.json?.data?.id === callId && verifies(endpoint.secret, r));
    await vi.waitFor(() => expect(forEndpoint()).toHaveLength(events.length), WAIT);
    // The body is the event exactly as the events API returns it; the webhook-id is its id.
    expect(forEndpoint().map((r) => r.json)).toEqual(events);
    expect(forEndpoint().map((r) => r.id)).toEqual(events.map((e) => e.id));
    const verified = new Webhook(endpoint.secret).verify(
      forEndpoint()[0]?.body ?? '',
      headersOf(forEndpoint()[0]),
    );
    expect(verified).toEqual(events[0]);
    // The other endpoint subscribed to call.queued only, and its secret is its own.
    await vi.waitFor(
      () => expect(hooks.received.filter((r) => verifies(other.secret, r))).toHaveLength(1),
      WAIT,
    );
    expect(hooks.received.filter((r) => verifies(other.secret, r))[0]?.json.type).toBe('call.queued');
    // An attempt is logged once the receiver's answer is read, a moment after the receiver saw
    // the request: wait for the log, not for a time.
    const log = await vi.waitFor(async () => {
      const deliveries = await deliveriesOf(t, endpoint.id);
      expect(
        deliveries
          .filter((d) => d.status === 'succeeded')
          .map((d) => d.eventId)
          .sort(),
      ).toEqual(events.map((e) => e.id).sort());
      return deliveries;
    }, WAIT);
    expect(log[0]).toMatchObject({ endpointId: endpoint.id, nextAttemptAt: null });
    expect(log[0].attempts[0]).toMatchObject({ statusCode: 200, error: null, responseBody: 'ok' });
    // A whole call's progression and its deliveries: more than the default 5 s when CI's suites
    // share the two cores (the waits above are bounded by WAIT, not by this).
  }, 30_000);

  it("never sends one organization's events to another organization's endpoint", async () => {
    const acmeHooks = await receiver();
    const globexHooks = await receiver();
    await createEndpoint(t, { url: acmeHooks.url });
    const globexEndpoint = await createEndpoint(t, { url: globexHooks.url }, t.globex.apiKey);
    const callId = await placeCall(t);
    await waitForCall(t, callId, (c) => TERMINAL.includes(c.status));
    const events = await callEvents(t, callId);
    await vi.waitFor(
      () => expect(acmeHooks.received.filter((r) => r.json?.data?.id === callId)).toHaveLength(events.length),
      WAIT,
    );
    // Globex's endpoint is owed nothing of Acme's call: no request, and nothing in its log.
    expect(globexHooks.received).toEqual([]);
    const log = await t.request(`/api/v1/webhook-endpoints/${globexEndpoint.id}/deliveries`, {
      key: t.globex.apiKey,
    });
    expect(log.status, log.text).toBe(200);
    expect(log.body.data.deliveries).toEqual([]);
  });

  it('signs with both secrets while a rotated one is valid, and with the new one only after 24 h', async () => {
    const hooks = await receiver();
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const rotated = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {
      method: 'POST',
    });
    const newSecret = rotated.body.data.secret as string;
    await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    await vi.waitFor(() => expect(hooks.received).toHaveLength(1), WAIT);
    const [during] = hooks.received;
    expect(String(during?.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifies(endpoint.secret, during)).toBe(true);
    expect(verifies(newSecret, during)).toBe(true);
    expect(during?.json).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });

    clock.advance(24 * 3600_000 + 1000);
    await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    await vi.waitFor(() => expect(hooks.received).toHaveLength(2), WAIT);
    const after = hooks.received[1];
    expect(String(after?.headers['webhook-signature']).split(' ')).toHaveLength(1);
    // Timestamps follow the moved clock; standardwebhooks checks them against the real one.
    expect(signatureMatches(newSecret, after)).toBe(true);
    expect(signatureMatches(endpoint.secret, after)).toBe(false);
  });

  it("sends a call's events to its own webhookUrl, signed with the organization's secret, through rotation", async () => {
    const hooks = await receiver();
    const orgSecret = await t.server.admin.webhookSecret(t.acme.id);
    const callId = await placeCall(t, { webhookUrl: hooks.url });
    const call = await waitForCall(t, callId, (c) => TERMINAL.includes(c.status));
    expect(call.webhookUrl).toBe(hooks.url);
    const events = await callEvents(t, callId);
    await vi.waitFor(() => expect(hooks.received).toHaveLength(events.length), WAIT);
    expect(hooks.received.map((r) => r.json)).toEqual(events);
    for (const request of hooks.received) expect(signatureMatches(orgSecret, request)).toBe(true);

    const rotated = await t.request('/api/v1/webhook-secret/rotate', { method: 'POST' });
    const second = await placeCall(t, { webhookUrl: hooks.url });
    await waitForCall(t, second, (c) => TERMINAL.includes(c.status));
    const secondEvents = await callEvents(t, second);
    await vi.waitFor(() => expect(hooks.received).toHaveLength(events.length + secondEvents.length), WAIT);
    const later = hooks.received.filter((r) => r.json.data.id === second);
    for (const request of later) {
      expect(signatureMatches(orgSecret, request)).toBe(true);
      expect(signatureMatches(rotated.body.data.secret, request)).toBe(true);
    }
    // Globex's secret signs nothing of Acme's.
    const globexSecret = await t.server.admin.webhookSecret(t.globex.id);
    expect(hooks.received.some((r) => signatureMatches(globexSecret, r))).toBe(false);
  });

  it('retries on the schedule immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then fails', async () => {
    const hooks = await receiver({ status: 500, body: 'down' });
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const test = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    expect(test.status).toBe(202);
    expect(test.body.data).toMatchObject({ status: 'pending', attempts: [] });
    let delivery = await attemptsReach(t, endpoint.id, test.body.data.id, 1);
    for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
      const last = delivery.attempts.at(-1);
      expect(delivery.status).toBe('pending');
      expect(Date.parse(delivery.nextAttemptAt) - Date.parse(last.at)).toBeGreaterThanOrEqual(delay);
      expect(Date.parse(delivery.nextAttemptAt) - Date.parse(last.at)).toBeLessThan(delay + 5000);
      clock.advance(delay);
      delivery = await attemptsReach(t, endpoint.id, test.body.data.id, index + 2);
    }
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(delivery.attempts).toHaveLength(8);
    expect(delivery.attempts[0]).toMatchObject({ statusCode: 500, error: 'HTTP 500', responseBody: 'down' });
    // Every attempt carried the same webhook-id.
    expect(new Set(hooks.received.map((r) => r.id))).toEqual(new Set([test.body.data.eventId]));
    expect(hooks.received).toHaveLength(8);

    // A manual retry sends once more now, with the same webhook-id.
    hooks.answerWith({ status: 204 });
    const retried = await t.request(
      `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${test.body.data.id}/retry`,
      {
        method: 'POST',
      },
    );
    expect(retried.status).toBe(202);
    expect(retried.body.data.status).toBe('pending');
    delivery = await attemptsReach(t, endpoint.id, test.body.data.id, 9);
    expect(delivery.status).toBe('succeeded');
    expect(hooks.received.at(-1)?.id).toBe(test.body.data.eventId);
    expect((await deliveriesOf(t, endpoint.id, '&status=succeeded')).map((d) => d.id)).toEqual([
      test.body.data.id,
    ]);
  });

  it('disables an endpoint that answers 410 Gone, and refuses retries and tests until it is enabled', async () => {
    const hooks = await receiver({ status: 410 });
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const test = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    await vi.waitFor(async () => {
      const got = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}`);
      expect(got.body.data).toMatchObject({ status: 'disabled', disabledReason: 'gone' });
    }, WAIT);
    const [delivery] = await deliveriesOf(t, endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
    const retry = await t.request(
      `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${test.body.data.id}/retry`,
      {
        method: 'POST',
      },
    );
    expect(retry.status).toBe(409);
    expect(retry.body.error).toMatchObject({
      type: 'webhook_endpoint_disabled',
      message: 'Webhook endpoint is disabled; enable it first',
    });
    expect(
      (await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' })).status,
    ).toBe(409);
    // Disabled endpoints are owed nothing.
    const callId = await placeCall(t);
    await waitForCall(t, callId, (c) => TERMINAL.includes(c.status));
    expect(await deliveriesOf(t, endpoint.id)).toHaveLength(1);
    const enabled = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}`, {
      method: 'PATCH',
      body: { status: 'enabled' },
    });
    expect(enabled.body.data).toMatchObject({ status: 'enabled', disabledReason: null });
    expect(hooks.received).toHaveLength(1);
  });

  it('disables an endpoint that has failed every delivery for 5 days', async () => {
    const hooks = await receiver({ status: 503 });
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const first = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    await attemptsReach(t, endpoint.id, first.body.data.id, 1);
    clock.advance(4 * 24 * 3600_000);
    const second = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    await attemptsReach(t, endpoint.id, second.body.data.id, 1);
    expect((await t.request(`/api/v1/webhook-endpoints/${endpoint.id}`)).body.data.status).toBe('enabled');
    clock.advance(24 * 3600_000);
    const third = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    await attemptsReach(t, endpoint.id, third.body.data.id, 1);
    const got = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}`);
    expect(got.body.data).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
    expect((await deliveriesOf(t, endpoint.id, '&status=pending')).length).toBe(0);
  });

  it('stores at most 64 KiB of a response body', async () => {
    const hooks = await receiver({ status: 200, body: 'x'.repeat(100 * 1024) });
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const test = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    const delivery = await attemptsReach(t, endpoint.id, test.body.data.id, 1);
    expect(delivery.status).toBe('succeeded');
    expect(delivery.attempts[0].responseBody).toHaveLength(64 * 1024);
  });

  it('does not follow a redirect', async () => {
    const target = await receiver();
    const redirecting = await receiver({ status: 302, headers: { location: target.url } });
    const endpoint = await createEndpoint(t, { url: redirecting.url });
    const test = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
    const delivery = await attemptsReach(t, endpoint.id, test.body.data.id, 1);
    expect(delivery.attempts[0]).toMatchObject({ statusCode: 302, error: 'HTTP 302' });
    expect(delivery.status).toBe('pending');
    expect(target.received).toHaveLength(0);
  });
});

describe('webhook ordering and concurrency', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      webhookAllowPrivate: true,
      webhookPollIntervalMs: 10,
      webhookConcurrencyPerEndpoint: 3,
    });
  });
  afterAll(() => t.close());

  it("sends one call's events in sequence order, calls side by side, at most the concurrency at once", async () => {
    const hooks = await receiver();
    // Nothing is answered until every call has ended, so every call's events are due at once;
    // then each answer waits a little (randomly), so deliveries sent together would overtake
    // each other.
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // In order means one at a time: a call's next event is sent once its previous one is answered.
    const callsInFlight = new Set<string>();
    let overlaps = 0;
    hooks.answerWith(async (request) => {
      const callId = request.json.data.id as string;
      if (callsInFlight.has(callId)) overlaps += 1;
      callsInFlight.add(callId);
      await gate;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      callsInFlight.delete(callId);
      return { status: 200 };
    });
    const endpoint = await createEndpoint(t, { url: hooks.url });
    const callIds = await Promise.all(Array.from({ length: 15 }, () => placeCall(t)));
    for (const callId of callIds) await waitForCall(t, callId, (c) => TERMINAL.includes(c.status));
    open();
    let expected = 0;
    for (const callId of callIds) expected += (await callEvents(t, callId)).length;
    await vi.waitFor(() => expect(hooks.received).toHaveLength(expected), WAIT);
    for (const callId of callIds) {
      const sequences = hooks.received.filter((r) => r.json.data.id === callId).map((r) => r.json.sequence);
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    }
    expect(overlaps).toBe(0);
    expect(hooks.maxOpen()).toBe(3);
    await vi.waitFor(
      async () => expect(await deliveriesOf(t, endpoint.id, '&status=pending')).toEqual([]),
      WAIT,
    );
  }, 120_000);
});

describe('webhook SSRF protection (OUTDIAL_WEBHOOK_ALLOW_PRIVATE off)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ webhookPollIntervalMs: 10 });
  });
  afterAll(() => t.close());

  it('refuses loopback, private, link-local and metadata addresses, judged on the resolved address', async () => {
    const hooks = await receiver();
    for (const url of [
      hooks.url,
      `http://localhost:${hooks.port}/hooks`,
      `http://[::1]:${hooks.port}/hooks`,
      'http://10.1.2.3/hooks',
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      const endpoint = await createEndpoint(t, { url });
      const test = await t.request(`/api/v1/webhook-endpoints/${endpoint.id}/test`, { method: 'POST' });
      const delivery = await attemptsReach(t, endpoint.id, test.body.data.id, 1);
      expect(delivery.attempts[0], url).toMatchObject({ statusCode: null });
      expect(delivery.attempts[0].error, url).toMatch(
        /^refused: .* loopback, private, link-local or metadata address$/,
      );
    }
    expect(hooks.received).toHaveLength(0);
  });
});
