import type { BenchRow } from '../support/bench-result';
import { placeCall, startBenchStack, startOf, waitForDialStarts } from '../support/bench-stack';
import { percentile, round } from '../support/stats';

/**
 * From POST accepted (the 201 reaching the client) to CreateSIPParticipant reaching the emulator,
 * at 20% of the CPS budget, so pacing never has to hold a call back. The two timestamps come from
 * two processes' clocks (performance.timeOrigin + now()), which agree to well under 1 ms on one
 * machine.
 */
export async function dialLatency(cps = 50, calls = 200): Promise<BenchRow[]> {
  const stack = await startBenchStack({ dialCps: cps, talkMs: 20 });
  try {
    const rate = cps * 0.2;
    const placed: { id: string; acceptedAt: number }[] = [];
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      // A steady arrival rate: the i-th call is placed at t0 + i / rate.
      const due = t0 + (i * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      placed.push(await placeCall(stack));
    }
    const starts = await waitForDialStarts(stack, (s) => s.length >= calls, 30_000);
    const latencies = placed.map((p) => {
      const start = startOf(starts, p.id);
      if (!start) throw new Error(`no dial start for ${p.id}`);
      return start.at - p.acceptedAt;
    });
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      {
        scenario: `Dial latency at ${rate}/s (20% of CPS ${cps})`,
        metric: 'p50 POST accepted → SIP INVITE',
        value: `${round(p50, 1)} ms`,
      },
      {
        scenario: `Dial latency at ${rate}/s (20% of CPS ${cps})`,
        metric: 'p99 POST accepted → SIP INVITE',
        value: `${round(p99, 1)} ms`,
        target: '≤ 25 ms',
        met: p99 <= 25,
        note: `${calls} calls; includes CreateRoom and CreateDispatch before the INVITE`,
      },
    ];
  } finally {
    await stack.stop();
  }
}
