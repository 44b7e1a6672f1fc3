import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCallRow } from '../../test/support/call-rows';
import { waitUntil } from '../../test/support/polling';
import { type Seeded, seededDatabase } from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import type { CallRow, NewCall } from '../ports/call-store';
import type { Clock } from '../ports/clock';
import { CallScheduler } from './call-scheduler';

const T0 = Date.parse('2027-01-04T12:00:00.000Z'); // a Monday
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** Wall time that moves only when the test says so. */
function manualClock(start: number): Clock & { set(instant: Date): void } {
  let now = start;
  return { now: () => new Date(now), set: (instant) => (now = instant.getTime()) };
}

let seeded: Seeded;
let clock: ReturnType<typeof manualClock>;
let handedToQueue: { id: string; priority: number }[];
let scheduler: CallScheduler;
let count = 0;

beforeEach(async () => {
  seeded = await seededDatabase();
  clock = manualClock(T0);
  handedToQueue = [];
  scheduler = new CallScheduler({
    calls: seeded.calls,
    scheduled: seeded.stores.scheduledCalls,
    // The Dial queue's side of the hand-off: what it was told, in order.
    queue: {
      notifyQueuedMany: (calls) => {
        for (const call of calls) handedToQueue.push({ id: call.id, priority: call.priority });
      },
    },
    clock,
    logger: silentLogger,
    batchSize: 2,
  });
});

afterEach(async () => {
  await scheduler.stop();
  await seeded.close();
});

async function scheduledCall(dueAt: Date, fields: Partial<NewCall> = {}): Promise<CallRow> {
  const initiated = await seeded.calls.insertInitiated(
    newCallRow({
      id: `call_${String(++count).padStart(4, '0')}`,
      organization_id: seeded.organizationId,
      agent_id: seeded.agentId,
      started_at: at(0).toISOString(),
      ...fields,
    }),
  );
  const scheduled = await seeded.calls.transition(initiated.id, 'scheduled', {
    patch: { scheduled_at: dueAt.toISOString() },
    now: at(0),
  });
  if (!scheduled) throw new Error('could not schedule');
  return scheduled;
}

const statusOf = async (id: string) => (await seeded.calls.find(id))?.status;

describe('CallScheduler', () => {
  it('queues a call at its scheduledAt, not a millisecond before', async () => {
    const call = await scheduledCall(at(60));
    await scheduler.start();
    clock.set(new Date(at(60).getTime() - 1));
    await scheduler.wake();
    expect(await statusOf(call.id)).toBe('scheduled');
    expect(handedToQueue).toEqual([]);

    clock.set(at(60));
    await scheduler.wake();
    expect(await statusOf(call.id)).toBe('queued');
    expect(handedToQueue).toEqual([{ id: call.id, priority: 5 }]);
    const events = await seeded.calls.events(call.id);
    expect(events.map((event) => [event.to_status, event.at])).toEqual([
      ['initiated', at(0).toISOString()],
      ['scheduled', at(0).toISOString()],
      ['queued', at(60).toISOString()],
    ]);
    // Kept after the call leaves `scheduled`.
    expect((await seeded.calls.find(call.id))?.scheduled_at).toBe(at(60).toISOString());
  });

  it('at start, queues every call that fell due meanwhile in priority order, across batches', async () => {
    const low = await scheduledCall(at(10), { priority: 10 });
    const urgent = await scheduledCall(at(30), { priority: 0 });
    const middle = await scheduledCall(at(20), { priority: 5 });
    const later = await scheduledCall(at(3600), { priority: 0 });
    clock.set(at(600));
    await scheduler.start();
    expect(handedToQueue.map((call) => call.id)).toEqual([urgent.id, middle.id, low.id]);
    expect(await statusOf(later.id)).toBe('scheduled');
  });

  it('fails a call whose latestAt passed, scheduled or queued, as expired, instead of queueing it', async () => {
    const expiring = await scheduledCall(at(60), { latest_at: at(120).toISOString() });
    const queuedInitiated = await seeded.calls.insertInitiated(
      newCallRow({
        id: 'call_queued_expiring',
        organization_id: seeded.organizationId,
        agent_id: seeded.agentId,
        started_at: at(0).toISOString(),
        latest_at: at(90).toISOString(),
      }),
    );
    await seeded.calls.transition(queuedInitiated.id, 'queued', { now: at(0) });
    const keeps = await scheduledCall(at(60), { latest_at: at(7200).toISOString() });
    clock.set(at(300));
    await scheduler.start();
    for (const id of [expiring.id, queuedInitiated.id]) {
      const call = await seeded.calls.find(id);
      expect(call).toMatchObject({ status: 'failed', failure_reason: 'expired', duration: 0 });
      expect(call?.ended_at).toBe(at(300).toISOString());
    }
    expect(handedToQueue).toEqual([{ id: keeps.id, priority: 5 }]);
  });

  it('postpones a due call whose calling window is closed to its next opening, without queueing it', async () => {
    const window = { timezone: 'UTC', start: '09:00', end: '17:00' };
    const call = await scheduledCall(at(0), { calling_window: JSON.stringify(window) });
    // The server was down through the whole window: it is 2027-01-04 20:00 UTC now.
    clock.set(new Date('2027-01-04T20:00:00.000Z'));
    await scheduler.start();
    expect(handedToQueue).toEqual([]);
    expect(await seeded.calls.find(call.id)).toMatchObject({
      status: 'scheduled',
      scheduled_at: '2027-01-05T09:00:00.000Z',
    });
    clock.set(new Date('2027-01-05T09:00:00.000Z'));
    await scheduler.wake();
    expect(handedToQueue).toEqual([{ id: call.id, priority: 5 }]);
  });

  it('leaves a cancelled call alone', async () => {
    const call = await scheduledCall(at(60));
    await seeded.calls.transition(call.id, 'cancelled', { patch: { cancellation: 'before_dial' } });
    clock.set(at(120));
    await scheduler.start();
    expect(handedToQueue).toEqual([]);
    expect(await statusOf(call.id)).toBe('cancelled');
  });

  it('wakes by itself at the next due instant (the timer), and for calls scheduled after it started', async () => {
    // Real time here: the clock is the system's, so the timer is what moves the call.
    const realTime: Clock = { now: () => new Date() };
    const timed = new CallScheduler({
      calls: seeded.calls,
      scheduled: seeded.stores.scheduledCalls,
      queue: {
        notifyQueuedMany: (calls) => {
          for (const call of calls) handedToQueue.push({ id: call.id, priority: call.priority });
        },
      },
      clock: realTime,
      logger: silentLogger,
      // Longer than the test's own timeout: only the timer set for the due instant can fire.
      maxSleepMs: 60_000,
    });
    await timed.start();
    try {
      // Scheduled after start: the scheduler hears of it through the committed transition.
      const soon = await scheduledCall(new Date(Date.now() + 300));
      await waitUntil(() => handedToQueue.length > 0);
      expect(handedToQueue.map((call) => call.id)).toEqual([soon.id]);
      const queued = await seeded.calls.events(soon.id);
      const queuedAt = Date.parse(queued.at(-1)?.at ?? '');
      expect(queuedAt).toBeGreaterThanOrEqual(Date.parse(soon.scheduled_at ?? ''));
    } finally {
      await timed.stop();
    }
  });
});
