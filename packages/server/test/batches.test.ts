/**
 * Batches end to end over HTTP: atomic creation (an invalid row rejects everything), counters
 * that add up, the calls of a batch, retries with their attempts and delay, pause, resume and
 * cancel, idempotency.
 */
import { MAGIC_NUMBERS, reasonOf } from '@outdial/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomNameForCall } from '../src/dial/call-room';
import { advancingClock } from './support/advancing-clock';
import { waitUntil } from './support/polling';
import { startTestServer, TERMINAL, type TestServer } from './support/test-server';

const BATCHES = '/api/v1/batches';
const HOUR_MS = 3_600_000;

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
type Json = any;

function sumOf(counters: Record<string, number>): number {
  const { total, ...rest } = counters;
  return Object.values(rest).reduce((sum, count) => sum + count, 0);
}

/**
 * The most of these calls live at once: each is live from its `connecting` commit to its end's,
 * [start, end), by the server's clock.
 */
async function mostLiveAtOnce(t: TestServer, callIds: string[]): Promise<number> {
  const changes: [number, number][] = [];
  for (const id of callIds) {
    const events = (await t.request(`/api/v1/calls/${id}/events`)).body.data.events;
    const start = Date.parse(events.find((e: Json) => e.type === 'call.connecting').timestamp);
    const end = Date.parse(
      events.find((e: Json) => TERMINAL.includes(e.type.slice('call.'.length))).timestamp,
    );
    changes.push([start, 1], [end, -1]);
  }
  // Ends before starts at the same instant: a place freed is taken at once, never shared.
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let live = 0;
  let most = 0;
  for (const [, change] of changes) {
    live += change;
    most = Math.max(most, live);
  }
  return most;
}

describe('batches', () => {
  let t: TestServer;
  const clock = advancingClock();
  beforeAll(async () => {
    t = await startTestServer({ clock, schedulerMaxSleepMs: 20 });
  });
  afterAll(() => t?.close());

  const create = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.request(BATCHES, {
      method: 'POST',
      headers,
      body: { name: 'Renewals', agentId: t.acme.voiceAgentId, ...fields },
    });
  const batchOf = async (id: string): Promise<Json> => (await t.request(`${BATCHES}/${id}`)).body.data;
  const callsOf = async (id: string): Promise<Json[]> =>
    (await t.request(`/api/v1/calls?batchId=${id}&limit=100`)).body.data.calls;
  /** Waits until the batch's counters say so, checking on the way that they add up. */
  const waitForCounters = (id: string, done: (counters: Json) => boolean) =>
    waitUntil(async () => {
      const { counters } = await batchOf(id);
      expect(sumOf(counters)).toBe(counters.total);
      return done(counters);
    });

  it('creates every call at once, counts each one, and completes when they have all ended', async () => {
    const response = await create({
      priority: 4,
      metadata: { campaign: 'december' },
      calls: [
        { phoneNumber: '+14155550101', variables: { first_name: 'Ada' } },
        { phoneNumber: '+14155550102', priority: 1, metadata: { accountId: 'A-2' } },
        { phoneNumber: '+14155550103', callerId: t.acme.phoneNumbers[1] },
      ],
    });
    expect(response.status).toBe(201);
    const batch = response.body.data;
    expect(batch).toMatchObject({
      id: expect.stringMatching(/^batch_[0-9A-Z]{26}$/),
      name: 'Renewals',
      agentId: t.acme.voiceAgentId,
      status: 'running',
      priority: 4,
      callerId: null,
      retry: null,
      metadata: { campaign: 'december' },
      completedAt: null,
    });
    expect(batch.counters).toMatchObject({ total: 3 });
    expect(sumOf(batch.counters)).toBe(3);

    const calls = await callsOf(batch.id);
    expect(calls).toHaveLength(3);
    const byNumber = new Map(calls.map((call) => [call.phoneNumber, call]));
    expect(byNumber.get('+14155550101')).toMatchObject({
      batchId: batch.id,
      attempt: 1,
      retryOf: null,
      priority: 4,
      callerId: t.acme.phoneNumbers[0],
      variables: { first_name: 'Ada' },
      metadata: { campaign: 'december', priority: 4 },
    });
    expect(byNumber.get('+14155550102')).toMatchObject({
      priority: 1,
      metadata: { campaign: 'december', accountId: 'A-2', priority: 1 },
    });
    expect(byNumber.get('+14155550103')).toMatchObject({ callerId: t.acme.phoneNumbers[1] });

    await waitForCounters(batch.id, (counters) => counters.completed === 3);
    // Completion follows the last call's end.
    await waitUntil(async () => (await batchOf(batch.id)).status === 'completed');
    const done = await batchOf(batch.id);
    expect(done).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    const listed = await t.request(`${BATCHES}?status=completed`);
    expect(listed.body.data.batches.map((b: Json) => b.id)).toContain(batch.id);
  });

  it('rejects the whole batch when one row is invalid, naming the row', async () => {
    const before = (await t.request(BATCHES)).body.data.batches.length;
    const rows = [{ phoneNumber: '+14155550101' }, { phoneNumber: 'not a number' }];
    const invalid = await create({ calls: rows });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details).toEqual([
      { field: 'calls.1.phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' },
    ]);
    const foreignCaller = await create({
      calls: [{ phoneNumber: '+14155550101', callerId: '+14155559999' }],
    });
    expect(foreignCaller.status).toBe(400);
    expect(foreignCaller.body.error).toMatchObject({
      type: 'caller_id_not_allowed',
      details: [{ field: 'calls.0.callerId', message: reasonOf('caller_id_not_allowed') }],
    });
    const tooFar = await create({
      scheduledAt: new Date(clock.now().getTime() + 100 * 24 * HOUR_MS).toISOString(),
      calls: [{ phoneNumber: '+14155550101' }],
    });
    expect(tooFar.body.error.details).toEqual([
      { field: 'scheduledAt', message: reasonOf('scheduled_at_too_far') },
    ]);
    expect((await t.request(BATCHES)).body.data.batches.length).toBe(before);
    expect((await t.request(`${BATCHES}/batch_01JD7ZK5WBA1B2C3D4E5F6G7H8`)).status).toBe(404);
  });

  it('retries busy contacts after the delay until the attempts run out, counting each contact once', async () => {
    const response = await create({
      retry: { maxAttempts: 3, on: ['busy'], delaySeconds: 60 },
      calls: [{ phoneNumber: MAGIC_NUMBERS.busy }, { phoneNumber: '+14155550101' }],
    });
    const batch = response.body.data;
    expect(batch.retry).toEqual({ maxAttempts: 3, on: ['busy'], delaySeconds: 60 });
    for (const attempt of [2, 3]) {
      // The next attempt exists (waiting its delay) once the previous one ended busy.
      await waitUntil(async () => (await callsOf(batch.id)).some((call) => call.attempt === attempt));
      await waitForCounters(batch.id, (counters) => counters.retrying === 1 && counters.completed === 1);
      const retry = (await callsOf(batch.id)).find((call) => call.attempt === attempt);
      const previous = (await callsOf(batch.id)).find((call) => call.id === retry.retryOf);
      expect(previous).toMatchObject({
        status: 'busy',
        attempt: attempt - 1,
        phoneNumber: MAGIC_NUMBERS.busy,
      });
      expect(retry).toMatchObject({ status: 'scheduled', batchId: batch.id });
      expect(Date.parse(retry.scheduledAt)).toBe(Date.parse(previous.endedAt) + 60_000);
      clock.advance(60_000);
    }
    await waitForCounters(batch.id, (counters) => counters.busy === 1 && counters.completed === 1);
    await waitUntil(async () => (await batchOf(batch.id)).status === 'completed');
    const attempts = (await callsOf(batch.id)).filter((call) => call.phoneNumber === MAGIC_NUMBERS.busy);
    expect(attempts.map((call) => call.attempt).sort()).toEqual([1, 2, 3]);
  });

  it('cancels every call not yet dialed, and then refuses to pause or resume', async () => {
    const response = await create({
      scheduledAt: new Date(clock.now().getTime() + HOUR_MS).toISOString(),
      calls: Array.from({ length: 5 }, (_, i) => ({ phoneNumber: `+1415555020${i}` })),
    });
    const batch = response.body.data;
    expect(batch.status).toBe('scheduled');
    expect(batch.counters).toMatchObject({ total: 5, scheduled: 5 });
    const cancelled = await t.request(`${BATCHES}/${batch.id}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ status: 'cancelled', counters: { total: 5, cancelled: 5 } });
    expect((await t.request(`${BATCHES}/${batch.id}/cancel`, { method: 'POST' })).status).toBe(200);
    const paused = await t.request(`${BATCHES}/${batch.id}/pause`, { method: 'POST' });
    expect(paused.status).toBe(409);
    expect(paused.body.error).toMatchObject({
      type: 'batch_finished',
      message: 'Batch has already finished: cancelled',
    });
    clock.advance(2 * HOUR_MS);
    const calls = await callsOf(batch.id);
    expect(calls.every((call) => call.status === 'cancelled' && call.cancellation === 'before_dial')).toBe(
      true,
    );
    expect(t.emulator?.requests.some((r) => calls.some((call) => r.room === roomNameForCall(call.id)))).toBe(
      false,
    );
  });

  it('a paused batch dials nothing more until resumed', async () => {
    const response = await create({
      scheduledAt: new Date(clock.now().getTime() + HOUR_MS).toISOString(),
      calls: Array.from({ length: 4 }, (_, i) => ({ phoneNumber: `+1415555030${i}` })),
    });
    const batch = response.body.data;
    const paused = await t.request(`${BATCHES}/${batch.id}/pause`, { method: 'POST' });
    expect(paused.body.data.status).toBe('paused');
    clock.advance(HOUR_MS);
    // Due now: the scheduler queues them, the Dial queue leaves them be.
    await waitForCounters(batch.id, (counters) => counters.queued === 4);
    // A single call placed after them is dialed: the queue is at work, past the paused ones.
    const single = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' },
    });
    await waitUntil(async () =>
      TERMINAL.includes((await t.request(`/api/v1/calls/${single.body.data.id}`)).body.data.status),
    );
    expect((await batchOf(batch.id)).counters.queued).toBe(4);

    const resumed = await t.request(`${BATCHES}/${batch.id}/resume`, { method: 'POST' });
    expect(resumed.body.data.status).toBe('running');
    await waitForCounters(batch.id, (counters) => counters.completed === 4);
  });

  it('never has more than maxConcurrentCalls of a batch live at once', async () => {
    const response = await create({
      maxConcurrentCalls: 2,
      calls: Array.from({ length: 6 }, (_, i) => ({ phoneNumber: `+1415555050${i}` })),
    });
    const batch = response.body.data;
    expect(batch.maxConcurrentCalls).toBe(2);
    await waitForCounters(batch.id, (counters) => counters.completed === 6);
    expect(
      await mostLiveAtOnce(
        t,
        (await callsOf(batch.id)).map((call) => call.id),
      ),
    ).toBe(2);
  });

  it('replays an idempotent create with the same batch', async () => {
    const body = { calls: [{ phoneNumber: '+14155550401' }] };
    const first = await create(body, { 'Idempotency-Key': 'batch-1' });
    const second = await create(body, { 'Idempotency-Key': 'batch-1' });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.data.id).toBe(first.body.data.id);
    expect((await callsOf(first.body.data.id)).length).toBe(1);
  });
});

describe('OUTDIAL_MAX_CONCURRENT_CALLS', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ maxConcurrentCalls: 2 });
  });
  afterAll(() => t?.close());

  it("never has more than that many of an organization's calls live at once, batch or not", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await t.request('/api/v1/calls/outbound', {
        method: 'POST',
        body: { agentId: t.acme.voiceAgentId, phoneNumber: `+1415555060${i}` },
      });
      ids.push(response.body.data.id);
    }
    const batch = await t.request(BATCHES, {
      method: 'POST',
      body: {
        name: 'Limited',
        agentId: t.acme.voiceAgentId,
        calls: Array.from({ length: 4 }, (_, i) => ({ phoneNumber: `+1415555070${i}` })),
      },
    });
    const batchCalls = (await t.request(`/api/v1/calls?batchId=${batch.body.data.id}`)).body.data.calls;
    ids.push(...batchCalls.map((call: Json) => call.id));
    // Another organization has a limit of its own.
    const other = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      key: t.globex.apiKey,
      body: { agentId: t.globex.voiceAgentId, phoneNumber: '+14155550800' },
    });
    await waitUntil(async () => {
      const statuses = await Promise.all(
        ids.map(async (id) => (await t.request(`/api/v1/calls/${id}`)).body.data.status),
      );
      return statuses.every((status) => TERMINAL.includes(status));
    });
    expect(await mostLiveAtOnce(t, ids)).toBe(2);
    await waitUntil(async () =>
      TERMINAL.includes(
        (await t.request(`/api/v1/calls/${other.body.data.id}`, { key: t.globex.apiKey })).body.data.status,
      ),
    );
  });
});
