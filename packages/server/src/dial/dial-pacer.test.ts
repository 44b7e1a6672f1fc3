import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { MonotonicClock } from '../ports/clock';
import { DialPacer } from './dial-pacer';

/**
 * A virtual clock: sleeps resolve only when the test advances time, optionally late by
 * `lateness()` ms (event-loop lag). Everything is deterministic.
 */
class FakeClock implements MonotonicClock {
  #now = 0;
  #timers: { at: number; resolve: () => void }[] = [];
  #stalls: { from: number; until: number }[] = [];
  constructor(readonly lateness: () => number = () => 0) {}
  /** The event loop is blocked from `from` for `ms`: timers due meanwhile fire when it ends. */
  stallAt(from: number, ms: number): void {
    this.#stalls.push({ from, until: from + ms });
  }
  now(): number {
    return this.#now;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) =>
      this.#timers.push({ at: this.#now + Math.max(0, ms) + this.lateness(), resolve }),
    );
  }
  /** Runs timers in time order until `until`, letting promise chains settle between them. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await settle();
      this.#timers.sort((a, b) => a.at - b.at);
      const next = this.#timers[0];
      if (!next || next.at > until) break;
      this.#timers.shift();
      const stall = this.#stalls.find((s) => next.at >= s.from && next.at < s.until);
      this.#now = Math.max(this.#now, stall ? stall.until : next.at);
      next.resolve();
    }
    this.#now = Math.max(this.#now, until);
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Float slack: slots are sums of 1000 / cps. */
const EPSILON = 1e-6;

/** The most starts in any half-open window [t, t + windowMs), as the emulator counts. */
function maxInWindow(starts: number[], windowMs = 1000): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

/** `consumers` loops that always want to start the next dial: a backlog. */
function drainBacklog(
  pacer: DialPacer,
  starts: number[],
  stopAt: { value: boolean },
  consumers = 1,
): Promise<void> {
  const loop = async () => {
    while (!stopAt.value) {
      const start = await pacer.acquire();
      start.sent();
      starts.push(start.at);
    }
  };
  return Promise.all(Array.from({ length: consumers }, loop)).then(() => undefined);
}

describe('DialPacer', () => {
  for (const cps of [1, 7, 10, 50, 200]) {
    it(`under a backlog at ${cps} CPS: never more than ${cps} in a second, at least 98% of the budget`, async () => {
      const clock = new FakeClock();
      const pacer = new DialPacer({ cps, clock });
      const starts: number[] = [];
      const stop = { value: false };
      const consumer = drainBacklog(pacer, starts, stop);
      await clock.runUntil(20_000);
      stop.value = true;
      const inTwentySeconds = starts.filter((t) => t < 20_000).length;
      expect(maxInWindow(starts)).toBeLessThanOrEqual(cps);
      expect(inTwentySeconds).toBeGreaterThanOrEqual(Math.floor(0.98 * cps * 20));
      // Evenly spread: no two starts closer than one spacing.
      const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / cps - EPSILON);
      await clock.runUntil(40_000);
      await consumer;
    });
  }

  it('with many concurrent waiters it still paces (waiters are served one slot each)', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 50, clock });
    const starts: number[] = [];
    const waiters = Array.from({ length: 300 }, () =>
      pacer.acquire().then((s) => {
        s.sent();
        starts.push(s.at);
      }),
    );
    await clock.runUntil(10_000);
    await Promise.all(waiters);
    expect(starts).toHaveLength(300);
    expect(maxInWindow(starts)).toBeLessThanOrEqual(50);
    // 300 starts at 50 CPS take 6 s (plus the 15 ms guard band per second), not more.
    expect(Math.max(...starts)).toBeLessThanOrEqual(6 * 1015);
  });

  it('does not burst after an idle period (missed slots are forfeited)', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 20, clock });
    const starts: number[] = [];
    const first = await pacer.acquire();
    first.sent();
    starts.push(first.at);
    await clock.runUntil(5_000); // idle for 5 s: 100 slots go unused
    const waiters = Array.from({ length: 40 }, () =>
      pacer.acquire().then((s) => {
        s.sent();
        starts.push(s.at);
      }),
    );
    await clock.runUntil(10_000);
    await Promise.all(waiters);
    const afterIdle = starts.slice(1);
    expect(afterIdle).toHaveLength(40);
    const gaps = afterIdle.slice(1).map((t, i) => t - (afterIdle[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 20 - EPSILON);
    expect(afterIdle.filter((t) => t < 6_000).length).toBeLessThanOrEqual(20);
  });

  it('catches up after late wake-ups without overflowing a window', async () => {
    // Every sleep overshoots by 0–4 ms, and every second the event loop stalls for 60 ms (a GC
    // pause, a busy loop).
    let n = 0;
    const lateness = () => (++n * 7919) % 5;
    for (const cps of [10, 200]) {
      const clock = new FakeClock(lateness);
      for (let at = 500; at < 20_000; at += 1000) clock.stallAt(at, 60);
      const pacer = new DialPacer({ cps, clock });
      const starts: number[] = [];
      const stop = { value: false };
      // Several waiters, as in the Dial queue, so a late waiter's slot is caught up by the next.
      const consumer = drainBacklog(pacer, starts, stop, 4);
      await clock.runUntil(20_000);
      stop.value = true;
      expect(maxInWindow(starts)).toBeLessThanOrEqual(cps);
      // The budget is 98.5% (the 15 ms guard), less the mean lateness (2 ms) once per window
      // while the window binds; the stalls are made up. Without catch-up: 96.5% at 10 CPS, 67.5%
      // at 200.
      expect(starts.filter((t) => t < 20_000).length).toBeGreaterThanOrEqual(Math.floor(0.97 * cps * 20));
      await clock.runUntil(40_000);
      await consumer;
    }
  });

  it('a lone late waiter never overflows a window either', async () => {
    let n = 0;
    const clock = new FakeClock(() => (++n % 10 === 0 ? 30 : 1));
    const pacer = new DialPacer({ cps: 50, clock });
    const starts: number[] = [];
    const stop = { value: false };
    const consumer = drainBacklog(pacer, starts, stop);
    await clock.runUntil(10_000);
    stop.value = true;
    expect(maxInWindow(starts)).toBeLessThanOrEqual(50);
    await clock.runUntil(20_000);
    await consumer;
  });

  it('counts a start from when it was really sent, so a late send never overflows a window', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 10, guardBandMs: 10, clock });
    const sends: number[] = [];
    const stop = { value: false };
    let n = 0;
    const consumer = (async () => {
      while (!stop.value) {
        const start = await pacer.acquire();
        // Every seventh INVITE leaves 80 ms after its slot (a cold client, a stalled loop).
        const delay = ++n % 7 === 0 ? 80 : 0;
        void clock.sleep(delay).then(() => {
          start.sent();
          sends.push(clock.now());
        });
      }
    })();
    await clock.runUntil(20_000);
    stop.value = true;
    expect(maxInWindow(sends)).toBeLessThanOrEqual(10);
    await clock.runUntil(40_000);
    await consumer;
  });

  it('the guard band makes every window of cps starts span at least 1 s + guard', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 10, guardBandMs: 50, clock });
    const starts: number[] = [];
    const stop = { value: false };
    const consumer = drainBacklog(pacer, starts, stop);
    await clock.runUntil(10_000);
    stop.value = true;
    for (let i = 10; i < starts.length; i++) {
      expect((starts[i] as number) - (starts[i - 10] as number)).toBeGreaterThanOrEqual(1050);
    }
    await clock.runUntil(20_000);
    await consumer;
  });

  it('gives each slot to the most urgent waiter, equal ranks first come first served', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 10, guardBandMs: 0, clock });
    const order: string[] = [];
    const wait = (name: string, rank: number) =>
      pacer.acquire(rank).then((start) => {
        start.sent();
        order.push(`${name}@${start.at}`);
      });
    // A backlog at rank 5 takes the slots at 0, 100, 200, …
    const backlog = Array.from({ length: 6 }, (_, i) => wait(`b${i}`, 5));
    await clock.runUntil(150);
    // An urgent waiter arrives between two slots: it takes the next one, at 200.
    const urgent = wait('urgent', 0);
    const alsoUrgent = wait('urgent2', 0);
    await clock.runUntil(2_000);
    await Promise.all([...backlog, urgent, alsoUrgent]);
    expect(order).toEqual([
      'b0@0',
      'b1@100',
      'urgent@200',
      'urgent2@300',
      'b2@400',
      'b3@500',
      'b4@600',
      'b5@700',
    ]);
  });

  it('steady under a backlog: one spacing apart, and start k + cps exactly one window + guard after start k', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 50, guardBandMs: 5, clock });
    const starts: number[] = [];
    const stop = { value: false };
    const consumer = drainBacklog(pacer, starts, stop, 3);
    await clock.runUntil(10_000);
    stop.value = true;
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(20 - EPSILON);
    for (let i = 50; i < starts.length; i++) {
      expect((starts[i] as number) - (starts[i - 50] as number)).toBeCloseTo(1005, 6);
    }
    // Nothing lost: 50 per 1005 ms, 9 full windows and the 50 − ⌈(10,050 − 10,000) / 20⌉ of the 10th.
    expect(starts.filter((t) => t < 10_000)).toHaveLength(9 * 50 + 48);
    await clock.runUntil(20_000);
    await consumer;
  });

  for (const stallMs of [118, 600]) {
    it(`after a ${stallMs} ms stall it catches up at twice the rate at most, never more than cps in a sliding window`, async () => {
      // Early in the drain the event loop is blocked for `stallMs` (a GC pause, a busy loop).
      const clock = new FakeClock();
      clock.stallAt(130, stallMs);
      const pacer = new DialPacer({ cps: 50, clock });
      const starts: number[] = [];
      const stop = { value: false };
      const consumer = drainBacklog(pacer, starts, stop, 4);
      await clock.runUntil(20_000);
      stop.value = true;
      const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
      expect(Math.max(...gaps)).toBeGreaterThanOrEqual(stallMs); // the stall did happen
      // No burst: twice the rate at most, two at once at most (the wake-up after the stall).
      const pairs = starts.slice(2).map((t, i) => t - (starts[i] as number));
      expect(Math.min(...pairs)).toBeGreaterThanOrEqual(10 - EPSILON);
      expect(maxInWindow(starts)).toBeLessThanOrEqual(50);
      // A stall up to catchUpMs (200) is made up; a longer one costs at most its own length.
      const lostMs = stallMs <= 200 ? 0 : stallMs;
      expect(starts.filter((t) => t < 20_000).length).toBeGreaterThanOrEqual(
        Math.floor(((20_000 - lostMs) / 1015) * 50) - 1,
      );
      await clock.runUntil(40_000);
      await consumer;
    });
  }

  it('a granted start is not a send: while unsent it fills its place, and counts from its sent()', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 1, guardBandMs: 0, clock });
    const first = await pacer.acquire();
    let secondAt: number | undefined;
    const second = pacer.acquire().then((start) => {
      secondAt = start.at;
      start.sent();
    });
    await clock.runUntil(5_000); // the first INVITE has not left yet: nobody else may start
    expect(secondAt).toBeUndefined();
    first.sent(); // it leaves at 5,000: the next start is one window after that
    await clock.runUntil(10_000);
    await second;
    expect(secondAt).toBe(6_000);
  });

  it('a start returned unused gives its place to the next waiter at once', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 2, guardBandMs: 0, clock });
    const at: number[] = [];
    const first = await pacer.acquire();
    first.sent();
    at.push(first.at);
    const returned = pacer.acquire().then((start) => {
      at.push(start.at);
      start.unused(); // cancelled before its INVITE
      start.sent(); // ignored: a start is reported once
    });
    const next = Array.from({ length: 2 }, () =>
      pacer.acquire().then((start) => {
        start.sent();
        at.push(start.at);
      }),
    );
    await clock.runUntil(5_000);
    await Promise.all([returned, ...next]);
    // The returned 500 ms slot is taken again at 500; the window (two per second) then holds the
    // last until the first start leaves it, at 1,000. Without the return: 500, 1,000, 1,500.
    expect(at).toEqual([0, 500, 500, 1_000]);
  });

  it('an aborted acquire rejects at once, takes no slot, and the waiters behind it keep their pace', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 2, guardBandMs: 0, clock });
    (await pacer.acquire()).sent(); // at 0: the next slot is at 500
    const abort = new AbortController();
    const outcomes: string[] = [];
    // The most urgent waiter, aborted while it waits for the 500 ms slot.
    const aborted = pacer.acquire(0, abort.signal).then(
      () => outcomes.push('granted'),
      (error: unknown) => outcomes.push(`rejected: ${(error as Error).message}`),
    );
    const at: number[] = [];
    const next = Array.from({ length: 2 }, () =>
      pacer.acquire(1).then((start) => {
        start.sent();
        at.push(start.at);
      }),
    );
    await clock.runUntil(100);
    abort.abort(new Error('abdicated'));
    await aborted;
    expect(outcomes).toEqual(['rejected: abdicated']);
    await clock.runUntil(5_000);
    await Promise.all(next);
    // The 500 ms slot goes to the next waiter, as if the aborted one had never asked.
    expect(at).toEqual([500, 1_000]);
    // Aborted before it asks: rejected, no slot.
    await expect(pacer.acquire(0, abort.signal)).rejects.toThrow('abdicated');
  });

  it('keeps no listener on the signal once a start is granted (one signal serves every dial)', async () => {
    const clock = new FakeClock();
    const pacer = new DialPacer({ cps: 50, clock });
    const { signal } = new AbortController();
    const starts = Array.from({ length: 20 }, () => pacer.acquire(0, signal).then((start) => start.sent()));
    // The first is granted at once; the others wait, each listening.
    expect(getEventListeners(signal, 'abort')).toHaveLength(19);
    await clock.runUntil(5_000);
    await Promise.all(starts);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('rejects a CPS that is not a positive integer', () => {
    expect(() => new DialPacer({ cps: 0 })).toThrow(RangeError);
    expect(() => new DialPacer({ cps: 2.5 })).toThrow(RangeError);
  });
});
