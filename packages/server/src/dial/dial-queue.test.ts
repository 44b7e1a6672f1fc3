import { CANCELLABLE_STATUSES, MAGIC_NUMBERS } from '@outdial/contract';
import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import type { Logger } from 'pino';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForAllTerminal, waitUntil } from '../../test/support/polling';
import {
  allCalls,
  callById,
  insertCalls,
  manyCalls,
  nth,
  type Seeded,
  seededDatabase,
} from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import { startWebhookBridge, type WebhookBridge } from '../../test/support/webhook-bridge';
import type { CallRow } from '../ports/call-store';
import { DialQueue } from './dial-queue';
import { LiveKitDialer } from './livekit-dialer';
import { LiveKitWebhookHandler } from './livekit-webhook-handler';

const FAST = { ringMs: 30, talkMs: 200, earlyHangupMs: 60, noAnswerMs: 60, failMs: 20 };

let emulator: LiveKitEmulator;
let bridge: WebhookBridge;
let seeded: Seeded;
let queue: DialQueue | undefined;

beforeEach(async () => {
  seeded = await seededDatabase();
  const handler = new LiveKitWebhookHandler({
    calls: seeded.calls,
    logger: silentLogger,
    apiKey: 'devkey',
    apiSecret: 'secret-secret-secret-secret-secret',
  });
  bridge = await startWebhookBridge(handler);
  emulator = await startLiveKitEmulator({ timings: FAST, webhookUrl: bridge.url });
});

afterEach(async () => {
  await queue?.stop();
  queue = undefined;
  await emulator.stop();
  await bridge.close();
  await seeded.close();
});

function newQueue(
  options: { cps?: number; maxInFlight?: number; trackIntervalMs?: number; logger?: Logger } = {},
): DialQueue {
  queue = new DialQueue({
    calls: seeded.calls,
    backlog: seeded.backlog,
    dialer: new LiveKitDialer({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret }),
    logger: options.logger ?? silentLogger,
    cps: options.cps ?? 50,
    maxInFlight: options.maxInFlight ?? 50,
    trackIntervalMs: options.trackIntervalMs ?? 100,
  });
  return queue;
}

function sipRequests(): { room?: string; phoneNumber?: string; participantIdentity?: string }[] {
  return emulator.requests.filter((r) => r.method === 'CreateSIPParticipant');
}

describe('DialQueue outcomes', () => {
  it('maps every outcome to the right status and failure reason', async () => {
    const calls = await insertCalls(seeded, [
      { phoneNumber: '+14155550100' },
      { phoneNumber: MAGIC_NUMBERS.busy },
      { phoneNumber: MAGIC_NUMBERS.noAnswer },
      { phoneNumber: MAGIC_NUMBERS.trunkFailure },
      { phoneNumber: MAGIC_NUMBERS.earlyHangup },
    ]);
    const normal = nth(calls, 0);
    const busy = nth(calls, 1);
    const noAnswer = nth(calls, 2);
    const trunk = nth(calls, 3);
    const early = nth(calls, 4);
    await newQueue().start();
    await waitForAllTerminal(seeded.db);

    const answered = await callById(seeded.db, normal.id);
    expect(answered).toMatchObject({ status: 'completed', failure_reason: null });
    expect(answered.answered_at).not.toBeNull();
    expect(answered.ended_at).not.toBeNull();
    expect(answered.duration).toBeGreaterThanOrEqual(0);
    expect(answered.room_id).toBe(`outdial-${normal.id}`);
    expect(answered.job_id).toBeTruthy();
    expect(answered.sip_participant_id).toBeTruthy();

    expect(await callById(seeded.db, busy.id)).toMatchObject({
      status: 'busy',
      failure_reason: 'SIP 486: Busy Here',
    });
    expect(await callById(seeded.db, noAnswer.id)).toMatchObject({
      status: 'no_answer',
      failure_reason: 'SIP 408: Request Timeout',
    });
    expect(await callById(seeded.db, trunk.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'SIP 503: Service Unavailable',
    });
    expect(await callById(seeded.db, early.id)).toMatchObject({ status: 'completed', failure_reason: null });

    // Steps in order per call, with the request's fields: room, dispatch, then the INVITE.
    const forNormal = emulator.requests.filter((r) => r.room === `outdial-${normal.id}`).map((r) => r.method);
    expect(forNormal.slice(0, 3)).toEqual(['CreateRoom', 'CreateDispatch', 'CreateSIPParticipant']);
    expect(sipRequests().find((r) => r.room === `outdial-${normal.id}`)?.participantIdentity).toBe(
      `sip-${normal.id}`,
    );
  });

  it('records the status history through the guarded transitions (connecting → ringing → active → completed)', async () => {
    emulator.setTimings({ ringMs: 150 });
    const call = nth(await insertCalls(seeded, [{}]), 0);
    await newQueue().start();
    await waitForAllTerminal(seeded.db);
    const events = await seeded.calls.events(call.id);
    // The call was inserted straight into `queued`: its history starts at the claim.
    expect(events.map((e) => e.to_status)).toEqual(['connecting', 'ringing', 'active', 'completed']);
  });

  it('dials priority 0 before 5 before 10, FIFO within a priority', async () => {
    const calls = await insertCalls(seeded, [
      { priority: 10 },
      { priority: 5 },
      { priority: 10 },
      { priority: 0 },
      { priority: 5 },
      { priority: 0 },
    ]);
    // One dial at a time makes the order of INVITEs the order of starts.
    await newQueue({ maxInFlight: 1 }).start();
    await waitForAllTerminal(seeded.db);
    const order = sipRequests().map((r) => calls.findIndex((c) => `outdial-${c.id}` === r.room));
    expect(order).toEqual([3, 5, 1, 4, 0, 2]);
  });

  it('takes turns between batches and single calls of one priority, priority first', async () => {
    // Queued through the store, which gives each call its lane's turn (store/sqlite/dial-turns.ts).
    const queueIn = async (lane: string | null, priority = 5): Promise<string> => {
      const [created] = await insertCalls(seeded, [{ status: 'initiated', priority }]);
      const id = (created as CallRow).id;
      await seeded.db.updateTable('calls').set({ batch_id: lane }).where('id', '=', id).execute();
      await seeded.calls.transition(id, 'queued');
      return id;
    };
    const names = new Map<string, string>();
    for (let i = 0; i < 4; i++) names.set(await queueIn('batch_a'), `a${i}`);
    for (let i = 0; i < 3; i++) names.set(await queueIn('batch_b'), `b${i}`);
    names.set(await queueIn(null), 'single');
    names.set(await queueIn(null, 0), 'urgent');
    await newQueue({ maxInFlight: 1 }).start();
    await waitForAllTerminal(seeded.db);
    const order = sipRequests().map((r) => names.get((r.room ?? '').slice('outdial-'.length)));
    // Turn 0 of priority 5 is a0, b0 and the single call (in seq order), then a1, b1, …
    expect(order).toEqual(['urgent', 'a0', 'b0', 'single', 'a1', 'b1', 'a2', 'b2', 'a3']);
  });

  it('never has more than DIAL_MAX_IN_FLIGHT dials ringing at once', async () => {
    emulator.setTimings({ ringMs: 150 });
    await insertCalls(seeded, manyCalls(24));
    await newQueue({ cps: 200, maxInFlight: 3 }).start();
    let maxRinging = 0;
    const sample = setInterval(() => {
      const ringing = emulator
        .rooms()
        .flatMap((room) => room.participants)
        .filter((p) => p.attributes['sip.callStatus'] === 'ringing').length;
      maxRinging = Math.max(maxRinging, ringing);
    }, 2);
    await waitForAllTerminal(seeded.db);
    clearInterval(sample);
    // Measured from the emulator's record too: INVITEs whose answer had not come yet.
    expect(maxRinging).toBeGreaterThan(0);
    expect(maxRinging).toBeLessThanOrEqual(3);
    expect(sipRequests()).toHaveLength(24);
  });

  it('cancelling a queued call drops it: it is never dialed', async () => {
    const calls = await insertCalls(seeded, manyCalls(6));
    const q = newQueue({ cps: 2, maxInFlight: 1 });
    await q.start();
    const last = nth(calls, -1);
    const before = await callById(seeded.db, last.id);
    await q.cancel(before, (cancellation) =>
      seeded.calls.transition(last.id, 'cancelled', { from: ['queued'], patch: { cancellation } }),
    );
    // Let the others run.
    await waitUntil(() => sipRequests().length === 5);
    await waitForAllTerminal(seeded.db);
    expect(sipRequests().some((r) => r.room === `outdial-${last.id}`)).toBe(false);
    expect((await callById(seeded.db, last.id)).status).toBe('cancelled');
  });
});

/** What the HTTP layer does on DELETE: commit the cancel inside the queue's gate. */
async function cancel(q: DialQueue, callId: string): Promise<CallRow | undefined> {
  const before = await callById(seeded.db, callId);
  const cancelled = await q.cancel(before, (cancellation) =>
    seeded.calls.transition(callId, 'cancelled', { from: CANCELLABLE_STATUSES, patch: { cancellation } }),
  );
  expect(cancelled?.status).toBe('cancelled');
  return cancelled;
}

function deleteRoomAttempts(callId: string): number {
  return emulator.requests.filter((r) => r.method === 'DeleteRoom' && r.room === `outdial-${callId}`).length;
}

function roomExists(callId: string): boolean {
  return emulator.rooms().some((r) => r.name === `outdial-${callId}`);
}

describe('DialQueue cancel of live calls', () => {
  it('cancelling a ringing call deletes its room, and the dial result does not overwrite the cancel', async () => {
    emulator.setTimings({ ringMs: 5_000 });
    const call = nth(await insertCalls(seeded, [{}]), 0);
    const q = newQueue();
    await q.start();
    await waitUntil(async () => (await callById(seeded.db, call.id)).status === 'ringing');
    expect((await cancel(q, call.id))?.cancellation).toBe('hung_up');
    expect(roomExists(call.id)).toBe(false);
    await q.stop(); // waits for the dial to settle (LiveKit reports the cancelled INVITE)
    expect((await callById(seeded.db, call.id)).status).toBe('cancelled');
    expect(sipRequests().find((r) => r.room === `outdial-${call.id}`)).toMatchObject({
      outcome: 'canceled',
    });
  });

  it('cancelling an active call deletes its room; the hang-up webhooks change nothing', async () => {
    emulator.setTimings({ talkMs: 10_000 });
    const call = nth(await insertCalls(seeded, [{}]), 0);
    const q = newQueue();
    await q.start();
    await waitUntil(async () => (await callById(seeded.db, call.id)).status === 'active');
    await cancel(q, call.id);
    expect(roomExists(call.id)).toBe(false);
    await waitUntil(() =>
      emulator.webhooks.some((w) => w.event === 'room_finished' && w.status === 'delivered'),
    );
    expect((await callById(seeded.db, call.id)).status).toBe('cancelled');
  });

  it('when the room cannot be deleted, the call stays cancelled and DeleteRoom is retried until LiveKit confirms', async () => {
    emulator.setTimings({ talkMs: 10_000 });
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const call = nth(await insertCalls(seeded, [{}]), 0);
    const q = newQueue({ logger });
    await q.start();
    await waitUntil(async () => (await callById(seeded.db, call.id)).status === 'active');
    emulator.setFaults({ errorRate: { DeleteRoom: { rate: 1, kind: 'http5xx' } } });
    expect((await cancel(q, call.id))?.cancellation).toBe('hung_up');
    expect((await callById(seeded.db, call.id)).status).toBe('cancelled');
    await waitUntil(() => deleteRoomAttempts(call.id) >= 3);
    // The callee is still on the line while LiveKit refuses; the teardown keeps going.
    expect(roomExists(call.id)).toBe(true);
    expect(q.pendingTeardowns).toBe(1);
    const warning = lines
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'could not delete the LiveKit room; retrying');
    expect(warning).toMatchObject({ level: 40, callId: call.id });
    emulator.setFaults({ errorRate: {} });
    await waitUntil(() => !roomExists(call.id));
    await waitUntil(() => q.pendingTeardowns === 0);
    expect((await callById(seeded.db, call.id)).status).toBe('cancelled');
  });

  it('a room left behind by a cancelled call is torn down by the next start', async () => {
    emulator.setTimings({ talkMs: 10_000 });
    const call = nth(await insertCalls(seeded, [{}]), 0);
    const first = newQueue();
    await first.start();
    await waitUntil(async () => (await callById(seeded.db, call.id)).status === 'active');
    emulator.setFaults({ errorRate: { DeleteRoom: { rate: 1, kind: 'http5xx' } } });
    await cancel(first, call.id);
    await first.stop(); // gives up: the process is going away
    expect(roomExists(call.id)).toBe(true);
    emulator.setFaults({ errorRate: {} });
    await newQueue().start();
    await waitUntil(() => !roomExists(call.id));
    expect((await callById(seeded.db, call.id)).status).toBe('cancelled');
  });
});

describe('DialQueue under LiveKit faults', () => {
  it('errors, dropped connections, latency and lost webhooks leave no call non-terminal and none dialed twice', async () => {
    emulator.setTimings({ ringMs: 40, talkMs: 80 });
    emulator.setFaults({
      errorRate: {
        CreateRoom: { rate: 0.15, kind: 'http5xx' },
        CreateDispatch: { rate: 0.15, kind: 'transport' },
        CreateSIPParticipant: { rate: 0.25, kind: 'transport' },
        DeleteRoom: { rate: 0.3, kind: 'http5xx' },
        ListRooms: { rate: 0.3, kind: 'http5xx' },
      },
      latencyMs: 15,
      webhookDropRate: 0.5,
    });
    const calls = await insertCalls(seeded, [
      ...manyCalls(30),
      ...manyCalls(4, { phoneNumber: MAGIC_NUMBERS.busy }),
      ...manyCalls(4, { phoneNumber: MAGIC_NUMBERS.trunkFailure }),
    ]);
    await newQueue({ cps: 50, maxInFlight: 20, trackIntervalMs: 50 }).start();
    await waitForAllTerminal(seeded.db);

    const perRoom = new Map<string, number>();
    for (const r of sipRequests()) perRoom.set(r.room ?? '', (perRoom.get(r.room ?? '') ?? 0) + 1);
    expect(Math.max(...perRoom.values())).toBe(1);

    const rows = await allCalls(seeded.db);
    expect(rows).toHaveLength(calls.length);
    const failed = rows.filter((r) => r.status === 'failed');
    // The faults really hit: some calls failed on them, each with a reason saying why.
    expect(failed.some((r) => r.failure_reason?.startsWith('LiveKit error:'))).toBe(true);
    expect(failed.some((r) => r.failure_reason?.endsWith('(call outcome unknown)'))).toBe(true);
    for (const row of rows) {
      if (['failed', 'busy', 'no_answer'].includes(row.status)) expect(row.failure_reason).toBeTruthy();
      if (row.status === 'completed') expect(row.answered_at).not.toBeNull();
    }
  });
});
