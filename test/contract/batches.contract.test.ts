/**
 * Batches (issue 14), on every target through @outdial/sdk: created atomically (a bad row
 * rejects them all, naming it), dialed with `maxConcurrentCalls` holding, retried on `retry.on`
 * with `attempt` and `retryOf`, counted once per contact so the counters add up, paused, resumed
 * and cancelled, found only by their organization.
 */
import { type Batch, ConflictError, NotFoundError, Outdial, type OutdialEvent } from '@outdial/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TARGETS, type TargetHandle } from './contract-targets';

const WAIT = { minDelayMs: 50, maxDelayMs: 250, timeoutMs: 30_000 };
const DAY = 86_400_000;
let uniqueNumber = 0;
/** A number no other test uses, so list filters see only this test's calls. */
const freshNumber = () => `+1646555${String(1000 + uniqueNumber++).padStart(4, '0')}`;
const BUSY = '+15005550001';
const NO_ANSWER = '+15005550002';
const sum = ({ total: _total, ...rest }: Batch['counters']) => Object.values(rest).reduce((a, b) => a + b, 0);

describe.each(CONTRACT_TARGETS)('batches on the $name', ({ start }) => {
  let target: TargetHandle;
  let outdial: Outdial;
  let other: Outdial;

  beforeAll(async () => {
    target = await start();
    outdial = new Outdial({ apiKey: target.apiKey, baseUrl: target.baseUrl, maxRetries: 0 });
    other = new Outdial({ apiKey: target.otherApiKey, baseUrl: target.baseUrl, maxRetries: 0 });
  });
  afterAll(() => target?.stop());

  it('dials every contact one at a time, retries the busy one, and completes with counters that add up', async () => {
    const ordinary = freshNumber();
    const batch = await outdial.batches.create({
      name: 'Contract campaign',
      agentId: target.agents.voice.id,
      metadata: { campaign: 'c-1' },
      maxConcurrentCalls: 1,
      retry: { maxAttempts: 2, on: ['busy'], delaySeconds: 1 },
      calls: [
        { phoneNumber: ordinary, metadata: { row: 1 } },
        { phoneNumber: BUSY },
        { phoneNumber: NO_ANSWER },
      ],
    });
    expect(batch).toMatchObject({
      name: 'Contract campaign',
      agentId: target.agents.voice.id,
      maxConcurrentCalls: 1,
      retry: { maxAttempts: 2, on: ['busy'], delaySeconds: 1 },
      completedAt: null,
      counters: { total: 3 },
    });
    expect(batch.id).toMatch(/^batch_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(sum(batch.counters)).toBe(3);

    const seen: Batch['counters'][] = [];
    const done = await outdial.batches.waitForCompletion(batch.id, {
      ...WAIT,
      onProgress: (b) => seen.push(b.counters),
    });
    expect(done).toMatchObject({
      status: 'completed',
      counters: { total: 3, completed: 1, busy: 1, noAnswer: 1 },
    });
    expect(done.completedAt).not.toBeNull();
    for (const counters of seen) expect(sum(counters)).toBe(counters.total);

    const calls = await outdial.calls.list({ batchId: batch.id }).toArray();
    expect(calls).toHaveLength(4); // the busy contact twice
    const first = calls.find((c) => c.phoneNumber === ordinary);
    expect(first).toMatchObject({
      batchId: batch.id,
      attempt: 1,
      retryOf: null,
      metadata: { campaign: 'c-1', row: 1 },
    });
    const busy = calls.filter((c) => c.phoneNumber === BUSY).sort((a, b) => a.attempt - b.attempt);
    expect(busy.map((c) => [c.attempt, c.status])).toEqual([
      [1, 'busy'],
      [2, 'busy'],
    ]);
    expect(busy[1]?.retryOf).toBe(busy[0]?.id);

    // At most one live call at any moment: replay every call's events in commit (id) order.
    const events: OutdialEvent[] = [];
    for (const call of calls) events.push(...(await outdial.calls.listEvents(call.id)).events);
    events.sort((a, b) => (a.id < b.id ? -1 : 1));
    const live = new Set<string>();
    let peak = 0;
    for (const event of events) {
      if (['connecting', 'ringing', 'active'].includes(event.data.status)) live.add(event.data.id);
      else live.delete(event.data.id);
      peak = Math.max(peak, live.size);
    }
    expect(peak).toBe(1);
  });

  it('rejects the whole batch for one bad row, naming it', async () => {
    const phoneNumber = freshNumber();
    await expect(
      outdial.batches.create({
        name: 'Bad row',
        agentId: target.agents.voice.id,
        calls: [{ phoneNumber }, { phoneNumber: '555-0100' }],
      }),
    ).rejects.toMatchObject({
      status: 400,
      message: 'Validation error: Phone number must be in E.164 format (+1234567890)',
      details: [
        { field: 'calls.1.phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' },
      ],
    });
    expect((await outdial.calls.list({ phoneNumber })).data).toEqual([]);
  });

  it('pauses, resumes and cancels a scheduled batch; a finished batch refuses changes', async () => {
    const batch = await outdial.batches.create({
      name: 'Tomorrow',
      agentId: target.agents.voice.id,
      scheduledAt: new Date(Date.now() + DAY),
      calls: [{ phoneNumber: freshNumber() }, { phoneNumber: freshNumber() }],
    });
    expect(batch).toMatchObject({ status: 'scheduled', counters: { total: 2, scheduled: 2 } });
    expect((await outdial.batches.pause(batch.id)).status).toBe('paused');
    expect((await outdial.batches.pause(batch.id)).status).toBe('paused');
    expect((await outdial.batches.resume(batch.id)).status).toBe('scheduled');

    const cancelled = await outdial.batches.cancel(batch.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', counters: { total: 2, cancelled: 2 } });
    expect(cancelled.completedAt).not.toBeNull();
    const calls = await outdial.calls.list({ batchId: batch.id }).toArray();
    expect(calls.map((c) => [c.status, c.cancellation])).toEqual([
      ['cancelled', 'before_dial'],
      ['cancelled', 'before_dial'],
    ]);
    expect((await outdial.batches.cancel(batch.id)).status).toBe('cancelled');
    const refused = await outdial.batches.pause(batch.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toMatchObject({
      status: 409,
      type: 'batch_finished',
      message: 'Batch has already finished: cancelled',
    });
  });

  it('lists the organization’s batches, and hides them from another', async () => {
    const batch = await outdial.batches.create({
      name: 'Listed',
      agentId: target.agents.voice.id,
      scheduledAt: new Date(Date.now() + DAY),
      calls: [{ phoneNumber: freshNumber() }],
    });
    const scheduled = await outdial.batches.list({ status: ['scheduled'] }).toArray();
    expect(scheduled.map((b) => b.id)).toContain(batch.id);
    expect((await outdial.batches.get(batch.id)).name).toBe('Listed');
    await expect(other.batches.get(batch.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(other.batches.cancel(batch.id)).rejects.toMatchObject({
      status: 404,
      message: 'Batch not found',
    });
    expect((await other.batches.list().toArray()).map((b) => b.id)).not.toContain(batch.id);
    await outdial.batches.cancel(batch.id);
  });

  it('replays a batch created with the same Idempotency-Key and body', async () => {
    const params = {
      name: 'Once',
      agentId: target.agents.voice.id,
      scheduledAt: new Date(Date.now() + DAY).toISOString(),
      calls: [{ phoneNumber: freshNumber() }],
    };
    const key = `batch-replay-${Date.now()}`;
    const first = await outdial.batches.create(params, { idempotencyKey: key });
    const replayed = await outdial.batches.create(params, { idempotencyKey: key });
    expect(replayed.id).toBe(first.id);
    const fresh = await outdial.batches.create(params); // a key of its own: another batch
    expect(fresh.id).not.toBe(first.id);
    for (const id of [first.id, fresh.id]) await outdial.batches.cancel(id);
  });
});
