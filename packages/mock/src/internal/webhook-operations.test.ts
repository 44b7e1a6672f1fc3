import { HttpResponse, http } from 'msw';
import { Webhook } from 'standardwebhooks';
import { describe, expect, test } from 'vitest';
import { useMock } from '../../test/support/mock-client';

// Now, to the second: standardwebhooks checks the signed timestamp against the real clock.
let clock = new Date(Math.floor(Date.now() / 1000) * 1000);
const { mock, server, request } = useMock({ now: () => clock });
const RECEIVER = 'https://receiver.test/hooks';
const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{43}=$/;

type Received = { body: string; headers: Record<string, string> };

/** An msw receiver at RECEIVER answering `statuses` in turn (then the last one), recording each POST. */
function receiver(statuses: number[] = [204], url = RECEIVER) {
  const received: Received[] = [];
  server.use(
    http.post(url, async ({ request }) => {
      received.push({ body: await request.text(), headers: Object.fromEntries(request.headers) });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] as number;
      return new HttpResponse(status === 204 ? null : `answer ${status}`, { status });
    }),
  );
  return received;
}

const createEndpoint = async (body: Record<string, unknown> = {}, apiKey?: string) => {
  const response = await request('POST', '/api/v1/webhook-endpoints', {
    body: { url: RECEIVER, ...body },
    apiKey,
  });
  expect(response.status).toBe(201);
  return response.body.data as { id: string; secret: string; enabledEvents: string[] };
};

const placeCall = async (body: Record<string, unknown> = {}) => {
  const response = await request('POST', '/api/v1/calls/outbound', {
    body: { agentId: mock.agents.voice.id, phoneNumber: '+15005550001', ...body },
  });
  return response.body.data.id as string;
};

const verify = (received: Received, secret: string) =>
  new Webhook(secret).verify(received.body, received.headers);

describe('webhook endpoints', () => {
  test('create shows the secret once; get, list, update and delete; every call.* type by default', async () => {
    const created = await createEndpoint({ description: 'Prod' });
    expect(created.secret).toMatch(SECRET_PATTERN);
    expect(created.enabledEvents).toEqual([
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
    ]);
    const got = await request('GET', `/api/v1/webhook-endpoints/${created.id}`);
    expect(got.body.data).toEqual({ ...created, secret: undefined });
    expect(got.body.data).not.toHaveProperty('secret');
    const second = await createEndpoint({ enabledEvents: ['call.completed'] });
    const first = await request('GET', '/api/v1/webhook-endpoints?limit=1');
    expect(first.body.data.webhookEndpoints.map((e: { id: string }) => e.id)).toEqual([second.id]);
    const next = await request(
      'GET',
      `/api/v1/webhook-endpoints?limit=1&cursor=${first.body.data.pagination.nextCursor}`,
    );
    expect(next.body.data.webhookEndpoints.map((e: { id: string }) => e.id)).toEqual([created.id]);
    expect(next.body.data.pagination).toEqual({ limit: 1, hasMore: false, nextCursor: null });

    const updated = await request('PATCH', `/api/v1/webhook-endpoints/${created.id}`, {
      body: { status: 'disabled', description: null },
    });
    expect(updated.body.data).toMatchObject({ status: 'disabled', description: null, disabledReason: null });
    const deleted = await request('DELETE', `/api/v1/webhook-endpoints/${created.id}`);
    expect(deleted.body).toEqual({
      data: { id: created.id, deleted: true },
      message: 'Webhook endpoint deleted successfully',
    });
    expect((await request('GET', `/api/v1/webhook-endpoints/${created.id}`)).status).toBe(404);
  });

  test("another organization's endpoint is not found, and not listed", async () => {
    const created = await createEndpoint();
    const other = mock.otherOrganization.apiKey;
    const get = await request('GET', `/api/v1/webhook-endpoints/${created.id}`, { apiKey: other });
    expect(get.status).toBe(404);
    expect(get.body.error).toMatchObject({ type: 'not_found', message: 'Webhook endpoint not found' });
    for (const [method, path] of [
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/rotate-secret'],
      ['GET', '/deliveries'],
      ['POST', '/test'],
    ] as const) {
      const body = method === 'PATCH' ? { status: 'disabled' } : undefined;
      const response = await request(method, `/api/v1/webhook-endpoints/${created.id}${path}`, {
        apiKey: other,
        body,
      });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const listed = await request('GET', '/api/v1/webhook-endpoints', { apiKey: other });
    expect(listed.body.data.webhookEndpoints).toEqual([]);
  });

  test('validates with the messages of the contract', async () => {
    const bad = await request('POST', '/api/v1/webhook-endpoints', { body: { url: 'ftp://example.com' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      {
        field: 'url',
        message: 'Webhook URL must be an absolute http or https URL of at most 2048 characters',
      },
    ]);
    const events = await request('POST', '/api/v1/webhook-endpoints', {
      body: { url: RECEIVER, enabledEvents: [] },
    });
    expect(events.body.error.details).toEqual([
      { field: 'enabledEvents', message: 'enabledEvents must be a non-empty list of distinct event types' },
    ]);
    const created = await createEndpoint();
    const empty = await request('PATCH', `/api/v1/webhook-endpoints/${created.id}`, { body: {} });
    expect(empty.status).toBe(400);
  });
});

describe('deliveries', () => {
  test("each of a call's events, in order, signed as standardwebhooks verifies, and logged", async () => {
    const received = receiver();
    const endpoint = await createEndpoint();
    const callId = await placeCall();
    mock.setStatus(callId, 'busy');
    await mock.webhooks.idle();
    const events = received.map(
      (r) => verify(r, endpoint.secret) as { id: string; type: string; sequence: number },
    );
    expect(events.map((e) => e.type)).toEqual(['call.queued', 'call.connecting', 'call.busy']);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(received.map((r) => r.headers['webhook-id'])).toEqual(events.map((e) => e.id));
    expect(received.map((r) => JSON.parse(r.body))).toEqual(mock.events.list());
    const log = await request('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    expect(
      log.body.data.deliveries.map((d: { eventId: string; status: string }) => [d.eventId, d.status]),
    ).toEqual(events.map((e) => [e.id, 'succeeded']).reverse());
    expect(log.body.data.deliveries[0].attempts).toEqual([
      {
        at: clock.toISOString(),
        statusCode: 204,
        durationMs: expect.any(Number),
        error: null,
        responseBody: '',
      },
    ]);
  });

  test('only the subscribed types, only enabled endpoints, only the organization of the event', async () => {
    const received = receiver();
    await createEndpoint({ enabledEvents: ['call.busy'] });
    const disabled = await createEndpoint();
    await request('PATCH', `/api/v1/webhook-endpoints/${disabled.id}`, { body: { status: 'disabled' } });
    await createEndpoint({}, mock.otherOrganization.apiKey);
    mock.setStatus(await placeCall(), 'busy');
    await mock.webhooks.idle();
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(['call.busy']);
  });

  test('a failure is retried on the schedule; retry re-sends at once with the same webhook-id; 410 disables', async () => {
    const received = receiver([500, 200, 410]);
    const endpoint = await createEndpoint({ enabledEvents: ['call.queued'] });
    await placeCall();
    await mock.webhooks.idle();
    const path = `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`;
    const [pending] = (await request('GET', path)).body.data.deliveries;
    expect(pending).toMatchObject({
      status: 'pending',
      nextAttemptAt: new Date(clock.getTime() + 5_000).toISOString(),
      attempts: [{ statusCode: 500, error: 'HTTP 500', responseBody: 'answer 500' }],
    });
    const retried = await request('POST', `${path}/${pending.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.data).toMatchObject({
      id: pending.id,
      status: 'pending',
      nextAttemptAt: clock.toISOString(),
    });
    await mock.webhooks.idle();
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([pending.eventId, pending.eventId]);
    const [succeeded] = (await request('GET', `${path}?status=succeeded`)).body.data.deliveries;
    expect(succeeded).toMatchObject({ id: pending.id, nextAttemptAt: null });
    expect(succeeded.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);

    await request('POST', `${path}/${pending.id}/retry`);
    await mock.webhooks.idle();
    const gone = await request('GET', `/api/v1/webhook-endpoints/${endpoint.id}`);
    expect(gone.body.data).toMatchObject({ status: 'disabled', disabledReason: 'gone' });
    const refused = await request('POST', `${path}/${pending.id}/retry`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ type: 'webhook_endpoint_disabled' });
    expect((await request('POST', `${path}/wd_none/retry`)).body.error.message).toBe(
      'Webhook delivery not found',
    );
  });

  test('rotation: both secrets sign for 24 h on the mock clock, then only the new one', async () => {
    const received = receiver();
    const endpoint = await createEndpoint({ enabledEvents: ['call.queued'] });
    const rotated = await request('POST', `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`);
    expect(rotated.body.data).toEqual({
      secret: expect.stringMatching(SECRET_PATTERN),
      previousSecretExpiresAt: new Date(clock.getTime() + 24 * 3_600_000).toISOString(),
    });
    await placeCall();
    await mock.webhooks.idle();
    const [both] = received;
    expect(both?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verify(both as Received, endpoint.secret)).toBeDefined();
    expect(verify(both as Received, rotated.body.data.secret)).toBeDefined();
    const start = clock;
    try {
      clock = new Date(start.getTime() + 24 * 3_600_000);
      await placeCall();
      await mock.webhooks.idle();
      const later = received[1] as Received;
      expect(later.headers['webhook-signature']?.split(' ')).toHaveLength(1);
      // A day ahead of the real clock, so standardwebhooks would refuse the timestamp: compare with
      // the new secret's signature instead.
      const expected = await mock.webhooks.sign(JSON.parse(later.body), rotated.body.data.secret, {
        timestamp: clock,
      });
      expect(later.headers['webhook-signature']).toBe(expected.headers['webhook-signature']);
    } finally {
      clock = start;
    }
  });

  test("a call's own webhookUrl gets its events, signed with the organization's secret", async () => {
    const url = 'https://receiver.test/call-hook';
    const received = receiver([200], url);
    const callId = await placeCall({ webhookUrl: url });
    expect(mock.calls.get(callId)?.webhookUrl).toBe(url);
    mock.setStatus(callId, 'busy');
    await mock.webhooks.idle();
    expect(
      received.map((r) => (verify(r, mock.webhooks.organizationSecret) as { type: string }).type),
    ).toEqual(['call.queued', 'call.connecting', 'call.busy']);
    const rotated = await request('POST', '/api/v1/webhook-secret/rotate');
    expect(rotated.body.data.secret).toBe(mock.webhooks.organizationSecret);
    expect(mock.webhooks.otherOrganizationSecret).not.toBe(mock.webhooks.organizationSecret);
  });

  test('sendTest delivers a signed webhook.test event and logs it; a disabled endpoint answers 409', async () => {
    const received = receiver();
    const endpoint = await createEndpoint();
    const sent = await request('POST', `/api/v1/webhook-endpoints/${endpoint.id}/test`);
    expect(sent.status).toBe(202);
    expect(sent.body.data).toMatchObject({ eventType: 'webhook.test', status: 'pending' });
    await mock.webhooks.idle();
    expect(verify(received[0] as Received, endpoint.secret)).toMatchObject({
      type: 'webhook.test',
      data: { endpointId: endpoint.id },
    });
    await request('PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`, { body: { status: 'disabled' } });
    expect((await request('POST', `/api/v1/webhook-endpoints/${endpoint.id}/test`)).status).toBe(409);
  });
});

describe('mock.webhooks.sign', () => {
  test('signs as a delivery is signed, verifiable with standardwebhooks, at a chosen time', async () => {
    mock.setStatus(await placeCall(), 'busy');
    const [event] = mock.events.list();
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Hy7ZpCR1Ko=';
    const signed = await mock.webhooks.sign(event, secret, { timestamp: new Date('2025-12-01T15:00:00Z') });
    expect(signed.body).toBe(JSON.stringify(event));
    expect(signed.headers).toMatchObject({ 'webhook-id': event?.id, 'webhook-timestamp': '1764601200' });
    expect(() => new Webhook(secret).verify(signed.body, signed.headers)).toThrow(/timestamp/i); // too old for it
    const fresh = await mock.webhooks.sign(event, [secret]);
    expect(new Webhook(secret).verify(fresh.body, fresh.headers)).toEqual(event);
  });
});
