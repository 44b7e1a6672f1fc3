import type { BenchRow } from '../support/bench-result';
import { placeCall, placeCalls, startBenchStack, startOf, waitForDialStarts } from '../support/bench-stack';
import { round } from '../support/stats';

/**
 * 10,000 calls queued at priority 5, then one at priority 0: how long until the urgent one is
 * dialed? It should wait at most one pacing slot (1/CPS) plus the dial's own LiveKit round trips.
 */
export async function priorityUnderBacklog(cps = 50, backlog = 10_000): Promise<BenchRow[]> {
  const stack = await startBenchStack({ dialCps: cps, talkMs: 20 });
  try {
    await placeCalls(stack, backlog, 32, { priority: 5 });
    const urgent = await placeCall(stack, { priority: 0 });
    const starts = await waitForDialStarts(stack, (s) => startOf(s, urgent.id) !== undefined, 30_000);
    const start = startOf(starts, urgent.id);
    if (!start) throw new Error('the urgent call was not dialed');
    const waited = start.at - urgent.acceptedAt;
    const dialedBefore = starts.filter((s) => s.monotonic < start.monotonic).length;
    const target = 1000 / cps + 50;
    return [
      {
        scenario: `Priority under a ${backlog.toLocaleString('en-US')}-call backlog (CPS ${cps})`,
        metric: 'priority 0 call: POST accepted → dialed',
        value: `${round(waited, 1)} ms`,
        target: `≤ ${round(target, 0)} ms (1/CPS + 50 ms)`,
        met: waited <= target,
        note:
          `${dialedBefore} backlog calls had been dialed before it; ${backlog - dialedBefore} were still queued behind it` +
          (waited <= target
            ? ''
            : '. Cause: it waits behind the calls already claimed and prepared for the next slots (the look-ahead, ≥ 2 slots = 40 ms at CPS 50), then for its own slot; the pacer serves waiters first come, first served'),
      },
    ];
  } finally {
    await stack.stop();
  }
}
