import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadResult, runLoad } from '../support/autocannon';
import type { BenchRow } from '../support/bench-result';
import { type BenchStack, placeCall, startBenchStack } from '../support/bench-stack';
import { startIpcChild } from '../support/child-process-ipc';
import { round } from '../support/stats';

const CONNECTIONS = 16;
const DURATION_S = 8;
/** Prometheus scrapes every 15 to 60 s; once a second over-weighs the scrape cost on purpose. */
const SCRAPE_INTERVAL_MS = 1000;
/** Each of the four alternating runs of the metrics comparison (about 20 s in all). */
const METRICS_SLOT_S = 3;

/**
 * Requests/s and latency of POST /calls/outbound and GET /calls/{id}, loaded by autocannon from
 * its own process, against a bare Express 5 + better-sqlite3 baseline measured in the same run;
 * then POST /calls/outbound with metrics on against metrics off.
 */
export async function httpThroughput(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'outdial-baseline-'));
  const baseline = await startIpcChild(
    fileURLToPath(new URL('../support/baseline-server.ts', import.meta.url)),
  );
  const stack = await startBenchStack({ dialCps: 50, talkMs: 20 });
  try {
    const { url: baseUrl } = await baseline.call<{ url: string }>('start', {
      dbPath: join(dir, 'baseline.db'),
    });
    const body = JSON.stringify({
      agentId: stack.server.agentId,
      phoneNumber: '+14155552671',
      metadata: { crm: 'x' },
    });
    const json = { 'content-type': 'application/json' };
    const auth = { 'x-api-key': stack.server.apiKey };

    const post = (url: string, headers: Record<string, string>) =>
      runLoad({
        url: `${url}/api/v1/calls/outbound`,
        method: 'POST',
        headers,
        body,
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
      });
    const baselinePost = await post(baseUrl, json);
    const outdialPost = await post(stack.server.url, { ...json, ...auth });

    const baselineCall = (await (
      await fetch(`${baseUrl}/api/v1/calls/outbound`, { method: 'POST', headers: json, body })
    ).json()) as { data: { id: string } };
    const outdialCall = await placeCall(stack);
    const get = (url: string, headers: Record<string, string>) =>
      runLoad({ url, method: 'GET', headers, connections: CONNECTIONS, durationSeconds: DURATION_S });
    const baselineGet = await get(`${baseUrl}/api/v1/calls/${baselineCall.data.id}`, {});
    const outdialGet = await get(`${stack.server.url}/api/v1/calls/${outdialCall.id}`, auth);

    rows.push(...compare('POST /api/v1/calls/outbound', outdialPost, baselinePost));
    rows.push(...compare('GET /api/v1/calls/{id}', outdialGet, baselineGet));
  } finally {
    await stack.stop();
    await baseline.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push(...(await metricsOnVersusOff()));
  return rows;
}

/**
 * POST /calls/outbound on two fresh stacks, metrics off and on, in the order off, on, on, off: on
 * this noisy machine a drift in speed then weighs on both alike. The stacks run side by side, so
 * each one's Dial queue dials its backlog while the other is loaded, in turn.
 */
async function metricsOnVersusOff(): Promise<BenchRow[]> {
  const [off, on] = await Promise.all([
    startBenchStack({ dialCps: 50, talkMs: 20 }),
    startBenchStack({ dialCps: 50, talkMs: 20, metrics: true }),
  ]);
  let scrapes = 0;
  let scraping: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    // One at a time, as Prometheus does; a failed scrape is simply not counted.
    scraping = scraping
      .then(async () => {
        const response = await fetch(on.server.metricsUrl as string);
        await response.text();
        if (response.ok) scrapes++;
      })
      .catch(() => undefined);
  }, SCRAPE_INTERVAL_MS);
  try {
    const post = (stack: BenchStack) =>
      runLoad({
        url: `${stack.server.url}/api/v1/calls/outbound`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': stack.server.apiKey },
        body: JSON.stringify({
          agentId: stack.server.agentId,
          phoneNumber: '+14155552671',
          metadata: { crm: 'x' },
        }),
        connections: CONNECTIONS,
        durationSeconds: METRICS_SLOT_S,
      });
    const offRuns = [await post(off)];
    const onRuns = [await post(on), await post(on)];
    offRuns.push(await post(off));
    return compareMetrics(offRuns, onRuns, scrapes);
  } finally {
    clearInterval(timer);
    await scraping;
    await Promise.all([off.stop(), on.stop()]);
  }
}

function compareMetrics(off: LoadResult[], on: LoadResult[], scrapes: number): BenchRow[] {
  const scenario = `HTTP POST /api/v1/calls/outbound, metrics off vs on (${CONNECTIONS} connections, 2 × ${METRICS_SLOT_S} s each)`;
  const rate = (runs: LoadResult[]) => runs.reduce((sum, r) => sum + r.requestsPerSecond, 0) / runs.length;
  const failures = [...off, ...on].reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  const ratio = rate(on) / rate(off);
  const p99 = (runs: LoadResult[]) => Math.max(...runs.map((r) => r.p99));
  return [
    {
      scenario,
      metric: 'requests/s off / on (worst p99 latency off / on)',
      value: `${round(rate(off), 0)} / ${round(rate(on), 0)} (${p99(off)} / ${p99(on)} ms)`,
      note: `order off, on, on, off; on scraped every ${SCRAPE_INTERVAL_MS / 1000} s (${scrapes} scrapes)${failures ? `; ${failures} non-2xx or errors` : ''}`,
    },
    {
      scenario,
      metric: 'metrics on ÷ off',
      value: `${round(ratio, 2)}`,
      target: '≥ 0.9',
      met: ratio >= 0.9 && failures === 0 && scrapes > 0,
    },
  ];
}

function compare(endpoint: string, outdial: LoadResult, baseline: LoadResult): BenchRow[] {
  const scenario = `HTTP ${endpoint} (${CONNECTIONS} connections, ${DURATION_S} s)`;
  const ratio = outdial.requestsPerSecond / baseline.requestsPerSecond;
  const failures = outdial.non2xx + outdial.errors;
  return [
    {
      scenario,
      metric: 'Outdial requests/s (p50 / p99 latency)',
      value: `${round(outdial.requestsPerSecond, 0)} (${outdial.p50} / ${outdial.p99} ms)`,
      note: failures ? `${failures} non-2xx or errors of ${outdial.total}` : undefined,
    },
    {
      scenario,
      metric: 'baseline requests/s (p50 / p99 latency)',
      value: `${round(baseline.requestsPerSecond, 0)} (${baseline.p50} / ${baseline.p99} ms)`,
      note: 'bare Express 5 + better-sqlite3, no validation, auth or queue',
    },
    {
      scenario,
      metric: 'Outdial ÷ baseline',
      value: `${round(ratio, 2)}`,
      target: '≥ 0.5',
      met: ratio >= 0.5 && failures === 0,
      note:
        ratio >= 0.5
          ? undefined
          : 'Cause (CPU profile of the server under this load): express-openapi-validator takes about a quarter of each request (route lookup, security, request validation), kysely query building and SQLite about another quarter (a create is two transactions and three call events; a GET of a queued call counts the calls ahead of it for queuePosition, O(backlog)), auth a SHA-256 and a lookup per request; the baseline runs one prepared statement',
    },
  ];
}
