/**
 * Batch events over HTTP: each batch change (started, paused, resumed, cancelled, completed) is
 * one event in the organization's feed, in commit order with its calls' events, numbered per
 * batch without gaps, with the batch as getBatch showed it then; the `type` and `batchId` filters;
 * an SSE client resuming with Last-Event-ID across both kinds; webhook endpoints that name a batch
 * type, and a batch's own webhookUrl, verified with the third-party `standardwebhooks`; and
 * organization isolation. Response validation is on, so every body matches the Event union.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { advancingClock } from './support/advancing-clock';
import { openEventStream } from './support/event-stream-client';
import { waitUntil } from './support/polling';
import { startTestServer, type TestServer } from './support/test-server';
import { createEndpoint, headersOf, verifies, WAIT } from './support/webhook-api';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const BATCHES = '/api/v1/batches';
const HOUR_MS = 3_600_000;

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
type Json = any;

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

function sumOf(counters: Record<string, number>): number {
  const { total, ...rest } = counters;
  return Object.values(rest).reduce((sum, count) => sum + count, 0);
}

/** The batch's events and its calls', oldest first, read page after page. */
async function eventsOf(t: TestServer, query: string, key = t.acme.apiKey): Promise<Json[]> {
  const events: Json[] = [];
  let cursor: string | null = null;
  do {
    const page = await t.request(`/api/v1/events?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      key,
    });
    expect(page.status, page.text).toBe(200);
    events.push(...page.body.data.events);
    cursor = page.body.data.pagination.nextCursor;
  } while (cursor);
  return events.reverse();
}

describe('batch events', () => {
  let t: TestServer;
  const clock = advancingClock();
  beforeAll(async () => {
    t = await startTestServer({ clock, schedulerMaxSleepMs: 20 });
  });
  afterAll(() => t?.close());

  const create = async (fields: Record<string, unknown>, key = t.acme.apiKey): Promise<Json> => {
    const response = await t.request(BATCHES, {
      method: 'POST',
      key,
      body: { name: 'Renewals', agentId: t.acme.voiceAgentId, ...fields },
    });
    expect(response.status, response.text).toBe(201);
    return response.body.data;
  };
  const batchOf = async (id: string): Promise<Json> => (await t.request(`${BATCHES}/${id}`)).body.data;
  const change = async (id: string, action: 'pause' | 'resume' | 'cancel'): Promise<Json> => {
    const response = await t.request(`${BATCHES}/${id}/${action}`, { method: 'POST' });
    expect(response.status, response.text).toBe(200);
    return response.body.data;
  };
  const batchEvents = (events: Json[]) => events.filter((event) => event.type.startsWith('batch.'));

  it('records each change of a batch in order, numbered without gaps, showing the batch as getBatch did', async () => {
    const batch = await create({
      scheduledAt: new Date(clock.now().getTime() + HOUR_MS).toISOString(),
      calls: [{ phoneNumber: '+14155550101' }, { phoneNumber: '+14155550102' }],
    });
    expect(batch.status).toBe('scheduled');
    // Nothing is due yet: a scheduled batch has not started.
    expect(await eventsOf(t, `batchId=${batch.id}&type=batch.started`)).toEqual([]);
    const paused = await change(batch.id, 'pause');
    const resumed = await change(batch.id, 'resume');
    clock.advance(HOUR_MS);
    await waitUntil(async () => (await batchOf(batch.id)).status === 'completed');
    const completed = await batchOf(batch.id);

    const events = await eventsOf(t, `batchId=${batch.id}`);
    const ofBatch = batchEvents(events);
    expect(ofBatch.map((event) => [event.type, event.sequence])).toEqual([
      ['batch.paused', 1],
      ['batch.resumed', 2],
      ['batch.started', 3],
      ['batch.completed', 4],
    ]);
    for (const event of ofBatch) {
      expect(event.id).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(event.data.id).toBe(batch.id);
      expect(sumOf(event.data.counters)).toBe(event.data.counters.total);
    }
    // The batch as the change's own response (getBatch at that moment) showed it.
    expect(ofBatch[0].data).toEqual(paused);
    expect(ofBatch[1].data).toEqual(resumed);
    expect(ofBatch[3].data).toEqual(completed);
    expect(ofBatch[3].data).toMatchObject({ status: 'completed', counters: { total: 2, completed: 2 } });
    // Started as its first call became due: running, that call queued, its event right after.
    const [started] = ofBatch.filter((event) => event.type === 'batch.started');
    expect(started.data.status).toBe('running');
    expect(started.data.counters).toMatchObject({ total: 2, queued: 1, scheduled: 1 });
    const next = events[events.indexOf(started) + 1];
    expect(next).toMatchObject({ type: 'call.queued', data: { batchId: batch.id } });
    expect(Date.parse(started.timestamp)).toBeLessThanOrEqual(Date.parse(next.timestamp));
    // In commit order with its calls' events: started after the pause, completed after every call's end.
    const ids = events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort());
    expect(events.at(-1)).toBe(ofBatch[3]);
    expect(events.filter((event) => event.type === 'call.completed')).toHaveLength(2);
  }, 30_000);

  it('starts a batch as it is created when its calls are due, and records a cancel with its counters', async () => {
    const running = await create({ calls: [{ phoneNumber: '+14155550103' }] });
    const scheduled = await create({
      scheduledAt: new Date(clock.now().getTime() + HOUR_MS).toISOString(),
      calls: [{ phoneNumber: '+14155550104' }, { phoneNumber: '+14155550105' }],
    });
    const cancelled = await change(scheduled.id, 'cancel');
    await waitUntil(async () => (await batchOf(running.id)).status === 'completed');

    const first = (await eventsOf(t, `batchId=${running.id}`))[0];
    expect(first).toMatchObject({ type: 'batch.started', sequence: 1, data: running });

    const ofCancelled = await eventsOf(t, `batchId=${scheduled.id}`);
    // Its calls' cancellations first, then its own event, counting them; it never started.
    expect(ofCancelled.map((event) => event.type)).toEqual([
      'call.scheduled',
      'call.scheduled',
      'call.cancelled',
      'call.cancelled',
      'batch.cancelled',
    ]);
    expect(ofCancelled.at(-1)).toMatchObject({ sequence: 1, data: cancelled });
    expect(cancelled).toMatchObject({ status: 'cancelled', counters: { total: 2, cancelled: 2 } });
  }, 30_000);

  it('filters by type across both kinds, by batch, and by call (which has no batch events)', async () => {
    const batch = await create({ calls: [{ phoneNumber: '+14155550106' }, { phoneNumber: '+14155550107' }] });
    const other = await create({ calls: [{ phoneNumber: '+14155550108' }] });
    await waitUntil(async () => (await batchOf(batch.id)).status === 'completed');
    await waitUntil(async () => (await batchOf(other.id)).status === 'completed');

    const typed = await eventsOf(t, `batchId=${batch.id}&type=batch.completed&type=call.queued`);
    expect(typed.map((event) => event.type)).toEqual(['call.queued', 'call.queued', 'batch.completed']);
    expect(typed.every((event) => event.data.id === batch.id || event.data.batchId === batch.id)).toBe(true);
    // The organization's feed holds both batches' events; the filter keeps one batch's.
    const everyBatchCompleted = await eventsOf(t, 'type=batch.completed');
    expect(everyBatchCompleted.map((event) => event.data.id)).toEqual(
      expect.arrayContaining([batch.id, other.id]),
    );
    const callId = typed[0].data.id;
    const ofCall = await eventsOf(t, `callId=${callId}`);
    expect(ofCall.length).toBeGreaterThan(1);
    expect(ofCall.every((event) => event.type.startsWith('call.') && event.data.id === callId)).toBe(true);
    expect(await eventsOf(t, `callId=${callId}&type=batch.completed`)).toEqual([]);
  }, 30_000);

  it('resumes an SSE stream with Last-Event-ID across call and batch events: no gap, no duplicate', async () => {
    const url = `${t.url}/api/v1/events`;
    const live = await openEventStream(url, t.acme.apiKey);
    const batch = await create({
      calls: [
        { phoneNumber: '+14155550109' },
        { phoneNumber: '+14155550110' },
        { phoneNumber: '+14155550111' },
      ],
    });
    // Cut the stream after a few events, somewhere among the batch's.
    await live.waitForEvents(4);
    live.close();
    // Each frame's data is the Event; its data the batch or a call.
    const seen = live.events().filter((e) => e.data.data.id === batch.id || e.data.data.batchId === batch.id);
    const last = live.events().at(-1)?.id as string;
    await waitUntil(async () => (await batchOf(batch.id)).status === 'completed');
    const all = await eventsOf(t, `batchId=${batch.id}`);
    expect(seen[0]).toMatchObject({ event: 'batch.started' });

    const resumed = await openEventStream(`${url}?batchId=${batch.id}`, t.acme.apiKey, {
      'last-event-id': last,
    });
    const rest = all.filter((event) => event.id > last);
    await resumed.waitForEvents(rest.length);
    resumed.close();
    const received = [...seen, ...resumed.events()];
    expect(received.map((e) => e.id)).toEqual(all.map((event) => event.id));
    expect(received.map((e) => e.event)).toEqual(all.map((event) => event.type));
    expect(received.map((e) => e.data)).toEqual(all);
    expect(received.at(-1)?.event).toBe('batch.completed');
  }, 30_000);

  it("keeps an organization's batch events to itself", async () => {
    const batch = await create({ calls: [{ phoneNumber: '+14155550112' }] });
    await waitUntil(async () => (await batchOf(batch.id)).status === 'completed');
    expect(batchEvents(await eventsOf(t, `batchId=${batch.id}`))).toHaveLength(2);
    expect(await eventsOf(t, `batchId=${batch.id}`, t.globex.apiKey)).toEqual([]);
    const globexCompleted = await eventsOf(t, 'type=batch.completed', t.globex.apiKey);
    expect(globexCompleted.map((event) => event.data.id)).not.toContain(batch.id);
    const [own] = await eventsOf(t, `batchId=${batch.id}&type=batch.started`);
    const foreign = await openEventStream(`${t.url}/api/v1/events`, t.globex.apiKey, {
      'last-event-id': own.id,
    });
    expect(foreign.status).toBe(400);
    foreign.close();
  }, 30_000);
});

describe('batch events to webhooks', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ webhookAllowPrivate: true, webhookPollIntervalMs: 10 });
  });
  afterAll(() => t?.close());

  const receiver = async () => {
    const started = await startWebhookReceiver();
    receivers.push(started);
    return started;
  };

  it('sends batch.completed to an endpoint naming it, none to default ones, and every event to the batch URL', async () => {
    const hooks = await receiver();
    const batchHooks = await receiver();
    const globexHooks = await receiver();
    const completedOnly = await createEndpoint(t, { url: hooks.url, enabledEvents: ['batch.completed'] });
    const byDefault = await createEndpoint(t, { url: hooks.url });
    await createEndpoint(t, { url: globexHooks.url, enabledEvents: ['batch.completed'] }, t.globex.apiKey);
    const orgSecret = await t.server.admin.webhookSecret(t.acme.id);

    const created = await t.request(BATCHES, {
      method: 'POST',
      body: {
        name: 'Hooks',
        agentId: t.acme.voiceAgentId,
        webhookUrl: batchHooks.url,
        calls: [{ phoneNumber: '+14155550101' }, { phoneNumber: '+14155550102' }],
      },
    });
    expect(created.status, created.text).toBe(201);
    const batchId = created.body.data.id;
    await waitUntil(async () => (await t.request(`${BATCHES}/${batchId}`)).body.data.status === 'completed');
    const page = await t.request(`/api/v1/events?batchId=${batchId}&limit=100`);
    const events: Json[] = page.body.data.events.reverse();
    const completed = events.find((event) => event.type === 'batch.completed');

    // The endpoint that names batch.completed gets it, signed as Standard Webhooks verifies.
    const toCompletedOnly = () => hooks.received.filter((r) => verifies(completedOnly.secret, r));
    await vi.waitFor(() => expect(toCompletedOnly()).toHaveLength(1), WAIT);
    const [delivered] = toCompletedOnly();
    expect(delivered?.id).toBe(completed.id);
    expect(new Webhook(completedOnly.secret).verify(delivered?.body ?? '', headersOf(delivered))).toEqual(
      completed,
    );

    // The batch's own URL gets its batch events and its calls', signed with the organization's
    // secret, a batch's events in sequence order.
    await vi.waitFor(() => expect(batchHooks.received).toHaveLength(events.length), WAIT);
    expect(batchHooks.received.every((r) => verifies(orgSecret as string, r))).toBe(true);
    expect(batchHooks.received.map((r) => r.json).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(events);
    const batchSequences = batchHooks.received
      .filter((r) => r.json.type.startsWith('batch.'))
      .map((r) => [r.json.type, r.json.sequence]);
    expect(batchSequences).toEqual([
      ['batch.started', 1],
      ['batch.completed', 2],
    ]);

    // The default subscription (every call.* type) has no batch event; another organization none at all.
    const callEvents = events.filter((event) => event.type.startsWith('call.'));
    const toDefault = () => hooks.received.filter((r) => verifies(byDefault.secret, r));
    await vi.waitFor(() => expect(toDefault()).toHaveLength(callEvents.length), WAIT);
    expect(toDefault().some((r) => r.json.type.startsWith('batch.'))).toBe(false);
    expect(globexHooks.received).toEqual([]);
  }, 30_000);
});
