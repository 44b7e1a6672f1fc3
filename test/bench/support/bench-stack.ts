import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type IpcChild, startIpcChild } from './child-process-ipc';
import type { ServerChildInfo } from './server-child';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const LIVEKIT = { apiKey: 'benchkey', apiSecret: 'bench-secret-bench-secret-bench-secret' };
const BENCH_TRUNK = 'ST_outdial_bench';
/** The emulator's nice value (lower runs first; 0 is everyone else's). */
export const EMULATOR_NICE = -10;

export interface DialStart {
  /** Epoch ms (timeOrigin + performance.now()) in the emulator's process. */
  at: number;
  /** performance.now() in the emulator's process: what pacing is judged by. */
  monotonic: number;
  identity: string;
}

/** The real server and the LiveKit emulator, each in its own process, on a fresh database. */
export interface BenchStack {
  server: ServerChildInfo & { apiKey: string; agentId: string };
  serverProcess: IpcChild;
  /**
   * Every `outdial serve` process on the database, the first being `serverProcess` (more than one
   * only on PostgreSQL: `replicas`). Stopped with the stack unless killed before.
   */
  replicas: { process: IpcChild; url: string }[];
  /** Starts one more replica on the stack's PostgreSQL database. */
  addReplica(): Promise<{ process: IpcChild; url: string }>;
  /** Where the emulator sends LiveKit's webhooks (the first replica's, until told otherwise). */
  setLiveKitWebhookTarget(serverUrl: string): Promise<void>;
  dialStarts(): Promise<DialStart[]>;
  /** With `production`: the file the server logs to. */
  logFile?: string;
  /** When the server sent each INVITE, on its own monotonic clock: what its pacer counts. */
  inviteTimes(): Promise<number[]>;
  /**
   * `kill`: the server processes are killed instead of closed. A closing server first lets every
   * call it has claimed ahead of its slot be dialed (up to DIAL_MAX_IN_FLIGHT: ~20 s at CPS 50
   * after a POST load), which a finished measurement does not need.
   */
  stop(options?: { kill?: boolean }): Promise<void>;
}

export async function startBenchStack(options: {
  dialCps: number;
  dialMaxInFlight?: number;
  dbPath?: string;
  talkMs?: number;
  /** OUTDIAL_METRICS on (/metrics on the API port). Default off. */
  metrics?: boolean;
  /**
   * Where the server sends webhooks from. Default the server's own choice (a worker thread on
   * PostgreSQL, the main event loop on SQLite).
   */
  webhookDispatch?: 'worker' | 'in-process';
  /** `postgres`: a fresh database in the machine's PostgreSQL (dropped on stop). Default SQLite. */
  database?: 'sqlite' | 'postgres';
  /** SQLite's group commit of concurrent creates (the server's default: on). */
  groupCommit?: boolean;
  /** Who checkpoints SQLite's WAL (the server's default: a worker thread). */
  walCheckpoints?: 'worker' | 'inline';
  /** How many `outdial serve` processes share the database (PostgreSQL only). Default 1. */
  replicas?: number;
  /**
   * Production settings: pino at `info` into server.log in the stack's directory, and the rate
   * limit on with `rateLimit` (set it high enough that nothing gets 429 to measure its cost).
   * Default off: silent, no rate limit.
   */
  production?: { rateLimit: { windowMs: number; limit: number } };
}): Promise<BenchStack> {
  if ((options.replicas ?? 1) > 1 && options.database !== 'postgres')
    throw new Error('replicas share a PostgreSQL database');
  const dir = mkdtempSync(join(tmpdir(), 'outdial-bench-'));
  const postgres = options.database === 'postgres' ? createBenchDatabase() : undefined;
  const emulator = await startIpcChild(here('./emulator-child.ts'));
  receiveAhead(emulator);
  const { url: livekitUrl } = await emulator.call<{ url: string }>('start', {
    ...LIVEKIT,
    talkMs: options.talkMs,
  });
  const logFile = options.production ? join(dir, 'server.log') : undefined;
  const serverProcess = await startIpcChild(here('./server-child.ts'), {}, logFile);
  const startArgs = {
    dbPath: options.dbPath ?? join(dir, 'outdial.db'),
    ...(postgres ? { databaseUrl: postgres.url } : {}),
    // A default outbound trunk, as a real deployment has: without one every dial fails with
    // LiveKit's "missing sip trunk id" right after its INVITE, and no call ever rings or answers.
    livekit: { url: livekitUrl, ...LIVEKIT, sipTrunkId: BENCH_TRUNK },
    dialCps: options.dialCps,
    dialMaxInFlight: options.dialMaxInFlight ?? 1000,
    metrics: options.metrics ?? false,
    ...(options.webhookDispatch ? { webhookDispatch: options.webhookDispatch } : {}),
    ...(options.groupCommit === undefined ? {} : { groupCommit: options.groupCommit }),
    ...(options.walCheckpoints === undefined ? {} : { walCheckpoints: options.walCheckpoints }),
    ...(options.production ? { production: options.production } : {}),
  };
  const server = await serverProcess.call<ServerChildInfo & { apiKey: string; agentId: string }>('start', {
    ...startArgs,
    seed: true,
  });
  const replicas = [{ process: serverProcess, url: server.url }];
  // The others find the database migrated and seeded by the first.
  const addReplica = async () => {
    const child = await startIpcChild(here('./server-child.ts'), {}, logFile);
    const { url } = await child.call<ServerChildInfo>('start', { ...startArgs, seed: false });
    const replica = { process: child, url };
    replicas.push(replica);
    return replica;
  };
  for (let i = 1; i < (options.replicas ?? 1); i++) await addReplica();
  await emulator.call('setWebhookUrl', `${server.url}/api/v1/livekit/webhook`);
  return {
    server,
    serverProcess,
    replicas,
    addReplica,
    async setLiveKitWebhookTarget(serverUrl: string) {
      await emulator.call('setWebhookUrl', `${serverUrl}/api/v1/livekit/webhook`);
    },
    dialStarts: () => emulator.call<DialStart[]>('dialStarts'),
    ...(logFile ? { logFile } : {}),
    inviteTimes: () => serverProcess.call<number[]>('inviteTimes'),
    async stop({ kill = false } = {}) {
      const running = replicas.filter(isRunning);
      if (kill) await Promise.all(running.map((r) => killed(r.process)));
      else await Promise.all(running.map((r) => r.process.stop()));
      await emulator.stop();
      postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The emulator stands for LiveKit and the carrier, which run on machines of their own. Here it
 * shares 2 cores with the replicas, PostgreSQL and the load generator, and the kernel's scheduler
 * can keep it off the CPU for tens of ms while INVITEs wait in its socket: arrival times it stamps
 * late by more than the pacer's guard band read as 51 starts in a second that the server sent 1 s
 * apart. Ahead of the others in the scheduler's queue, it stamps them close to when they arrive.
 * Where the process may not raise its priority (not root), the stack runs as before.
 */
function receiveAhead(emulator: IpcChild): void {
  try {
    setPriority(emulator.process.pid as number, EMULATOR_NICE);
  } catch {
    // Not permitted: arrival times then include the scheduler's delays, as they did before.
  }
}

/**
 * A fresh PostgreSQL database for one stack, made with the client tools (`createdb`, `dropdb`) at
 * OUTDIAL_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432, trust auth).
 */
function createBenchDatabase(): { url: string; drop(): void } {
  const server = new URL(process.env.OUTDIAL_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432');
  const name = `outdial_bench_${process.pid}_${Date.now()}`;
  const connection = [
    '-h',
    server.hostname,
    '-p',
    server.port || '5432',
    '-U',
    server.username || 'postgres',
  ];
  execFileSync('createdb', [...connection, name]);
  return {
    url: new URL(`/${name}`, server).href,
    drop: () => execFileSync('dropdb', [...connection, '--force', name]),
  };
}

async function killed(child: IpcChild): Promise<void> {
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGKILL');
  await exited;
}

/** Whether a replica's process is still running (not exited, not killed). */
export function isRunning(replica: { process: IpcChild }): boolean {
  const child = replica.process.process;
  return child.exitCode === null && child.signalCode === null && !child.killed;
}

/** Places a call through the HTTP API; resolves with the call id and when the 201 arrived. */
export async function placeCall(
  stack: BenchStack,
  body: { phoneNumber?: string; priority?: number } = {},
): Promise<{ id: string; acceptedAt: number }> {
  const response = await fetch(`${stack.server.url}/api/v1/calls/outbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.server.apiKey },
    body: JSON.stringify({
      agentId: stack.server.agentId,
      phoneNumber: body.phoneNumber ?? '+14155552671',
      ...body,
    }),
  });
  const acceptedAt = performance.timeOrigin + performance.now();
  if (response.status !== 201)
    throw new Error(`POST /calls/outbound: ${response.status} ${await response.text()}`);
  const { data } = (await response.json()) as { data: { id: string } };
  return { id: data.id, acceptedAt };
}

/** Places `count` calls with at most `concurrency` requests in flight. */
export async function placeCalls(
  stack: BenchStack,
  count: number,
  concurrency: number,
  body: { priority?: number } = {},
): Promise<{ id: string; acceptedAt: number }[]> {
  const placed: { id: string; acceptedAt: number }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      placed.push(await placeCall(stack, body));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return placed;
}

/** Polls the emulator until `predicate` holds for its dial starts, or throws after `timeoutMs`. */
export async function waitForDialStarts(
  stack: BenchStack,
  predicate: (starts: DialStart[]) => boolean,
  timeoutMs: number,
): Promise<DialStart[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const starts = await stack.dialStarts();
    if (predicate(starts)) return starts;
    if (Date.now() > deadline) throw new Error(`timed out waiting for dial starts (have ${starts.length})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The dial start of a call, matched by the SIP participant identity or room that carries its id. */
export function startOf(starts: DialStart[], callId: string): DialStart | undefined {
  return starts.find((s) => s.identity.includes(callId));
}
