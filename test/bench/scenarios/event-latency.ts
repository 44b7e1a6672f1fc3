import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Outdial } from '@outdial/sdk';
import type { BenchRow } from '../support/bench-result';
import { placeCall, startBenchStack } from '../support/bench-stack';
import { percentile, round } from '../support/stats';

const TERMINAL_TYPES = ['call.completed', 'call.failed', 'call.busy', 'call.no_answer', 'call.cancelled'];

/**
 * From a status change committed to an app knowing it, both ways at once, at 20% of the CPS
 * budget while the Dial queue works: an SSE client (`outdial.events.stream()` through the SDK) and
 * a webhook endpoint (a local receiver answering 200 at once). The start is the event's
 * `timestamp`, stamped inside the transaction that commits the change (so the figures include the
 * commit); the end is when the SDK's iterator yields the event, or when the receiver has read the
 * POST's body. Both are wall clocks of two processes on one machine, which agree to well under
 * 1 ms; `timestamp` has whole milliseconds, so single figures are ±1 ms.
 */
export async function eventLatency(
  cps = 50,
  calls = 200,
  {
    database = 'sqlite',
    webhookDispatch,
  }: {
    database?: 'sqlite' | 'postgres';
    /** Default the server's own choice: the main loop on SQLite, a worker thread on PostgreSQL. */
    webhookDispatch?: 'worker' | 'in-process';
  } = {},
): Promise<BenchRow[]> {
  const stack = await startBenchStack({
    dialCps: cps,
    talkMs: 20,
    database,
    ...(webhookDispatch ? { webhookDispatch } : {}),
  });
  const dispatch = webhookDispatch ?? (database === 'postgres' ? 'worker' : 'in-process');
  const isDefault = webhookDispatch === undefined;
  const controller = new AbortController();
  const webhookLatencies: number[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const receivedAt = performance.timeOrigin + performance.now();
      const event = JSON.parse(Buffer.concat(chunks).toString()) as { timestamp: string };
      webhookLatencies.push(receivedAt - Date.parse(event.timestamp));
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const outdial = new Outdial({ apiKey: stack.server.apiKey, baseUrl: stack.server.url });
    const { port } = receiver.address() as AddressInfo;
    await outdial.webhookEndpoints.create({ url: `http://127.0.0.1:${port}/outdial` });
    const sseLatencies: number[] = [];
    const terminal = new Set<string>();
    const types = new Map<string, number>();
    const reading = (async () => {
      for await (const event of outdial.events.stream({ signal: controller.signal })) {
        sseLatencies.push(performance.timeOrigin + performance.now() - Date.parse(event.timestamp));
        types.set(event.type, (types.get(event.type) ?? 0) + 1);
        if (TERMINAL_TYPES.includes(event.type)) terminal.add(event.data.id);
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
    const deadline = Date.now() + 30_000;
    while (webhookLatencies.length < sseLatencies.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const scenario = `Event latency at ${rate}/s (20% of CPS ${cps}) on ${database === 'postgres' ? 'PostgreSQL' : 'SQLite'}, webhooks sent from the ${dispatch === 'worker' ? 'worker thread' : 'main event loop'}${isDefault ? ' (its default)' : ' (not its default)'}`;
    const note = `${sseLatencies.length} events of ${calls} calls (${[...types].map(([t, n]) => `${n} ${t}`).join(', ')})`;
    const sseP99 = percentile(sseLatencies, 99);
    const webhookP99 = percentile(webhookLatencies, 99);
    return [
      {
        scenario,
        metric: 'p50 status committed → SSE client (SDK)',
        value: `${round(percentile(sseLatencies, 50), 1)} ms`,
      },
      {
        scenario,
        metric: 'p99 status committed → SSE client (SDK)',
        value: `${round(sseP99, 1)} ms`,
        target: '≤ 10 ms',
        met: sseP99 <= 10,
        note,
      },
      {
        scenario,
        metric: 'p50 status committed → webhook received',
        value: `${round(percentile(webhookLatencies, 50), 1)} ms`,
      },
      {
        scenario,
        metric: 'p99 status committed → webhook received',
        value: `${round(webhookP99, 1)} ms`,
        target: '≤ 50 ms',
        met: webhookP99 <= 50 && webhookLatencies.length === sseLatencies.length,
        note: `${webhookLatencies.length} deliveries to one local endpoint (every call.* type)`,
      },
    ];
  } finally {
    controller.abort();
    receiver.close();
    await stack.stop();
  }
}
