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
/** Each of a rung's two measured loads per endpoint (one per pass). */
const DURATION_S = 3;
/** Before a rung's first measured load, the same load briefly: V8 has compiled its hot paths. */
const WARM_UP_S = 1;
/** A well-formed agent id for the rungs below the real server, which look no agent up. */
const LADDER_AGENT_ID = '550e8400-e29b-41d4-a716-446655440000';
const REAL_SERVER =
  '(f) the real Outdial server (production settings: pino info to a file, rate limit on; DIAL_CPS 1)';

/** One rung's server, running in its own process for the whole scenario. */
interface RungServer {
  name: string;
  pid: number;
  url: string;
  apiKey: string;
  agentId: string;
  logFile?: string;
  stop(): Promise<void>;
}

interface Rung {
  name: string;
  /** One per pass: up the ladder, then down. */
  post: MeasuredLoad[];
  get: MeasuredLoad[];
  /** The log lines the rung wrote over its loads (none below (e)). */
  logLines?: number;
  /** The status and queuePosition of the call the GETs read (the real server's). */
  getNote?: string;
}

/**
 * Where a request's server CPU goes: the same load (autocannon in its own process, 16
 * connections, a few seconds) on a ladder of servers, each in its own process and adding one
 * layer of Outdial's to the one below: (a) bare Express 5 with constant JSON, (b) the baseline's
 * better-sqlite3 statement, (c) express-openapi-validator as Outdial sets it up, (d) API-key
 * auth, (e) request id, logging and the rate limit, (f) the real server. All rungs run at once and
 * are measured in two passes, up the ladder and back down, so that a drift in the machine's speed
 * weighs on every rung alike. Each rung's CPU µs per request comes from /proc (both passes
 * together); the delta from the rung below is what its layer costs.
 */
export async function floorLadder(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'outdial-ladder-'));
  const servers: RungServer[] = [];
  try {
    for (const layer of LADDER_LAYERS) servers.push(await startLadderRung(layer, join(dir, layer)));
    servers.push(await startRealServer());
    const rungs = new Map<RungServer, Rung & { getCallId?: string }>(
      servers.map((server) => [server, { name: server.name, post: [], get: [] }]),
    );
    for (const server of [...servers, ...[...servers].reverse()]) {
      const rung = rungs.get(server) as Rung & { getCallId?: string };
      if (!rung.getCallId) {
        await postLoad(server, WARM_UP_S);
        rung.getCallId = await createCall(server);
        await getLoad(server, rung.getCallId, WARM_UP_S);
      }
      rung.post.push(await postLoad(server, DURATION_S));
      rung.get.push(await getLoad(server, rung.getCallId, DURATION_S));
    }
    for (const server of servers) {
      const rung = rungs.get(server) as Rung & { getCallId: string };
      if (server.logFile) rung.logLines = logLinesOf(server.logFile);
      if (server.name === REAL_SERVER)
        rung.getNote = `the call read (created after the 1 s warm-up POST): ${await callState(server, rung.getCallId)}`;
    }
    const table = [...rungs.values()];
    return [
      ...ladderRows('POST /api/v1/calls/outbound', table, (r) => r.post),
      ...ladderRows('GET /api/v1/calls/{id}', table, (r) => r.get),
    ];
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startLadderRung(layer: LadderLayer, dir: string): Promise<RungServer> {
  mkdirSync(dir, { recursive: true });
  const logFile = layer === 'middleware' ? join(dir, 'server.log') : undefined;
  const child = await startIpcChild(
    fileURLToPath(new URL('../support/ladder-server.ts', import.meta.url)),
    {},
    logFile,
  );
  const { url, apiKey } = await child.call<{ url: string; apiKey: string }>('start', { layer, dir });
  return {
    name: LADDER_LAYER_NAMES[layer],
    pid: child.process.pid as number,
    url,
    apiKey,
    agentId: LADDER_AGENT_ID,
    ...(logFile ? { logFile } : {}),
    stop: () => child.stop(),
  };
}

/** The real server, dialing at CPS 1 so that its work per request is the API's, not the dialer's. */
async function startRealServer(): Promise<RungServer> {
  const stack = await startBenchStack({
    dialCps: 1,
    talkMs: 20,
    production: { rateLimit: UNREACHED_RATE_LIMIT },
  });
  return {
    name: REAL_SERVER,
    pid: stack.serverProcess.process.pid as number,
    url: stack.server.url,
    apiKey: stack.server.apiKey,
    agentId: stack.server.agentId,
    logFile: stack.logFile as string,
    stop: () => stack.stop({ kill: true }),
  };
}

const postLoad = (server: RungServer, durationSeconds: number) =>
  measureLoad(server.pid, {
    url: `${server.url}/api/v1/calls/outbound`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
    body: postBody(server),
    connections: CONNECTIONS,
    durationSeconds,
  });

const getLoad = (server: RungServer, callId: string, durationSeconds: number) =>
  measureLoad(server.pid, {
    url: `${server.url}/api/v1/calls/${callId}`,
    method: 'GET',
    headers: { 'x-api-key': server.apiKey },
    connections: CONNECTIONS,
    durationSeconds,
  });

const postBody = (server: RungServer) =>
  JSON.stringify({ agentId: server.agentId, phoneNumber: '+14155552671', metadata: { crm: 'x' } });

/** One call, created for the GETs to read. */
async function createCall(server: RungServer): Promise<string> {
  const created = await fetch(`${server.url}/api/v1/calls/outbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
    body: postBody(server),
  });
  if (created.status !== 201)
    throw new Error(`POST /calls/outbound: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { data: { id: string } }).data.id;
}

async function callState(server: RungServer, callId: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/calls/${callId}`, {
    headers: { 'x-api-key': server.apiKey },
  });
  const { data } = (await response.json()) as { data: { status: string; queuePosition: number | null } };
  return `${data.status}, queuePosition ${data.queuePosition}`;
}

/** Both passes as one load: CPU over all their requests, the mean rate, the worse percentiles. */
function combined(loads: MeasuredLoad[]): MeasuredLoad {
  const total = loads.reduce((sum, l) => sum + l.total, 0);
  return {
    requestsPerSecond: loads.reduce((sum, l) => sum + l.requestsPerSecond, 0) / loads.length,
    p50: Math.max(...loads.map((l) => l.p50)),
    p99: Math.max(...loads.map((l) => l.p99)),
    non2xx: loads.reduce((sum, l) => sum + l.non2xx, 0),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
    total,
    cpuUsPerRequest: loads.reduce((sum, l) => sum + l.cpuUsPerRequest * l.total, 0) / Math.max(1, total),
  };
}

function logLinesOf(file: string): number {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0).length;
}

function ladderRows(endpoint: string, rungs: Rung[], passes: (rung: Rung) => MeasuredLoad[]): BenchRow[] {
  const pick = (rung: Rung) => combined(passes(rung));
  const scenario = `Floor ladder: ${endpoint} (${CONNECTIONS} connections, 2 passes × ${DURATION_S} s per rung, up then down)`;
  const rows: BenchRow[] = rungs.map((rung, i) => {
    const load = pick(rung);
    const below = i > 0 ? pick(rungs[i - 1] as Rung) : undefined;
    const delta = below ? load.cpuUsPerRequest - below.cpuUsPerRequest : undefined;
    const failures = load.non2xx + load.errors;
    const notes = [
      `pass up / down ${passes(rung)
        .map((l) => round(l.cpuUsPerRequest, 0))
        .join(' / ')} µs; worse p50 / p99 ${load.p50} / ${load.p99} ms`,
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
