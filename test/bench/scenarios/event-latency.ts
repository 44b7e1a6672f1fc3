import { Outdial } from '@outdial/sdk';
import type { BenchRow } from '../support/bench-result';
import { placeCall, startBenchStack } from '../support/bench-stack';
import { percentile, round } from '../support/stats';

/**
 * From a status change committed to an SSE client holding it: `listEvents` streamed through the
 * SDK (`outdial.events.stream()`), at 20% of the CPS budget while the Dial queue works. The start
 * is the event's `timestamp`, stamped inside the transaction that commits the change (so the
 * figure includes the commit itself); the end is when the SDK's iterator yields the event. Both
 * are wall clocks of two processes on one machine, which agree to well under 1 ms; `timestamp`
 * has whole milliseconds, so single figures are ±1 ms.
 */
export async function eventLatency(cps = 50, calls = 200): Promise<BenchRow[]> {
  const stack = await startBenchStack({ dialCps: cps, talkMs: 20 });
  const controller = new AbortController();
  try {
    const outdial = new Outdial({ apiKey: stack.server.apiKey, baseUrl: stack.server.url });
    const latencies: number[] = [];
    const terminal = new Set<string>();
    const types = new Map<string, number>();
    const reading = (async () => {
      for await (const event of outdial.events.stream({ signal: controller.signal })) {
        latencies.push(performance.timeOrigin + performance.now() - Date.parse(event.timestamp));
        types.set(event.type, (types.get(event.type) ?? 0) + 1);
        if (
          ['call.completed', 'call.failed', 'call.busy', 'call.no_answer', 'call.cancelled'].includes(
            event.type,
          )
        )
          terminal.add(event.data.id);
        if (terminal.size >= calls) return;
      }
    })();
    // The stream only sends what is committed after it opened: give the request a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rate = cps * 0.2;
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      const due = t0 + (i * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await placeCall(stack);
    }
    await Promise.race([
      reading,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out waiting for events')), 60_000)),
    ]);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const scenario = `Event latency at ${rate}/s (20% of CPS ${cps})`;
    return [
      { scenario, metric: 'p50 status committed → SSE client (SDK)', value: `${round(p50, 1)} ms` },
      {
        scenario,
        metric: 'p99 status committed → SSE client (SDK)',
        value: `${round(p99, 1)} ms`,
        target: '≤ 10 ms',
        met: p99 <= 10,
        note: `${latencies.length} events of ${calls} calls (${[...types].map(([t, n]) => `${n} ${t}`).join(', ')})`,
      },
    ];
  } finally {
    controller.abort();
    await stack.stop();
  }
}
