/**
 * Pause and cancel take effect within one dial slot (issue 14), end to end: the real server over
 * HTTP and its in-process LiveKit emulator, at DIAL_CPS 50, a 1,000-call batch draining. The Dial
 * queue holds a few calls claimed and prepared ahead of their slot (its look-ahead); those must not
 * be dialed once the pause's (or the cancel's) 200 has been answered. INVITEs are counted where the
 * carrier would count them: on the emulator, by the dialed number.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from './support/polling';
import { startTestServer, TERMINAL, type TestServer } from './support/test-server';

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
type Json = any;

const BATCH_SIZE = 1000;
const CPS = 50;
/** Many slots (20 ms each at CPS 50): any INVITE still to leave would have left by then. */
const SETTLE_MS = 500;

/** The batch's numbers all start so; nothing else in the test dials one. */
const PREFIX = '+1415601';
const phoneNumber = (i: number) => `${PREFIX}${String(i).padStart(4, '0')}`;

let t: TestServer;
/**
 * Every INVITE (CreateSIPParticipant) the emulator received for the batch's numbers, in arrival
 * order. The in-process emulator keeps only its newest 2,000 requests, so they are collected as
 * they come (by their arrival number), every 20 ms and before each count.
 */
let received: string[];
let lastSeq: number;
let collector: NodeJS.Timeout;

function collect(): void {
  for (const r of t.emulator?.requests ?? []) {
    if (r.seq <= lastSeq) continue;
    lastSeq = r.seq;
    if (r.method === 'CreateSIPParticipant' && r.phoneNumber?.startsWith(PREFIX))
      received.push(r.phoneNumber);
  }
}

/** The batch's INVITEs received so far. */
function invites(): string[] {
  collect();
  return [...received];
}

beforeEach(async () => {
  t = await startTestServer({ dialCps: CPS, dialMaxInFlight: 50 });
  received = [];
  lastSeq = 0;
  collector = setInterval(collect, 20);
});
afterEach(async () => {
  clearInterval(collector);
  await t?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sumOf(counters: Record<string, number>): number {
  const { total, ...rest } = counters;
  return Object.values(rest).reduce((sum, count) => sum + count, 0);
}

async function countersOf(batchId: string): Promise<Json> {
  const { counters } = (await t.request(`/api/v1/batches/${batchId}`)).body.data;
  expect(sumOf(counters)).toBe(counters.total);
  return counters;
}

/** Every call of the batch, page by page. */
async function callsOf(batchId: string): Promise<Json[]> {
  const calls: Json[] = [];
  let cursor: string | null = null;
  do {
    const page = `/api/v1/calls?batchId=${batchId}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { body } = await t.request(page);
    calls.push(...body.data.calls);
    cursor = body.data.pagination.nextCursor ?? null;
  } while (cursor);
  return calls;
}

/** A 1,000-call batch, draining: some of its calls dialed already. */
async function drainingBatch(): Promise<string> {
  const created = await t.request('/api/v1/batches', {
    method: 'POST',
    body: {
      name: 'Holds',
      agentId: t.acme.voiceAgentId,
      calls: Array.from({ length: BATCH_SIZE }, (_, i) => ({ phoneNumber: phoneNumber(i) })),
    },
  });
  expect(created.status).toBe(201);
  await waitUntil(() => invites().length >= 20);
  return created.body.data.id as string;
}

/** How many calls went from `connecting` back to `queued` (handed back by the pause). */
async function handedBack(): Promise<number> {
  const rows = await t.db
    .selectFrom('call_events')
    .select('call_id')
    .where('from_status', '=', 'connecting')
    .where('to_status', '=', 'queued')
    .execute();
  return rows.length;
}

describe('a 1,000-call batch draining at CPS 50', () => {
  it('pause: at most one more INVITE after the 200; resume dials every call exactly once', async () => {
    const batchId = await drainingBatch();

    const paused = await t.request(`/api/v1/batches/${batchId}/pause`, { method: 'POST' });
    expect(paused.status).toBe(200);
    const atPause = invites().length;
    await sleep(SETTLE_MS);
    const afterPause = invites().length;
    // The one whose headers were on the socket may arrive after the 200; none other.
    expect(afterPause - atPause).toBeLessThanOrEqual(1);
    expect(afterPause).toBeLessThan(BATCH_SIZE / 2);
    // The look-ahead's claimed calls went back to the queue rather than out.
    expect(await handedBack()).toBeGreaterThanOrEqual(1);

    // Once the live calls have ended: each call dialed is counted by its end, the rest queued.
    await waitUntil(async () => (await countersOf(batchId)).inProgress === 0);
    const held = await countersOf(batchId);
    expect(held.queued).toBe(BATCH_SIZE - afterPause);
    expect(held.completed).toBe(afterPause);
    expect(invites()).toHaveLength(afterPause);

    const resumed = await t.request(`/api/v1/batches/${batchId}/resume`, { method: 'POST' });
    expect(resumed.status).toBe(200);
    await waitUntil(async () => (await countersOf(batchId)).completed === BATCH_SIZE);
    // Every number dialed exactly once: the handed-back calls too, and none twice.
    const dialed = invites();
    expect(dialed).toHaveLength(BATCH_SIZE);
    expect(new Set(dialed).size).toBe(BATCH_SIZE);
    // Completion is written just after the last call's end (BatchProgress), not in its transaction.
    await waitUntil(
      async () => (await t.request(`/api/v1/batches/${batchId}`)).body.data.status === 'completed',
    );
  }, 120_000);

  it('cancel: at most the INVITE already leaving after the 200; every call not dialed is cancelled', async () => {
    const batchId = await drainingBatch();

    const cancelled = await t.request(`/api/v1/batches/${batchId}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    const atCancel = invites().length;
    await sleep(SETTLE_MS);
    const dialed = new Set(invites());
    expect(dialed.size - atCancel).toBeLessThanOrEqual(1);
    expect(invites()).toHaveLength(dialed.size);

    // Nothing is dialable any more: the calls dialed end on their own, every other is cancelled.
    await waitUntil(async () => (await callsOf(batchId)).every((call) => TERMINAL.includes(call.status)));
    const calls = await callsOf(batchId);
    expect(calls).toHaveLength(BATCH_SIZE);
    for (const call of calls) {
      if (dialed.has(call.phoneNumber)) expect(call.status).toBe('completed');
      else expect(call).toMatchObject({ status: 'cancelled', cancellation: 'before_dial' });
    }
    const counters = await countersOf(batchId);
    expect(counters).toMatchObject({ cancelled: BATCH_SIZE - dialed.size, completed: dialed.size });
    expect(invites()).toHaveLength(dialed.size);
  }, 120_000);
});
