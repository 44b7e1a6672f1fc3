import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertBacklog,
  insertCalls,
  manyCalls,
  nth,
  type Seeded,
  seededDatabase,
} from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import { type DialKey, QueuedCallWindow } from './queued-call-window';

// One 100k backlog for the whole file: inserting it is the slow part.
let seeded: Seeded;

beforeAll(async () => {
  seeded = await seededDatabase();
  await insertBacklog(seeded, 100_000, 5);
}, 60_000);

afterAll(async () => {
  await seeded.close();
});

function windowOver(size: number) {
  const enqueued: { key: DialKey; signal: AbortSignal }[] = [];
  const window = new QueuedCallWindow({
    backlog: seeded.backlog,
    logger: silentLogger,
    size,
    isTaken: () => false,
    enqueue: (key, signal) => enqueued.push({ key, signal }),
  });
  return { window, enqueued, live: () => enqueued.filter((e) => !e.signal.aborted) };
}

describe('QueuedCallWindow over a 100k backlog', () => {
  it('holds only a window of the next calls, in dial order', async () => {
    const { window, enqueued } = windowOver(500);
    window.open();
    await window.refill();
    expect(window.size).toBe(500);
    expect(enqueued).toHaveLength(500);
    const seqs = enqueued.map((e) => e.key.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const [first] = await seeded.backlog.queuedAfter(undefined, 1);
    expect(seqs[0]).toBe(first?.seq);
    window.close();
  });

  it('refills after the last loaded key as calls are taken, without repeats', async () => {
    const { window, enqueued } = windowOver(200);
    window.open();
    await window.refill();
    for (const { key } of enqueued.slice(0, 150)) window.taken(key.id);
    await window.refill();
    expect(window.size).toBe(200);
    expect(enqueued).toHaveLength(350);
    const ids = enqueued.map((e) => e.key.id);
    expect(new Set(ids).size).toBe(350);
    const seqs = enqueued.map((e) => e.key.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    window.close();
  });

  it('an urgent call that sorts before the window tail enters at once; a later one waits for a refill', async () => {
    const { window, enqueued } = windowOver(100);
    window.open();
    await window.refill();
    const calls = await insertCalls(seeded, [{ priority: 0 }, { priority: 10 }]);
    const urgent = nth(calls, 0);
    const routine = nth(calls, 1);
    window.admit({ id: urgent.id, priority: 0, seq: urgent.seq });
    expect(enqueued.at(-1)?.key.id).toBe(urgent.id);
    window.admit({ id: routine.id, priority: 10, seq: routine.seq });
    await window.refill();
    expect(enqueued.some((e) => e.key.id === routine.id)).toBe(false);
    expect(window.size).toBe(101);
    window.close();
    // Leave the backlog as it was for the other tests.
    for (const call of calls) await seeded.calls.transition(call.id, 'cancelled');
  });

  it('a flood of urgent calls does not grow memory past twice the window: the tail goes back to the database', async () => {
    const { window, live } = windowOver(100);
    window.open();
    await window.refill();
    const urgent = await insertCalls(seeded, manyCalls(250, { priority: 1 }));
    for (const call of urgent) window.admit({ id: call.id, priority: 1, seq: call.seq });
    expect(window.size).toBeLessThanOrEqual(200);
    expect(live().length).toBe(window.size);
    // What stayed is the most urgent: every live entry has priority 1.
    expect(live().every((e) => e.key.priority === 1)).toBe(true);
    window.close();
    for (const call of urgent) await seeded.calls.transition(call.id, 'cancelled');
  });

  it('remove() aborts a queued call so its job never starts', async () => {
    const { window, enqueued } = windowOver(10);
    window.open();
    await window.refill();
    const victim = nth(enqueued, 3);
    window.remove(victim.key.id);
    expect(victim.signal.aborted).toBe(true);
    expect(window.size).toBe(9);
    window.close();
    expect(enqueued.every((e) => e.signal.aborted)).toBe(true);
  });
});
