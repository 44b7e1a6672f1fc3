import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadResult, runLoad } from '../support/autocannon';
import type { BenchRow } from '../support/bench-result';
import { type BenchStack, placeCall, startBenchStack, waitForDialStarts } from '../support/bench-stack';
import { startIpcChild } from '../support/child-process-ipc';
import { UNREACHED_RATE_LIMIT } from '../support/ladder-layers';
import { measureLoad, processCpuMs } from '../support/process-cpu';
import { round } from '../support/stats';

const CONNECTIONS = 16;
/** Issue 15: Outdial ÷ the bare baseline, requests/s. */
const POST_TARGET = 0.6;
const GET_TARGET = 0.5;
const DURATION_S = 8;
/** Prometheus scrapes every 15 to 60 s; once a second over-weighs the scrape cost on purpose. */
const SCRAPE_INTERVAL_MS = 1000;
/** Each of the six alternating runs of the metrics comparison (about a minute in all). */
const METRICS_SLOT_S = 4;

/**
 * Requests/s and latency of POST /calls/outbound and GET /calls/{id}, loaded by autocannon from
 * its own process, against a bare Express 5 + better-sqlite3 baseline measured in the same run:
 * as the bench runs the server (silent, no rate limit), then with production settings, and GET
 * of a queued call at 0, 10,000 and 100,000 queued; then POST /calls/outbound with metrics on
 * against metrics off. Where a request's time goes is the floor ladder's question (floor-ladder.ts).
 */
export async function httpThroughput(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'outdial-baseline-'));
  const baseline = await startIpcChild(
    fileURLToPath(new URL('../support/baseline-server.ts', import.meta.url)),
  );
  let stack: BenchStack | undefined;
  let baselineGet: LoadResult;
  let baselinePost: LoadResult;
  try {
    const { url: baseUrl } = await baseline.call<{ url: string }>('start', {
      dbPath: join(dir, 'baseline.db'),
    });
    baselinePost = await postLoad(baseUrl, JSON_HEADERS);
    // What SQLite's group commit buys: the same load on a stack of its own with it off, stopped
    // before the measured stack starts (so neither pays for the other's backlog).
    const ungrouped = await startBenchStack({ dialCps: 50, talkMs: 20, groupCommit: false });
    const ungroupedPost = await measuredPost(ungrouped).finally(() => ungrouped.stop({ kill: true }));
    // What checkpointing the WAL on a worker thread buys: the writer checkpointing after its
    // commits instead, as SQLite does by default.
    const inline = await startBenchStack({ dialCps: 50, talkMs: 20, walCheckpoints: 'inline' });
    const inlinePost = await measuredPost(inline).finally(() => inline.stop({ kill: true }));
    stack = await startBenchStack({ dialCps: 50, talkMs: 20 });
    const outdialPost = await measuredPost(stack);

    const baselineCall = (await (
      await fetch(`${baseUrl}/api/v1/calls/outbound`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: postBody(stack.server.agentId),
      })
    ).json()) as { data: { id: string } };
    const outdialCall = await placeCall(stack);
    baselineGet = await getLoad(`${baseUrl}/api/v1/calls/${baselineCall.data.id}`, {});
    const outdialGet = await measuredGet(stack, outdialCall.id);

    rows.push(
      ...compare('POST /api/v1/calls/outbound', outdialPost, baselinePost, { minRatio: POST_TARGET }),
    );
    rows.push(
      ...compare('POST /api/v1/calls/outbound, group commit off', ungroupedPost, baselinePost, {
        minRatio: POST_TARGET,
      }),
    );
    rows.push(
      ...compare('POST /api/v1/calls/outbound, WAL checkpoints inline', inlinePost, baselinePost, {
        minRatio: POST_TARGET,
        baselineRow: false,
        notes: ["the writer checkpoints after its commits (SQLite's default) instead of the worker thread"],
      }),
    );
    rows.push(
      ...compare('GET /api/v1/calls/{id}', outdialGet, baselineGet, {
        minRatio: GET_TARGET,
        notes: [`the call read: ${await callState(stack, outdialCall.id)} (posted after the POST load)`],
      }),
    );
  } finally {
    await stack?.stop({ kill: true });
    await baseline.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push(...(await productionSettings(baselinePost, baselineGet)));
  rows.push(...(await getUnderBacklog(baselineGet)));
  rows.push(...(await metricsOnVersusOff()));
  return rows;
}

/** The server's own CPU time per request besides requests/s: less sensitive to what else the machine runs. */
const measuredPost = (stack: BenchStack) =>
  measureLoad(stack.serverProcess.process.pid as number, {
    ...postOptions(
      stack.server.url,
      { ...JSON_HEADERS, 'x-api-key': stack.server.apiKey },
      stack.server.agentId,
    ),
  });

const measuredGet = (stack: BenchStack, callId: string, durationSeconds = DURATION_S) =>
  measureLoad(stack.serverProcess.process.pid as number, {
    url: `${stack.server.url}/api/v1/calls/${callId}`,
    method: 'GET',
    headers: { 'x-api-key': stack.server.apiKey },
    connections: CONNECTIONS,
    durationSeconds,
  });

const JSON_HEADERS = { 'content-type': 'application/json' };
const postBody = (agentId: string) =>
  JSON.stringify({ agentId, phoneNumber: '+14155552671', metadata: { crm: 'x' } });
const postOptions = (url: string, headers: Record<string, string>, agentId = 'agent') => ({
  url: `${url}/api/v1/calls/outbound`,
  method: 'POST' as const,
  headers,
  body: postBody(agentId),
  connections: CONNECTIONS,
  durationSeconds: DURATION_S,
});
const postLoad = (url: string, headers: Record<string, string>) => runLoad(postOptions(url, headers));
const getLoad = (url: string, headers: Record<string, string>) =>
  runLoad({ url, method: 'GET', headers, connections: CONNECTIONS, durationSeconds: DURATION_S });

/** A call's status and queuePosition as GET /calls/{id} answers them now. */
async function callState(stack: BenchStack, callId: string): Promise<string> {
  const response = await fetch(`${stack.server.url}/api/v1/calls/${callId}`, {
    headers: { 'x-api-key': stack.server.apiKey },
  });
  const { data } = (await response.json()) as { data: { status: string; queuePosition: number | null } };
  return `${data.status}, queuePosition ${data.queuePosition}`;
}

/**
 * POST and GET as deployed: pino at `info` writing every request's line to a file (not silent),
 * and the per-API-key rate limit on, its limit far above this load (what is measured is the
 * middleware's cost, not 429s). Otherwise the stack of the rows above (CPS 50).
 */
async function productionSettings(baselinePost: LoadResult, baselineGet: LoadResult): Promise<BenchRow[]> {
  const stack = await startBenchStack({
    dialCps: 50,
    talkMs: 20,
    production: { rateLimit: UNREACHED_RATE_LIMIT },
  });
  try {
    const post = await measuredPost(stack);
    const call = await placeCall(stack);
    const get = await measuredGet(stack, call.id);
    const lines = readFileSync(stack.logFile as string, 'utf8')
      .split('\n')
      .filter(Boolean);
    const limited = lines.filter((line) => line.includes('"status":429')).length;
    const logged = `${lines.length} log lines in the stack's file (${limited} of them 429s); rate limit ${UNREACHED_RATE_LIMIT.limit.toLocaleString('en-US')}/min per key`;
    const settings = 'production settings (pino info to a file, rate limit on)';
    return [
      ...compare(`POST /api/v1/calls/outbound, ${settings}`, post, baselinePost, {
        minRatio: POST_TARGET,
        baselineRow: false,
        notes: [logged],
      }),
      ...compare(`GET /api/v1/calls/{id}, ${settings}`, get, baselineGet, {
        minRatio: GET_TARGET,
        baselineRow: false,
        notes: [`the call read: ${await callState(stack, call.id)}`],
      }),
    ];
  } finally {
    await stack.stop({ kill: true });
  }
}

const BACKLOG_BATCH = 10_000;
const LONE_ATTEMPTS = 20;
/** Each backlog's GET load: shorter than the rows above, to keep the scenario within ~3 min. */
const BACKLOG_GET_S = 4;

/**
 * GET /calls/{id} of a queued call (so its queuePosition is computed) at 0, 10,000 and 100,000
 * calls queued. The backlog comes from 10,000-call batches (POST /api/v1/batches, about half a
 * second each) on a stack dialing at CPS 1, so it stays queued; the call read is the newest of
 * the last batch, behind the rest. At 0: one-call batches, each paused at once, until one's call
 * is found queued (the Dial queue claims a few calls ahead of their slot, and may take the
 * first ones before their pause), so it waits at the front with no backlog before it.
 */
async function getUnderBacklog(baselineGet: LoadResult): Promise<BenchRow[]> {
  const stack = await startBenchStack({ dialCps: 1, talkMs: 20 });
  const rows: BenchRow[] = [];
  try {
    let lone: string | undefined;
    for (let attempt = 0; attempt < LONE_ATTEMPTS && !lone; attempt++) {
      const batch = await postBatch(stack, 1, 11 + attempt);
      await changeBatch(stack, batch, 'pause');
      const callId = await newestCallOf(stack, batch);
      if ((await callState(stack, callId)).startsWith('queued,')) lone = callId;
    }
    if (!lone) throw new Error(`no paused one-call batch's call stayed queued in ${LONE_ATTEMPTS} attempts`);
    rows.push(await backlogRow(stack, 0, lone, baselineGet));
    for (let batches = 1; batches <= 10; batches++) {
      const batch = await postBatch(stack, BACKLOG_BATCH, batches);
      if (batches === 1 || batches === 10)
        rows.push(
          await backlogRow(stack, batches * BACKLOG_BATCH, await newestCallOf(stack, batch), baselineGet),
        );
    }
    return rows;
  } finally {
    await stack.stop({ kill: true });
  }
}

async function backlogRow(
  stack: BenchStack,
  backlog: number,
  callId: string,
  baselineGet: LoadResult,
): Promise<BenchRow> {
  const get = await measuredGet(stack, callId, BACKLOG_GET_S);
  const ratio = get.requestsPerSecond / baselineGet.requestsPerSecond;
  const failures = get.non2xx + get.errors;
  const state = await callState(stack, callId);
  return {
    scenario: `HTTP GET /api/v1/calls/{id} of a queued call, ${backlog.toLocaleString('en-US')} queued (${CONNECTIONS} connections, ${BACKLOG_GET_S} s)`,
    metric: 'Outdial requests/s (p50 / p99 latency), ÷ baseline',
    value: `${round(get.requestsPerSecond, 0)} (${get.p50} / ${get.p99} ms), ${round(ratio, 2)}`,
    target: `≥ ${GET_TARGET}`,
    met: ratio >= GET_TARGET && failures === 0 && state.startsWith('queued,'),
    note: [
      `the call read after the load: ${state}, of ${await queuedCount(stack)} queued (GET /api/v1/queue)`,
      `server CPU ${round(get.cpuUsPerRequest, 0)} µs per request (DIAL_CPS 1)`,
      ...(failures ? [`${failures} non-2xx or errors of ${get.total}`] : []),
    ].join('; '),
  };
}

/** POST /api/v1/batches of `count` distinct contacts; its id. */
async function postBatch(stack: BenchStack, count: number, run: number): Promise<string> {
  const response = await fetch(`${stack.server.url}/api/v1/batches`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, 'x-api-key': stack.server.apiKey },
    body: JSON.stringify({
      name: `backlog ${run}`,
      agentId: stack.server.agentId,
      calls: Array.from({ length: count }, (_, i) => ({
        phoneNumber: `+1415${1_000_000 + run * BACKLOG_BATCH + i}`,
      })),
    }),
  });
  if (response.status !== 201)
    throw new Error(`POST /batches: ${response.status} ${(await response.text()).slice(0, 500)}`);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

async function changeBatch(stack: BenchStack, batchId: string, action: 'pause'): Promise<void> {
  const response = await fetch(`${stack.server.url}/api/v1/batches/${batchId}/${action}`, {
    method: 'POST',
    headers: { 'x-api-key': stack.server.apiKey },
  });
  if (response.status !== 200)
    throw new Error(`POST /batches/${batchId}/${action}: ${response.status} ${await response.text()}`);
}

/** The newest call of a batch (GET /api/v1/calls lists newest first). */
async function newestCallOf(stack: BenchStack, batchId: string): Promise<string> {
  const response = await fetch(`${stack.server.url}/api/v1/calls?batchId=${batchId}&limit=1`, {
    headers: { 'x-api-key': stack.server.apiKey },
  });
  const { data } = (await response.json()) as { data: { calls: { id: string }[] } };
  if (!data.calls[0]) throw new Error(`batch ${batchId} has no calls`);
  return data.calls[0].id;
}

/** Calls queued over every trunk, as GET /api/v1/queue counts them. */
async function queuedCount(stack: BenchStack): Promise<number> {
  const response = await fetch(`${stack.server.url}/api/v1/queue`, {
    headers: { 'x-api-key': stack.server.apiKey },
  });
  const { data } = (await response.json()) as { data: { trunks: { queued: number }[] } };
  return data.trunks.reduce((sum, trunk) => sum + trunk.queued, 0);
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

interface CompareOptions {
  /** Outdial ÷ baseline (requests/s) at least this. */
  minRatio: number;
  /** The baseline's own row (false where the rows above already show it). Default true. */
  baselineRow?: boolean;
  notes?: string[];
}

function compare(
  endpoint: string,
  outdial: LoadResult & { cpuUsPerRequest?: number },
  baseline: LoadResult,
  options: CompareOptions,
): BenchRow[] {
  const scenario = `HTTP ${endpoint} (${CONNECTIONS} connections, ${DURATION_S} s)`;
  const ratio = outdial.requestsPerSecond / baseline.requestsPerSecond;
  const failures = outdial.non2xx + outdial.errors;
  const notes = [
    ...(outdial.cpuUsPerRequest === undefined
      ? []
      : [`server CPU ${round(outdial.cpuUsPerRequest, 0)} µs per request (includes dialing at CPS 50)`]),
    ...(options.notes ?? []),
    ...(failures ? [`${failures} non-2xx or errors of ${outdial.total}`] : []),
  ];
  const met = ratio >= options.minRatio && failures === 0;
  return [
    {
      scenario,
      metric: 'Outdial requests/s (p50 / p99 latency)',
      value: `${round(outdial.requestsPerSecond, 0)} (${outdial.p50} / ${outdial.p99} ms)`,
      note: notes.length > 0 ? notes.join('; ') : undefined,
    },
    ...(options.baselineRow === false
      ? []
      : [
          {
            scenario,
            metric: 'baseline requests/s (p50 / p99 latency)',
            value: `${round(baseline.requestsPerSecond, 0)} (${baseline.p50} / ${baseline.p99} ms)`,
            note: 'bare Express 5 + better-sqlite3, no validation, auth or queue',
          },
        ]),
    {
      scenario,
      metric: 'Outdial ÷ baseline',
      value: `${round(ratio, 2)}`,
      target: `≥ ${options.minRatio}`,
      met,
      note: met ? undefined : 'where the time goes: the floor ladder rows (`pnpm bench ladder`)',
    },
  ];
}
