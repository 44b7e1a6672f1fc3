import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadResult, runLoad } from '../support/autocannon';
import type { BenchRow } from '../support/bench-result';
import { type BenchStack, placeCall, startBenchStack, waitForDialStarts } from '../support/bench-stack';
import { startIpcChild } from '../support/child-process-ipc';
import { round } from '../support/stats';

const CONNECTIONS = 16;
const DURATION_S = 8;
/** Prometheus scrapes every 15 to 60 s; once a second over-weighs the scrape cost on purpose. */
const SCRAPE_INTERVAL_MS = 1000;
/** Each of the six alternating runs of the metrics comparison (about a minute in all). */
const METRICS_SLOT_S = 4;

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
  let stack: BenchStack | undefined;
  try {
    const { url: baseUrl } = await baseline.call<{ url: string }>('start', {
      dbPath: join(dir, 'baseline.db'),
    });
    const json = { 'content-type': 'application/json' };
    const post = (url: string, headers: Record<string, string>, agentId = 'agent') =>
      runLoad({
        url: `${url}/api/v1/calls/outbound`,
        method: 'POST',
        headers,
        body: JSON.stringify({ agentId, phoneNumber: '+14155552671', metadata: { crm: 'x' } }),
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
      });
    const baselinePost = await post(baseUrl, json);
    // What SQLite's group commit buys: the same load on a stack of its own with it off, stopped
    // before the measured stack starts (so neither pays for the other's backlog).
    const ungrouped = await startBenchStack({ dialCps: 50, talkMs: 20, groupCommit: false });
    // Server CPU per request besides requests/s: less sensitive to what else the machine runs.
    const measured = async (target: BenchStack) => {
      const pid = target.serverProcess.process.pid as number;
      const cpuBefore = processCpuMs(pid);
      const load = await post(
        target.server.url,
        { ...json, 'x-api-key': target.server.apiKey },
        target.server.agentId,
      );
      return { ...load, cpuUsPerRequest: ((processCpuMs(pid) - cpuBefore) * 1000) / Math.max(1, load.total) };
    };
    const ungroupedPost = await measured(ungrouped).finally(() => ungrouped.stop());
    stack = await startBenchStack({ dialCps: 50, talkMs: 20 });
    const auth = { 'x-api-key': stack.server.apiKey };
    const body = JSON.stringify({
      agentId: stack.server.agentId,
      phoneNumber: '+14155552671',
      metadata: { crm: 'x' },
    });
    const outdialPost = await measured(stack);

    const baselineCall = (await (
      await fetch(`${baseUrl}/api/v1/calls/outbound`, { method: 'POST', headers: json, body })
    ).json()) as { data: { id: string } };
    const outdialCall = await placeCall(stack);
    const get = (url: string, headers: Record<string, string>) =>
      runLoad({ url, method: 'GET', headers, connections: CONNECTIONS, durationSeconds: DURATION_S });
    const baselineGet = await get(`${baseUrl}/api/v1/calls/${baselineCall.data.id}`, {});
    const outdialGet = await get(`${stack.server.url}/api/v1/calls/${outdialCall.id}`, auth);

    rows.push(...compare('POST /api/v1/calls/outbound', outdialPost, baselinePost));
    rows.push(...compare('POST /api/v1/calls/outbound, group commit off', ungroupedPost, baselinePost));
    rows.push(...compare('GET /api/v1/calls/{id}', outdialGet, baselineGet));
  } finally {
    await stack?.stop();
    await baseline.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push(...(await metricsOnVersusOff()));
  return rows;
}

/**
 * POST /calls/outbound on two fresh stacks, metrics off and on, in the order off, on, on, off,
 * off, on after a short warm-up of each: on this noisy machine a drift in speed then weighs on
 * both alike. Before each slot both stacks' Dial queues have dialed everything posted so far, so
 * neither slot pays for the other stack's backlog; the calls a slot posts are dialed during it
 * (CPS 200 keeps up), as in production. Besides requests/s, the server process's CPU time per
 * request (user + system, from /proc) is compared: it is what the metrics could add, and it is
 * less sensitive than throughput to what else the machine is doing.
 */
async function metricsOnVersusOff(): Promise<BenchRow[]> {
  const [off, on] = await Promise.all([
    startBenchStack({ dialCps: 200, talkMs: 20 }),
    startBenchStack({ dialCps: 200, talkMs: 20, metrics: true }),
  ]);
  const posted = new Map<BenchStack, number>([
    [off, 0],
    [on, 0],
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
  const slot = async (stack: BenchStack, durationSeconds: number): Promise<MetricsSlot> => {
    await waitForDialStarts(off, (starts) => starts.length >= (posted.get(off) ?? 0), 120_000);
    await waitForDialStarts(on, (starts) => starts.length >= (posted.get(on) ?? 0), 120_000);
    const pid = stack.serverProcess.process.pid as number;
    const cpuBefore = processCpuMs(pid);
    const load = await runLoad({
      url: `${stack.server.url}/api/v1/calls/outbound`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': stack.server.apiKey },
      body: JSON.stringify({
        agentId: stack.server.agentId,
        phoneNumber: '+14155552671',
        metadata: { crm: 'x' },
      }),
      connections: CONNECTIONS,
      durationSeconds,
    });
    posted.set(stack, (posted.get(stack) ?? 0) + load.total - load.non2xx - load.errors);
    return { load, cpuMsPerRequest: (processCpuMs(pid) - cpuBefore) / Math.max(1, load.total) };
  };
  try {
    await slot(off, 1);
    await slot(on, 1);
    const offRuns: MetricsSlot[] = [];
    const onRuns: MetricsSlot[] = [];
    for (const which of ['off', 'on', 'on', 'off', 'off', 'on'] as const) {
      if (which === 'off') offRuns.push(await slot(off, METRICS_SLOT_S));
      else onRuns.push(await slot(on, METRICS_SLOT_S));
    }
    return compareMetrics(offRuns, onRuns, scrapes);
  } finally {
    clearInterval(timer);
    await scraping;
    await Promise.all([off.stop(), on.stop()]);
  }
}

interface MetricsSlot {
  load: LoadResult;
  /** The server process's CPU time (user + system) over the slot, per request. */
  cpuMsPerRequest: number;
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name, which may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function compareMetrics(off: MetricsSlot[], on: MetricsSlot[], scrapes: number): BenchRow[] {
  const scenario = `HTTP POST /api/v1/calls/outbound, metrics off vs on (${CONNECTIONS} connections, ${off.length} × ${METRICS_SLOT_S} s each)`;
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const rate = (runs: MetricsSlot[]) => mean(runs.map((r) => r.load.requestsPerSecond));
  const cpu = (runs: MetricsSlot[]) => mean(runs.map((r) => r.cpuMsPerRequest));
  const failures = [...off, ...on].reduce((sum, r) => sum + r.load.non2xx + r.load.errors, 0);
  const ratio = rate(on) / rate(off);
  const cpuRatio = cpu(on) / cpu(off);
  const p99 = (runs: MetricsSlot[]) => Math.max(...runs.map((r) => r.load.p99));
  return [
    {
      scenario,
      metric: 'requests/s off / on (worst p99 latency off / on)',
      value: `${round(rate(off), 0)} / ${round(rate(on), 0)} (${p99(off)} / ${p99(on)} ms)`,
      note: `order off, on, on, off, off, on, each after both backlogs were dialed; on scraped every ${SCRAPE_INTERVAL_MS / 1000} s (${scrapes} scrapes)${failures ? `; ${failures} non-2xx or errors` : ''}`,
    },
    {
      scenario,
      metric: 'server CPU per request off / on (µs; includes dialing the calls)',
      value: `${round(cpu(off) * 1000, 0)} / ${round(cpu(on) * 1000, 0)}`,
      note: `on ÷ off ${round(cpuRatio, 2)}`,
    },
    {
      scenario,
      metric: 'metrics on ÷ off (requests/s)',
      value: `${round(ratio, 2)}`,
      target: '≥ 0.9',
      met: ratio >= 0.9 && failures === 0 && scrapes > 0,
    },
  ];
}

function compare(
  endpoint: string,
  outdial: LoadResult & { cpuUsPerRequest?: number },
  baseline: LoadResult,
): BenchRow[] {
  const scenario = `HTTP ${endpoint} (${CONNECTIONS} connections, ${DURATION_S} s)`;
  const ratio = outdial.requestsPerSecond / baseline.requestsPerSecond;
  const failures = outdial.non2xx + outdial.errors;
  const notes = [
    ...(outdial.cpuUsPerRequest === undefined
      ? []
      : [`server CPU ${round(outdial.cpuUsPerRequest, 0)} µs per request (includes dialing at CPS 50)`]),
    ...(failures ? [`${failures} non-2xx or errors of ${outdial.total}`] : []),
  ];
  return [
    {
      scenario,
      metric: 'Outdial requests/s (p50 / p99 latency)',
      value: `${round(outdial.requestsPerSecond, 0)} (${outdial.p50} / ${outdial.p99} ms)`,
      note: notes.length > 0 ? notes.join('; ') : undefined,
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
