import { HttpResponse, http } from 'msw';
import { Webhook } from 'standardwebhooks';
import { describe, expect, test } from 'vitest';
import { useMock } from '../../test/support/mock-client';

// Whole seconds: standardwebhooks checks the signed timestamp against the real clock.
let clock = new Date(Math.floor(Date.now() / 1000) * 1000);
const pass = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const { mock, server, request } = useMock({ now: () => clock });

type Event = {
  id: string;
  type: string;
  sequence: number;
  timestamp: string;
  data: { id: string; status: string; batchId?: string; counters?: Record<string, number> };
};

const CONTACTS = [{ phoneNumber: '+14155550101' }, { phoneNumber: '+14155550102' }];

async function createBatch(extra: Record<string, unknown> = {}) {
  const response = await request('POST', '/api/v1/batches', {
    body: { name: 'Renewals', agentId: mock.agents.voice.id, calls: CONTACTS, ...extra },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data as { id: string; webhookUrl: string | null };
}

/** The organization's events, oldest first, through the API with `query`. */
async function events(query: string): Promise<Event[]> {
  const response = await request('GET', `/api/v1/events?limit=100&${query}`);
  expect(response.status).toBe(200);
  return (response.body.data.events as Event[]).reverse();
}

const callIdsOf = (batchId: string) =>
  mock.calls
    .list()
    .filter((call) => call.batchId === batchId)
    .map((call) => call.id);

describe('batch events', () => {
  test('started with its calls (first, counting all), paused, resumed, completed after its last call', async () => {
    const batch = await createBatch();
    await request('POST', `/api/v1/batches/${batch.id}/pause`);
    await request('POST', `/api/v1/batches/${batch.id}/pause`); // no change, no event
    await request('POST', `/api/v1/batches/${batch.id}/resume`);
    for (const id of callIdsOf(batch.id)) mock.setStatus(id, 'completed');

    const all = await events(`batchId=${batch.id}`);
    const ofBatch = all.filter((event) => event.type.startsWith('batch.'));
    expect(ofBatch.map((event) => [event.type, event.sequence, event.data.status])).toEqual([
      ['batch.started', 1, 'running'],
      ['batch.paused', 2, 'paused'],
      ['batch.resumed', 3, 'running'],
      ['batch.completed', 4, 'completed'],
    ]);
    // Started before its calls' first events, counting every contact; completed after the last.
    expect(all[0]?.type).toBe('batch.started');
    expect(all[0]?.data.counters).toMatchObject({ total: 2, queued: 2 });
    expect(all.at(-1)?.type).toBe('batch.completed');
    expect(all.at(-1)?.data.counters).toMatchObject({ total: 2, completed: 2 });
    // Every event of the batch's calls is there too.
    expect(
      all.filter((event) => event.type.startsWith('call.')).every((e) => e.data.batchId === batch.id),
    ).toBe(true);
    // Ids increase in recording order.
    expect(all.map((event) => event.id)).toEqual(all.map((event) => event.id).sort());
    // The snapshot is the batch as getBatch returns it.
    const got = await request('GET', `/api/v1/batches/${batch.id}`);
    expect(all.at(-1)?.data).toEqual(got.body.data);
  });

  test('the type and callId filters; a call stream carries only its call events', async () => {
    const batch = await createBatch();
    const [first] = callIdsOf(batch.id);
    expect((await events('type=batch.started')).map((event) => event.data.id)).toEqual([batch.id]);
    expect((await events(`callId=${first}`)).map((event) => event.type)).toEqual(['call.queued']);
    const ofCall = await request('GET', `/api/v1/calls/${first}/events`);
    expect(ofCall.body.data.events.map((event: Event) => event.type)).toEqual(['call.queued']);
    // Another batch's events do not match.
    const other = await createBatch();
    expect((await events(`batchId=${batch.id}`)).some((event) => event.data.id === other.id)).toBe(false);
  });

  test('a scheduled batch starts when its first call is due, the event ahead of that call', async () => {
    const batch = await createBatch({ scheduledAt: new Date(clock.getTime() + 60_000).toISOString() });
    expect((await events(`batchId=${batch.id}`)).map((event) => event.type)).toEqual([
      'call.scheduled',
      'call.scheduled',
    ]);
    pass(60_000);
    mock.tick();
    expect((await events(`batchId=${batch.id}`)).map((event) => event.type)).toEqual([
      'call.scheduled',
      'call.scheduled',
      'batch.started',
      'call.queued',
      'call.queued',
    ]);
  });

  test('cancelled after its calls, counting them; no completed afterwards', async () => {
    const batch = await createBatch();
    const [live] = callIdsOf(batch.id);
    mock.setStatus(live as string, 'ringing');
    await request('POST', `/api/v1/batches/${batch.id}/cancel`);
    mock.setStatus(live as string, 'completed');
    const types = (await events(`batchId=${batch.id}`)).map((event) => event.type);
    // The live call goes on after the cancel (ringing → active → completed).
    expect(types.slice(-4)).toEqual(['call.cancelled', 'batch.cancelled', 'call.active', 'call.completed']);
    const [cancelled] = await events('type=batch.cancelled');
    expect(cancelled?.data.counters).toMatchObject({ cancelled: 1, inProgress: 1 });
  });

  test('webhooks: endpoints get batch.* only when they name them; the batch webhookUrl gets them, signed', async () => {
    const received: { url: string; body: string; headers: Record<string, string> }[] = [];
    server.use(
      http.post('https://receiver.test/*', async ({ request: posted }) => {
        received.push({
          url: posted.url,
          body: await posted.text(),
          headers: Object.fromEntries(posted.headers),
        });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const secretOf = async (body: Record<string, unknown>) =>
      (await request('POST', '/api/v1/webhook-endpoints', { body })).body.data.secret as string;
    await secretOf({ url: 'https://receiver.test/default' });
    const namingSecret = await secretOf({
      url: 'https://receiver.test/naming',
      enabledEvents: ['batch.started', 'batch.completed'],
    });
    const batch = await createBatch({ webhookUrl: 'https://receiver.test/batch' });
    for (const id of callIdsOf(batch.id)) mock.setStatus(id, 'completed');
    await mock.webhooks.idle();

    const typesAt = (path: string) =>
      received
        .filter((hook) => new URL(hook.url).pathname === path)
        .map((hook) => JSON.parse(hook.body).type as string);
    expect(typesAt('/default').every((type) => type.startsWith('call.'))).toBe(true);
    expect(typesAt('/naming')).toEqual(['batch.started', 'batch.completed']);
    expect(typesAt('/batch')).toContain('batch.started');
    expect(typesAt('/batch')).toContain('batch.completed');
    const naming = received.find((hook) => new URL(hook.url).pathname === '/naming');
    expect(new Webhook(namingSecret).verify(naming?.body ?? '', naming?.headers ?? {})).toMatchObject({
      type: 'batch.started',
      data: { id: batch.id },
    });
  });
});
