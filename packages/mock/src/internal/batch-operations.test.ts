import { afterEach, describe, expect, test, vi } from 'vitest';
import { responseProblems } from '../../test/support/response-conformance';
import {
  type Call,
  createOutdialMock,
  MAGIC_NUMBERS,
  type OutdialMock,
  type OutdialMockOptions,
} from '../index';
import type { Batch } from './mock-types';

const BASE = 'https://api.example.test';
const MINUTE = 60_000;
const ORDINARY = (n: number) => `+1415555${String(1000 + n)}`;

function mockAt(iso: string, options: Partial<OutdialMockOptions> = {}) {
  let now = Date.parse(iso);
  const mock = createOutdialMock({
    baseUrl: BASE,
    seed: 5,
    progression: 'manual',
    now: () => new Date(now),
    ...options,
  });
  return {
    mock,
    pass(ms: number) {
      now += ms;
    },
  };
}

type Answer = {
  data: Batch;
  error: { type: string; message: string; details?: { field: string; message: string }[] };
};

async function send(
  mock: OutdialMock,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await mock.handle(
    new Request(`${BASE}/api/v1${path}`, {
      method,
      headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const answer = (await response.json()) as Answer;
  // Every answer must match the spec's response schema for its operation and status.
  expect(
    responseProblems(
      method,
      new URL(`${BASE}/api/v1${path}`).pathname,
      response.status,
      answer,
      response.headers,
    ),
  ).toEqual([]);
  return { status: response.status, body: answer };
}

const createBatch = (mock: OutdialMock, extra: Record<string, unknown>, headers?: Record<string, string>) =>
  send(mock, 'POST', '/batches', { name: 'Renewals', agentId: mock.agents.voice.id, ...extra }, headers);

async function created(mock: OutdialMock, extra: Record<string, unknown>): Promise<Batch> {
  const { status, body } = await createBatch(mock, extra);
  expect(status, JSON.stringify(body)).toBe(201);
  return body.data;
}

const callsOf = (mock: OutdialMock, batchId: string): Call[] =>
  mock.calls.list().filter((call) => call.batchId === batchId);
const batchOf = async (mock: OutdialMock, id: string) =>
  (await send(mock, 'GET', `/batches/${id}`)).body.data;
const sum = (counters: Batch['counters']) =>
  Object.entries(counters).reduce((total, [key, value]) => (key === 'total' ? total : total + value), 0);

describe('createBatch', () => {
  test('records every row as a call of the batch, with the batch’s defaults and each row’s own', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const batch = await created(mock, {
      priority: 3,
      metadata: { campaign: 'dec', tier: 'a' },
      calls: [
        { phoneNumber: ORDINARY(1), variables: { first_name: 'Ann' } },
        { phoneNumber: ORDINARY(2), priority: 0, metadata: { tier: 'b' }, callerId: '+14155551235' },
      ],
    });
    expect(batch).toMatchObject({
      name: 'Renewals',
      status: 'running',
      priority: 3,
      callerId: null,
      retry: null,
      maxConcurrentCalls: null,
      completedAt: null,
      counters: { total: 2, queued: 2, scheduled: 0, inProgress: 0, retrying: 0 },
    });
    expect(batch.id).toMatch(/^batch_[0-9A-HJKMNP-TV-Z]{26}$/);
    const [first, second] = callsOf(mock, batch.id).sort((a, b) =>
      a.phoneNumber.localeCompare(b.phoneNumber),
    );
    expect(first).toMatchObject({
      status: 'queued',
      attempt: 1,
      retryOf: null,
      priority: 3,
      callerId: '+14155551234',
      variables: { first_name: 'Ann' },
      metadata: { campaign: 'dec', tier: 'a', priority: 3 },
    });
    expect(second).toMatchObject({
      priority: 0,
      callerId: '+14155551235',
      metadata: { campaign: 'dec', tier: 'b' },
    });

    const listed = await send(mock, 'GET', `/calls?batchId=${batch.id}`);
    expect((listed.body.data as unknown as { calls: Call[] }).calls).toHaveLength(2);
  });

  test('a bad row rejects the whole batch, naming the row', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const { status, body } = await createBatch(mock, {
      calls: [{ phoneNumber: ORDINARY(1) }, { phoneNumber: '555-0100' }],
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      message: 'Validation error: Phone number must be in E.164 format (+1234567890)',
      details: [
        { field: 'calls.1.phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' },
      ],
    });
    expect(mock.calls.list()).toEqual([]);
  });

  test('refuses caller IDs the agent does not own, the batch’s and each row’s', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const { status, body } = await createBatch(mock, {
      callerId: '+14155550000',
      calls: [{ phoneNumber: ORDINARY(1) }, { phoneNumber: ORDINARY(2), callerId: '+14155550001' }],
    });
    expect(status).toBe(400);
    expect(body.error.type).toBe('caller_id_not_allowed');
    expect(body.error.details?.map((d) => d.field)).toEqual(['callerId', 'calls.1.callerId']);
    expect(mock.calls.list()).toEqual([]);
  });

  test('applies the scheduling rules and the agent checks', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const tooFar = await createBatch(mock, {
      scheduledAt: '2027-06-01T00:00:00Z',
      calls: [{ phoneNumber: ORDINARY(1) }],
    });
    expect(tooFar.body.error.details).toEqual([
      { field: 'scheduledAt', message: 'Scheduled time must be at most 90 days ahead' },
    ]);
    const chat = await createBatch(mock, {
      agentId: mock.agents.chat.id,
      calls: [{ phoneNumber: ORDINARY(1) }],
    });
    expect(chat.body.error.type).toBe('agent_not_voice');
    const empty = await createBatch(mock, { calls: [] });
    expect(empty.body.error.details?.[0]).toEqual({
      field: 'calls',
      message: 'Calls must be a list of 1 to 10000 contacts',
    });
  });

  test('accepts 10,000 rows in a body over 1 MiB (the batch limit is 8 MiB)', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const calls = Array.from({ length: 10_000 }, (_, i) => ({
      phoneNumber: `+1415${String(i).padStart(7, '0')}`,
      metadata: { note: 'x'.repeat(100) },
    }));
    const batch = await created(mock, { calls });
    expect(batch.counters).toMatchObject({ total: 10_000, queued: 10_000 });
    const over = await createBatch(mock, { calls: [...calls, { phoneNumber: ORDINARY(1) }] });
    expect(over.body.error.details?.[0]?.field).toBe('calls');
  });

  test('Idempotency-Key: the same body replays the batch, another is refused', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const body = { calls: [{ phoneNumber: ORDINARY(1) }] };
    const first = await createBatch(mock, body, { 'Idempotency-Key': 'k1' });
    const again = await createBatch(mock, body, { 'Idempotency-Key': 'k1' });
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(mock.calls.list()).toHaveLength(1);
    const other = await createBatch(
      mock,
      { calls: [{ phoneNumber: ORDINARY(2) }] },
      { 'Idempotency-Key': 'k1' },
    );
    expect(other.status).toBe(422);
  });
});

describe('a running batch', () => {
  test('retries a busy contact delaySeconds after its end, counting it once, until its attempts run out', async () => {
    const { mock, pass } = mockAt('2026-12-02T12:00:00Z');
    const batch = await created(mock, {
      retry: { maxAttempts: 3, on: ['busy'], delaySeconds: 60 },
      calls: [{ phoneNumber: MAGIC_NUMBERS.busy }, { phoneNumber: ORDINARY(1) }],
    });
    const [busy, ordinary] = callsOf(mock, batch.id);
    mock.setStatus(ordinary?.id as string, 'completed');
    mock.setStatus(busy?.id as string, 'busy');

    let calls = callsOf(mock, batch.id);
    const second = calls.find((c) => c.attempt === 2) as Call;
    expect(second).toMatchObject({ status: 'scheduled', retryOf: busy?.id, phoneNumber: MAGIC_NUMBERS.busy });
    expect(second.scheduledAt).toBe(new Date(Date.parse('2026-12-02T12:00:00Z') + MINUTE).toISOString());
    let now = await batchOf(mock, batch.id);
    expect(now.counters).toMatchObject({ total: 2, completed: 1, retrying: 1, busy: 0 });
    expect(sum(now.counters)).toBe(2);

    pass(MINUTE);
    mock.tick();
    expect(mock.calls.get(second.id)?.status).toBe('queued');
    mock.setStatus(second.id, 'busy');
    calls = callsOf(mock, batch.id);
    const third = calls.find((c) => c.attempt === 3) as Call;
    expect(third.retryOf).toBe(second.id);
    pass(MINUTE);
    mock.tick();
    mock.setStatus(third.id, 'busy');
    expect(callsOf(mock, batch.id)).toHaveLength(4); // 3 attempts at one contact, 1 at the other
    now = await batchOf(mock, batch.id);
    expect(now).toMatchObject({
      status: 'completed',
      counters: { total: 2, completed: 1, busy: 1, retrying: 0 },
    });
    expect(now.completedAt).not.toBeNull();
  });

  test('a retry due outside the calling window waits for its next opening; latestAt ends the rest', async () => {
    const { mock, pass } = mockAt('2026-12-02T21:50:00Z'); // 16:50 in New York
    const batch = await created(mock, {
      callingWindow: { timezone: 'America/New_York', start: '09:00', end: '17:00' },
      latestAt: '2026-12-03T15:00:00Z',
      retry: { maxAttempts: 3, on: ['no_answer'], delaySeconds: 900 },
      calls: [{ phoneNumber: MAGIC_NUMBERS.noAnswer }],
    });
    const [first] = callsOf(mock, batch.id);
    mock.setStatus(first?.id as string, 'no_answer');
    const second = callsOf(mock, batch.id).find((c) => c.attempt === 2) as Call;
    // 17:05 is past the window's end: the next morning's 09:00 instead.
    expect(second).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-12-03T14:00:00.000Z',
      latestAt: '2026-12-03T15:00:00.000Z',
    });
    pass(16 * 60 * MINUTE + 10 * MINUTE); // 2026-12-03T14:00Z
    mock.tick();
    mock.setStatus(second.id, 'no_answer');
    const third = callsOf(mock, batch.id).find((c) => c.attempt === 3) as Call;
    expect(third.scheduledAt).toBe('2026-12-03T14:15:00.000Z');
    pass(2 * 60 * MINUTE); // past latestAt, before it was dialed
    mock.tick();
    expect(mock.calls.get(third.id)).toMatchObject({ status: 'failed', failureReason: 'expired' });
    expect(await batchOf(mock, batch.id)).toMatchObject({
      status: 'completed',
      counters: { total: 1, failed: 1 },
    });
  });

  test('does not retry a status outside retry.on', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const batch = await created(mock, {
      retry: { maxAttempts: 2, on: ['busy'] },
      calls: [{ phoneNumber: MAGIC_NUMBERS.noAnswer }],
    });
    const [only] = callsOf(mock, batch.id);
    mock.setStatus(only?.id as string, 'no_answer');
    expect(callsOf(mock, batch.id)).toHaveLength(1);
    expect((await batchOf(mock, batch.id)).counters).toMatchObject({ noAnswer: 1 });
  });

  test('a scheduled batch waits for its scheduledAt; cancel ends every call not yet dialed', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const batch = await created(mock, {
      scheduledAt: '2026-12-03T12:00:00Z',
      calls: [{ phoneNumber: ORDINARY(1) }, { phoneNumber: ORDINARY(2) }],
    });
    expect(batch).toMatchObject({ status: 'scheduled', counters: { scheduled: 2 } });
    const cancelled = await send(mock, 'POST', `/batches/${batch.id}/cancel`);
    expect(cancelled.body.data).toMatchObject({ status: 'cancelled', counters: { total: 2, cancelled: 2 } });
    expect(cancelled.body.data.completedAt).not.toBeNull();
    expect(callsOf(mock, batch.id).map((c) => c.cancellation)).toEqual(['before_dial', 'before_dial']);
    expect((await send(mock, 'POST', `/batches/${batch.id}/cancel`)).status).toBe(200);
    const paused = await send(mock, 'POST', `/batches/${batch.id}/pause`);
    expect(paused.status).toBe(409);
    expect(paused.body.error).toMatchObject({
      type: 'batch_finished',
      message: 'Batch has already finished: cancelled',
    });
  });

  test('cancel lets live calls go on, without retries', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const batch = await created(mock, {
      retry: { maxAttempts: 2, on: ['busy'] },
      calls: [{ phoneNumber: MAGIC_NUMBERS.busy }, { phoneNumber: ORDINARY(1) }],
    });
    const [live, waiting] = callsOf(mock, batch.id);
    mock.setStatus(live?.id as string, 'ringing');
    await send(mock, 'POST', `/batches/${batch.id}/cancel`);
    expect(mock.calls.get(waiting?.id as string)?.status).toBe('cancelled');
    expect(mock.calls.get(live?.id as string)?.status).toBe('ringing');
    mock.setStatus(live?.id as string, 'busy');
    expect(callsOf(mock, batch.id)).toHaveLength(2);
  });

  test('is found only by its organization, and listed newest first by status', async () => {
    const { mock } = mockAt('2026-12-02T12:00:00Z');
    const a = await created(mock, { calls: [{ phoneNumber: ORDINARY(1) }] });
    const b = await created(mock, {
      scheduledAt: '2026-12-05T00:00:00Z',
      calls: [{ phoneNumber: ORDINARY(2) }],
    });
    const list = await send(mock, 'GET', '/batches?limit=1');
    const page = list.body.data as unknown as { batches: Batch[]; pagination: { hasMore: boolean } };
    expect(page.batches.map((x) => x.id)).toEqual([b.id]);
    expect(page.pagination.hasMore).toBe(true);
    const running = (await send(mock, 'GET', '/batches?status=running')).body.data as unknown as {
      batches: Batch[];
    };
    expect(running.batches.map((x) => x.id)).toEqual([a.id]);
    const foreign = await mock.handle(
      new Request(`${BASE}/api/v1/batches/${a.id}`, {
        headers: { 'x-api-key': mock.otherOrganization.apiKey },
      }),
    );
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as Answer).error.message).toBe('Batch not found');
  });
});

describe('realtime: concurrency, pause and resume', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('never has more than maxConcurrentCalls live, and still dials every contact', async () => {
    vi.useFakeTimers();
    const mock = createOutdialMock({ baseUrl: BASE, seed: 6 });
    const batch = await created(mock, {
      maxConcurrentCalls: 2,
      calls: Array.from({ length: 7 }, (_, i) => ({ phoneNumber: ORDINARY(i) })),
    });
    let peak = 0;
    for (let step = 0; step < 2_000; step++) {
      await vi.advanceTimersByTimeAsync(10);
      const live = callsOf(mock, batch.id).filter((c) =>
        ['connecting', 'ringing', 'active'].includes(c.status),
      );
      peak = Math.max(peak, live.length);
      expect(live.length).toBeLessThanOrEqual(2);
      const counters = (await batchOf(mock, batch.id)).counters;
      expect(sum(counters)).toBe(7);
      if (counters.completed === 7) break;
    }
    expect(peak).toBe(2);
    expect(await batchOf(mock, batch.id)).toMatchObject({ status: 'completed', counters: { completed: 7 } });
    mock.reset();
  });

  test('pause holds the calls not yet dialed; resume dials them', async () => {
    vi.useFakeTimers();
    const mock = createOutdialMock({ baseUrl: BASE, seed: 8 });
    const batch = await created(mock, {
      calls: [{ phoneNumber: ORDINARY(1) }, { phoneNumber: ORDINARY(2) }],
    });
    const paused = await send(mock, 'POST', `/batches/${batch.id}/pause`);
    expect(paused.body.data.status).toBe('paused');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(callsOf(mock, batch.id).map((c) => c.status)).toEqual(['queued', 'queued']);
    expect((await send(mock, 'POST', `/batches/${batch.id}/resume`)).body.data.status).toBe('running');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(callsOf(mock, batch.id).map((c) => c.status)).toEqual(['completed', 'completed']);
    expect((await batchOf(mock, batch.id)).status).toBe('completed');
    const resumed = await send(mock, 'POST', `/batches/${batch.id}/resume`);
    expect(resumed.body.error.message).toBe('Batch has already finished: completed');
    mock.reset();
  });
});
