import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../support/bench-result';
import { startBenchStack } from '../support/bench-stack';
import { startIpcChild } from '../support/child-process-ipc';
import {
  LADDER_LAYER_NAMES,
  LADDER_LAYERS,
  type LadderLayer,
  UNREACHED_RATE_LIMIT,
} from '../support/ladder-layers';
import { type MeasuredLoad, measureLoad } from '../support/process-cpu';
import { round } from '../support/stats';

const CONNECTIONS = 16;
const DURATION_S = 4;
/** Before each measured load, the same load briefly: V8 has compiled the rung's hot paths. */
const WARM_UP_S = 1;
/** A well-formed agent id for the rungs below the real server, which look no agent up. */
const LADDER_AGENT_ID = '550e8400-e29b-41d4-a716-446655440000';
const REAL_SERVER =
  '(f) the real Outdial server (production settings: pino info to a file, rate limit on; DIAL_CPS 1)';

interface Rung {
  name: string;
  post: MeasuredLoad;
  get: MeasuredLoad;
  /** The log lines the rung wrote over its loads (none below (e)). */
  logLines?: number;
  /** What the GET read, when it is worth saying (the real server's call). */
  getNote?: string;
}

/**
 * Where a request's server CPU goes: the same load (autocannon in its own process, 16
 * connections, a few seconds, after a warm-up) on a ladder of servers, each in its own process
 * and adding one layer of Outdial's to the one below: (a) bare Express 5 with constant JSON, (b)
 * the baseline's better-sqlite3 statement, (c) express-openapi-validator as Outdial sets it up,
 * (d) API-key auth, (e) request id, logging and the rate limit, (f) the real server. Each rung's
 * CPU µs per request comes from /proc, the delta from the rung below is what its layer costs.
 */
export async function floorLadder(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'outdial-ladder-'));
  const rungs: Rung[] = [];
  try {
    for (const layer of LADDER_LAYERS) rungs.push(await ladderRung(layer, join(dir, layer)));
    rungs.push(await realServerRung());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    ...ladderRows('POST /api/v1/calls/outbound', rungs, (r) => r.post),
    ...ladderRows('GET /api/v1/calls/{id}', rungs, (r) => r.get),
  ];
}

async function ladderRung(layer: LadderLayer, dir: string): Promise<Rung> {
  mkdirSync(dir, { recursive: true });
  const logFile = layer === 'middleware' ? join(dir, 'server.log') : undefined;
  const child = await startIpcChild(
    fileURLToPath(new URL('../support/ladder-server.ts', import.meta.url)),
    {},
    logFile,
  );
  try {
    const { url, apiKey } = await child.call<{ url: string; apiKey: string }>('start', { layer, dir });
    const rung = await loadRung(child.process.pid as number, url, apiKey, LADDER_AGENT_ID);
    return {
      name: LADDER_LAYER_NAMES[layer],
      ...rung,
      ...(logFile ? { logLines: logLinesOf(logFile) } : {}),
    };
  } finally {
    await child.stop();
  }
}

/** The real server, dialing at CPS 1 so that its work per request is the API's, not the dialer's. */
async function realServerRung(): Promise<Rung> {
  const stack = await startBenchStack({
    dialCps: 1,
    talkMs: 20,
    production: { rateLimit: UNREACHED_RATE_LIMIT },
  });
  try {
    const { server } = stack;
    const rung = await loadRung(
      stack.serverProcess.process.pid as number,
      server.url,
      server.apiKey,
      server.agentId,
    );
    const call = (await (
      await fetch(`${server.url}/api/v1/calls/${rung.getCallId}`, { headers: { 'x-api-key': server.apiKey } })
    ).json()) as { data: { status: string; queuePosition: number | null } };
    return {
      name: REAL_SERVER,
      ...rung,
      logLines: logLinesOf(stack.logFile as string),
      getNote: `the call read was ${call.data.status}, queuePosition ${call.data.queuePosition} (posted after the POST load)`,
    };
  } finally {
    await stack.stop();
  }
}

/** POST, then one call created and read by GET, each load after a warm-up of its own. */
async function loadRung(
  pid: number,
  url: string,
  apiKey: string,
  agentId: string,
): Promise<{ post: MeasuredLoad; get: MeasuredLoad; getCallId: string }> {
  const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
  const body = JSON.stringify({ agentId, phoneNumber: '+14155552671', metadata: { crm: 'x' } });
  const postLoad = (durationSeconds: number) =>
    measureLoad(pid, {
      url: `${url}/api/v1/calls/outbound`,
      method: 'POST',
      headers,
      body,
      connections: CONNECTIONS,
      durationSeconds,
    });
  await postLoad(WARM_UP_S);
  const post = await postLoad(DURATION_S);
  const created = await fetch(`${url}/api/v1/calls/outbound`, { method: 'POST', headers, body });
  if (created.status !== 201)
    throw new Error(`POST /calls/outbound: ${created.status} ${await created.text()}`);
  const { data } = (await created.json()) as { data: { id: string } };
  const getLoad = (durationSeconds: number) =>
    measureLoad(pid, {
      url: `${url}/api/v1/calls/${data.id}`,
      method: 'GET',
      headers: { 'x-api-key': apiKey },
      connections: CONNECTIONS,
      durationSeconds,
    });
  await getLoad(WARM_UP_S);
  return { post, get: await getLoad(DURATION_S), getCallId: data.id };
}

function logLinesOf(file: string): number {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0).length;
}

function ladderRows(endpoint: string, rungs: Rung[], pick: (rung: Rung) => MeasuredLoad): BenchRow[] {
  const scenario = `Floor ladder: ${endpoint} (${CONNECTIONS} connections, ${DURATION_S} s per rung after ${WARM_UP_S} s warm-up)`;
  const rows: BenchRow[] = rungs.map((rung, i) => {
    const load = pick(rung);
    const below = i > 0 ? pick(rungs[i - 1] as Rung) : undefined;
    const delta = below ? load.cpuUsPerRequest - below.cpuUsPerRequest : undefined;
    const failures = load.non2xx + load.errors;
    const notes = [
      `p50 / p99 ${load.p50} / ${load.p99} ms`,
      ...(rung.logLines === undefined
        ? []
        : [`${rung.logLines} log lines in its file (every request of the rung, warm-ups included)`]),
      ...(endpoint.startsWith('GET') && rung.getNote ? [rung.getNote] : []),
      ...(failures ? [`${failures} non-2xx or errors of ${load.total}`] : []),
    ];
    return {
      scenario,
      metric: rung.name,
      value: `${round(load.cpuUsPerRequest, 0)} µs/request (${delta === undefined ? 'floor' : `${delta >= 0 ? '+' : ''}${round(delta, 0)}`}), ${round(load.requestsPerSecond, 0)} req/s`,
      note: notes.join('; '),
    };
  });
  // The layers by what they add, largest first: where the real server's time goes.
  const top = pick(rungs.at(-1) as Rung).cpuUsPerRequest;
  const shares = rungs
    .map((rung, i) => ({
      label: rung.name.slice(0, 3),
      us: pick(rung).cpuUsPerRequest - (i > 0 ? pick(rungs[i - 1] as Rung).cpuUsPerRequest : 0),
    }))
    .sort((a, b) => b.us - a.us);
  rows.push({
    scenario,
    metric: "each layer's share of the real server's CPU per request, largest first",
    value: shares.map((s) => `${s.label} ${round((100 * s.us) / top, 0)}%`).join(' · '),
    note: `of ${round(top, 0)} µs/request; (a) is Node's HTTP and Express's own floor; (f)'s step is all the real server has beyond (e): its routes (kysely, the call service, idempotency, call events), the docs and console routers, the error renderer`,
  });
  return rows;
}
