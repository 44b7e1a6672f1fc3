/**
 * @module
 * Test fixtures for the Dial queue suites: a seeded database, calls inserted with kysely, a
 * webhook bridge from the LiveKit emulator to the real webhook handler, and polling.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { type CallStatus, TERMINAL_STATUSES } from '../calls/call-status';
import { openDatabase } from '../store/open-database';
import type { CallRow, Database } from '../store/schema';
import type { DialQueueChildConfig } from './dial-queue-child-process';
import type { LiveKitWebhookHandler } from './livekit-webhook-handler';

export const silentLogger = pino({ level: 'silent' });

export interface Seeded {
  db: Kysely<Database>;
  organizationId: string;
  agentId: string;
}

/** A migrated database with one organization and one active voice agent. */
export async function seededDatabase(path = ':memory:'): Promise<Seeded> {
  const db = await openDatabase({ path });
  const now = new Date().toISOString();
  const organizationId = randomUUID();
  const agentId = randomUUID();
  await db
    .insertInto('organizations')
    .values({ id: organizationId, name: `org-${organizationId}`, created_at: now })
    .execute();
  await db
    .insertInto('agents')
    .values({
      id: agentId,
      organization_id: organizationId,
      name: 'Test agent',
      type: 'voice',
      status: 'active',
      phone_numbers: JSON.stringify(['+15550000000']),
      livekit_agent_name: 'test-agent',
      sip_trunk_id: 'ST_test',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { db, organizationId, agentId };
}

export interface NewCall {
  phoneNumber?: string;
  priority?: number;
  status?: CallStatus;
  ringTimeoutSeconds?: number;
  maxDurationSeconds?: number | null;
}

/** Inserts calls in one transaction, in order (so seq follows the array). */
export async function insertCalls(seeded: Seeded, calls: NewCall[]): Promise<CallRow[]> {
  const now = new Date().toISOString();
  return seeded.db.transaction().execute(async (trx) => {
    const rows: CallRow[] = [];
    for (const call of calls) {
      const priority = call.priority ?? 5;
      rows.push(
        await trx
          .insertInto('calls')
          .values({
            id: `call_${randomUUID().replaceAll('-', '')}`,
            organization_id: seeded.organizationId,
            agent_id: seeded.agentId,
            agent_name: 'Test agent',
            agent_type: 'voice',
            phone_number: call.phoneNumber ?? '+14155550100',
            caller_id: '+15550000000',
            status: call.status ?? 'queued',
            priority,
            ring_timeout_seconds: call.ringTimeoutSeconds ?? 30,
            max_duration_seconds: call.maxDurationSeconds ?? null,
            metadata: JSON.stringify({ priority }),
            variables: JSON.stringify({ name: 'Ada' }),
            started_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
    return rows;
  });
}

/** The item at `index`, which the test knows is there. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items.at(index);
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

export function manyCalls(count: number, call: NewCall = {}): NewCall[] {
  return Array.from({ length: count }, () => call);
}

export async function callById(db: Kysely<Database>, id: string): Promise<CallRow> {
  return db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function statusCounts(db: Kysely<Database>): Promise<Partial<Record<CallStatus, number>>> {
  const rows = await db.selectFrom('calls').select(['status']).execute();
  const counts: Partial<Record<CallStatus, number>> = {};
  for (const { status } of rows) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** Resolves once no call is left in a non-terminal status. */
export async function waitForAllTerminal(db: Kysely<Database>): Promise<void> {
  await waitUntil(async () => {
    const open = await db
      .selectFrom('calls')
      .select('id')
      .where('status', 'not in', [...TERMINAL_STATUSES])
      .limit(1)
      .execute();
    return open.length === 0;
  });
}

/** Polls until `condition` holds; the test's own timeout bounds it (no timed assertions). */
export async function waitUntil(condition: () => boolean | Promise<boolean>, intervalMs = 10): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}

export interface WebhookBridge {
  url: string;
  close(): Promise<void>;
}

/** An HTTP endpoint that hands each webhook to the real handler, as the HTTP layer will. */
export async function startWebhookBridge(handler: LiveKitWebhookHandler): Promise<WebhookBridge> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      await handler.receive(Buffer.concat(chunks).toString('utf8'), req.headers.authorization);
      res.writeHead(200).end();
    } catch {
      res.writeHead(401).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface ChildQueue {
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal: NodeJS.Signals): void;
  /** When each INVITE left the child's socket (its monotonic clock, ms), in order of report. */
  inviteTimes(): number[];
}

/** The most times in any half-open window of `windowMs`. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first++;
    max = Math.max(max, last - first + 1);
  }
  return max;
}

/** Starts dial-queue-child-process.ts in a real Node process and waits until it dials. */
export async function startChildQueue(config: DialQueueChildConfig): Promise<ChildQueue> {
  const script = fileURLToPath(new URL('./dial-queue-child-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const invites: number[] = [];
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') resolve();
        else if (line.startsWith('invite ')) invites.push(Number(line.slice('invite '.length)));
      }
    });
    void exited.then((how) => reject(new Error(`child exited before it was ready (${how})`)));
  });
  return { exited, kill: (signal) => child.kill(signal), inviteTimes: () => [...invites] };
}

/** A temp directory holding a database file, removed by `cleanup`. */
export async function tempDatabasePath(): Promise<{ path: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'outdial-dial-'));
  return { path: join(dir, 'outdial.db'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Inserts `count` queued calls fast (multi-row inserts), for backlog tests. */
export async function insertBacklog(seeded: Seeded, count: number, priority = 5): Promise<void> {
  const now = new Date().toISOString();
  const chunk = 1000;
  await seeded.db.transaction().execute(async (trx) => {
    for (let done = 0; done < count; done += chunk) {
      const values = Array.from({ length: Math.min(chunk, count - done) }, (_, i) => ({
        id: `call_backlog_${done + i}`,
        organization_id: seeded.organizationId,
        agent_id: seeded.agentId,
        agent_name: 'Test agent',
        agent_type: 'voice' as const,
        phone_number: '+14155550100',
        caller_id: '+15550000000',
        status: 'queued' as const,
        priority,
        ring_timeout_seconds: 30,
        max_duration_seconds: null,
        metadata: '{}',
        variables: '{}',
        started_at: now,
        updated_at: now,
      }));
      await trx.insertInto('calls').values(values).execute();
    }
  });
}
