/**
 * The webhooks contract (issue 12, phase 2), run against every target like the Calls API suite:
 * endpoint CRUD, validation, organization isolation, secret rotation, and deliveries to a local
 * receiver, each verified with `verifyWebhook` from `@outdial/sdk/webhooks`. Through the SDK.
 */
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  Outdial,
  type OutdialEvent,
  TERMINAL_STATUSES,
} from '@outdial/sdk';
import { verifyWebhook, type WebhookEvent } from '@outdial/sdk/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TARGETS, type TargetHandle } from './contract-targets';
import {
  type LocalWebhookReceiver,
  type ReceivedWebhook,
  startLocalWebhookReceiver,
} from './local-webhook-receiver';

const SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;
const DAY_MS = 24 * 3_600_000;
let uniqueNumber = 0;
/** A number no other test uses (the 555 block, which ring, answer and complete). */
const freshNumber = () => `+1312556${String(1000 + uniqueNumber++).padStart(4, '0')}`;

const verified = (received: ReceivedWebhook, secret: string | string[]): Promise<WebhookEvent> =>
  verifyWebhook(received.body, received.headers, secret);

describe.each(CONTRACT_TARGETS)('the webhooks contract on the $name', ({ start }) => {
  let target: TargetHandle;
  let outdial: Outdial;
  let other: Outdial;
  let receiver: LocalWebhookReceiver;
  let path = 0;
  /** A receiver URL of its own for each case, so no case reads another's deliveries. */
  const receiverUrl = () => `${receiver.url}/hooks/${path++}`;

  beforeAll(async () => {
    target = await start();
    receiver = await startLocalWebhookReceiver();
    outdial = new Outdial({ apiKey: target.apiKey, baseUrl: target.baseUrl, maxRetries: 0 });
    other = new Outdial({ apiKey: target.otherApiKey, baseUrl: target.baseUrl, maxRetries: 0 });
  });
  afterAll(async () => {
    await receiver?.close();
    await target?.stop();
  });

  /**
   * The next deliveries to `url` that `accept` keeps, in arrival order. An endpoint gets every
   * event of the organization it subscribes to, so the calls of earlier cases reach it too.
   */
  async function nextTo(
    url: string,
    count = 1,
    accept: (event: { type: string; data: { id?: string } }) => boolean = () => true,
  ): Promise<ReceivedWebhook[]> {
    const out: ReceivedWebhook[] = [];
    while (out.length < count) {
      const received = await receiver.next(new URL(url).pathname);
      if (accept(JSON.parse(received.body))) out.push(received);
    }
    return out;
  }
  const ofCall = (callId: string) => (event: { data: { id?: string } }) => event.data.id === callId;
  const isTest = (event: { type: string }) => event.type === 'webhook.test';

  it('creates an endpoint with its secret shown once; gets, lists, updates and deletes it', async () => {
    const url = receiverUrl();
    const created = await outdial.webhookEndpoints.create({ url, description: 'Contract' });
    expect(created).toMatchObject({ url, description: 'Contract', status: 'enabled', disabledReason: null });
    expect(created.id).toMatch(/^we_/);
    expect(created.secret).toMatch(SECRET);
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
    const { secret: _secret, ...shown } = created;
    expect(await outdial.webhookEndpoints.get(created.id)).toEqual(shown);
    const second = await outdial.webhookEndpoints.create({ url, enabledEvents: ['call.completed'] });
    const firstPage = await outdial.webhookEndpoints.list({ limit: 1 });
    expect(firstPage.data.map((e) => e.id)).toEqual([second.id]);
    expect(firstPage.hasMore).toBe(true);
    const all = await outdial.webhookEndpoints.list({ limit: 1 }).toArray({ limit: 2 });
    expect(all.map((e) => e.id)).toEqual([second.id, created.id]);

    const updated = await outdial.webhookEndpoints.update(created.id, {
      description: null,
      enabledEvents: ['call.failed'],
      status: 'disabled',
    });
    expect(updated).toMatchObject({ description: null, enabledEvents: ['call.failed'], status: 'disabled' });
    await expect(outdial.webhookEndpoints.delete(created.id)).resolves.toEqual({
      id: created.id,
      deleted: true,
    });
    await expect(outdial.webhookEndpoints.get(created.id)).rejects.toSatisfy(
      (e) => e instanceof NotFoundError && e.message === 'Webhook endpoint not found',
    );
    await outdial.webhookEndpoints.delete(second.id);
  });

  it('rejects bad endpoints with the messages of the contract', async () => {
    const invalid = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: unknown) => e,
      );
    const badUrl = await invalid(outdial.webhookEndpoints.create({ url: 'ftp://example.com/hooks' }));
    expect(badUrl).toBeInstanceOf(BadRequestError);
    expect((badUrl as BadRequestError).details).toEqual([
      {
        field: 'url',
        message: 'Webhook URL must be an absolute http or https URL of at most 2048 characters',
      },
    ]);
    const noEvents = await invalid(
      outdial.webhookEndpoints.create({ url: receiverUrl(), enabledEvents: [] }),
    );
    expect((noEvents as BadRequestError).details).toEqual([
      { field: 'enabledEvents', message: 'enabledEvents must be a non-empty list of distinct event types' },
    ]);
    const created = await outdial.webhookEndpoints.create({ url: receiverUrl() });
    await expect(outdial.webhookEndpoints.update(created.id, {})).rejects.toBeInstanceOf(BadRequestError);
    await outdial.webhookEndpoints.delete(created.id);
  });

  it("keeps each organization's endpoints and deliveries to itself", async () => {
    const created = await outdial.webhookEndpoints.create({
      url: receiverUrl(),
      enabledEvents: ['call.failed'],
    });
    const id = created.id;
    for (const attempt of [
      () => other.webhookEndpoints.get(id),
      () => other.webhookEndpoints.update(id, { status: 'disabled' }),
      () => other.webhookEndpoints.delete(id),
      () => other.webhookEndpoints.rotateSecret(id),
      () => other.webhookEndpoints.listDeliveries(id).toArray(),
      () => other.webhookEndpoints.sendTest(id),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await other.webhookEndpoints.list().toArray()).map((e) => e.id)).not.toContain(id);
    expect((await outdial.webhookEndpoints.get(id)).status).toBe('enabled');
    await outdial.webhookEndpoints.delete(id);
  });

  it("delivers a call's events in sequence order, signed, the body its Event, and logs them", async () => {
    const url = receiverUrl();
    const endpoint = await outdial.webhookEndpoints.create({ url });
    const call = await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber: freshNumber() });
    const final = await outdial.calls.waitForTerminalStatus(call.id, { timeoutMs: 20_000 });
    expect(TERMINAL_STATUSES).toContain(final.status);
    const { events } = await outdial.calls.listEvents(call.id);
    const received = await nextTo(url, events.length, ofCall(call.id));
    const delivered: OutdialEvent[] = [];
    for (const request of received) {
      const event = (await verified(request, endpoint.secret)) as OutdialEvent;
      expect(request.headers['webhook-id']).toBe(event.id);
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      delivered.push(event);
    }
    expect(delivered).toEqual(events);
    const succeeded = async () =>
      (await outdial.webhookEndpoints.listDeliveries(endpoint.id, { status: 'succeeded' }).toArray())
        .map((d) => d.eventId)
        .sort();
    await expect.poll(succeeded).toEqual(events.map((e) => e.id).sort());
    await outdial.webhookEndpoints.delete(endpoint.id);
  });

  it('logs deliveries; a failed one is pending with its attempt, and retry re-sends the same webhook-id', async () => {
    const url = receiverUrl();
    const endpoint = await outdial.webhookEndpoints.create({ url, enabledEvents: ['call.queued'] });
    receiver.answer(500);
    const call = await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber: freshNumber() });
    const [failed] = await nextTo(url, 1, ofCall(call.id));
    // The target logs the attempt once the receiver's answer is in, a moment after it arrived.
    const attempted = () => outdial.webhookEndpoints.listDeliveries(endpoint.id).toArray();
    await expect.poll(async () => (await attempted())[0]?.attempts.length).toBe(1);
    const [pending] = await attempted();
    expect(pending).toMatchObject({
      endpointId: endpoint.id,
      eventId: failed?.headers['webhook-id'],
      eventType: 'call.queued',
      status: 'pending',
      attempts: [{ statusCode: 500, error: expect.any(String) }],
    });
    expect(pending?.nextAttemptAt).not.toBeNull();
    const retried = await outdial.webhookEndpoints.retryDelivery(endpoint.id, pending?.id as string);
    expect(retried).toMatchObject({ id: pending?.id, status: 'pending' });
    const [again] = await nextTo(url, 1, ofCall(call.id));
    expect(again?.headers['webhook-id']).toBe(failed?.headers['webhook-id']);
    await expect(
      outdial.webhookEndpoints.retryDelivery(endpoint.id, 'wd_01JD7ZK5WAB2C3D4E5F6G7H8J9'),
    ).rejects.toSatisfy((e) => e instanceof NotFoundError && e.message === 'Webhook delivery not found');
    await outdial.webhookEndpoints.delete(endpoint.id);
  });

  it('sends a signed webhook.test; a disabled endpoint gets nothing and answers 409', async () => {
    const url = receiverUrl();
    const endpoint = await outdial.webhookEndpoints.create({ url });
    const delivery = await outdial.webhookEndpoints.sendTest(endpoint.id);
    expect(delivery).toMatchObject({ endpointId: endpoint.id, eventType: 'webhook.test' });
    const [received] = await nextTo(url, 1, isTest);
    const event = await verified(received as ReceivedWebhook, endpoint.secret);
    expect(event).toMatchObject({
      id: delivery.eventId,
      type: 'webhook.test',
      data: { endpointId: endpoint.id },
    });
    await outdial.webhookEndpoints.update(endpoint.id, { status: 'disabled' });
    await expect(outdial.webhookEndpoints.sendTest(endpoint.id)).rejects.toSatisfy(
      (e) => e instanceof ConflictError && e.type === 'webhook_endpoint_disabled',
    );
    await outdial.webhookEndpoints.delete(endpoint.id);
  });

  it('rotates an endpoint secret: for 24 h both sign, so either verifies', async () => {
    const url = receiverUrl();
    const endpoint = await outdial.webhookEndpoints.create({ url });
    const before = Date.now();
    const rotated = await outdial.webhookEndpoints.rotateSecret(endpoint.id);
    expect(rotated.secret).toMatch(SECRET);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const expires = Date.parse(rotated.previousSecretExpiresAt) - before;
    expect(expires).toBeGreaterThan(DAY_MS - 60_000);
    expect(expires).toBeLessThanOrEqual(DAY_MS + 60_000);
    await outdial.webhookEndpoints.sendTest(endpoint.id);
    const [received] = (await nextTo(url, 1, isTest)) as [ReceivedWebhook];
    expect(received.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    await expect(verified(received, rotated.secret)).resolves.toMatchObject({ type: 'webhook.test' });
    await expect(verified(received, endpoint.secret)).resolves.toMatchObject({ type: 'webhook.test' });
    await outdial.webhookEndpoints.delete(endpoint.id);
  });

  it("sends a call's events to its own webhookUrl, signed with the organization's secret", async () => {
    const url = receiverUrl();
    // Rotating is the API's way to learn the organization secret (it is otherwise printed once).
    const { secret } = await outdial.webhookSecret.rotate();
    expect(secret).toMatch(SECRET);
    const call = await outdial.calls.create({
      agentId: target.agents.voice.id,
      phoneNumber: freshNumber(),
      webhookUrl: url,
    });
    expect((await outdial.calls.get(call.id)).webhookUrl).toBe(url);
    await outdial.calls.waitForTerminalStatus(call.id, { timeoutMs: 20_000 });
    const { events } = await outdial.calls.listEvents(call.id);
    const received = await nextTo(url, events.length);
    const delivered = await Promise.all(received.map((request) => verified(request, secret)));
    expect(delivered).toEqual(events);
  });
});
