/**
 * A batch paused or cancelled while the Dial queue holds some of its calls claimed and prepared
 * ahead of their pacing slot (the look-ahead): over the LiveKit emulator, at CPS 2, so the second
 * call waits half a second for its slot, already `connecting`, when the first one's INVITE leaves.
 */
import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForAllTerminal, waitUntil } from '../../test/support/polling';
import {
  allCalls,
  insertCalls,
  manyCalls,
  type Seeded,
  seededDatabase,
} from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import { startWebhookBridge, type WebhookBridge } from '../../test/support/webhook-bridge';
import type { CallRow } from '../ports/call-store';
import { roomNameForCall } from './call-room';
import { DialQueue } from './dial-queue';
import { LiveKitDialer } from './livekit-dialer';
import { LiveKitWebhookHandler } from './livekit-webhook-handler';

const FAST = { ringMs: 30, talkMs: 100, earlyHangupMs: 60, noAnswerMs: 60, failMs: 20 };
const BATCH = 'batch_holds';

let emulator: LiveKitEmulator;
let bridge: WebhookBridge;
let seeded: Seeded;
let queue: DialQueue;

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
  queue = new DialQueue({
    calls: seeded.calls,
    backlog: seeded.backlog,
    dialer: new LiveKitDialer({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret }),
    logger: silentLogger,
    cps: 2,
    maxInFlight: 10,
    trackIntervalMs: 100,
  });
});

afterEach(async () => {
  await queue.stop();
  await emulator.stop();
  await bridge.close();
  await seeded.close();
});

/**
 * Three queued calls of one batch, the queue started, the first call's INVITE received and the
 * look-ahead's next call claimed, waiting for its slot.
 * @returns the calls, and those claimed whose INVITE has not left
 */
async function batchDialing(): Promise<{ calls: CallRow[]; claimed: CallRow[] }> {
  const calls = await insertCalls(seeded, manyCalls(3));
  await seeded.db.updateTable('calls').set({ batch_id: BATCH }).execute();
  await queue.start();
  await waitUntil(() => invitesTo(calls).length === 1);
  const claimedNotSent = async () =>
    (await allCalls(seeded.db)).filter(
      (call) => call.status === 'connecting' && !invitesTo(calls).includes(roomNameForCall(call.id)),
    );
  await waitUntil(async () => (await claimedNotSent()).length >= 1);
  return { calls, claimed: await claimedNotSent() };
}

function invitesTo(calls: readonly CallRow[]): string[] {
  const rooms = new Set(calls.map((call) => roomNameForCall(call.id)));
  return emulator.requests
    .filter((r) => r.method === 'CreateSIPParticipant' && rooms.has(r.room ?? ''))
    .map((r) => r.room as string);
}

async function statusesOf(): Promise<string[]> {
  return (await allCalls(seeded.db)).map((call) => call.status);
}

describe('a batch held while its calls are claimed ahead of their slot', () => {
  it('pause: the claimed calls go back to queued at their turn, undialed, and resume dials each once', async () => {
    const { calls } = await batchDialing();
    const turns = new Map((await allCalls(seeded.db)).map((call) => [call.id, call.dial_turn]));

    await queue.pauseBatch(BATCH);
    const sentAtPause = invitesTo(calls).length;
    // Nothing of the batch is left connecting: the first call is live, the others queued.
    await waitUntil(async () => !(await statusesOf()).includes('connecting'));
    // Well past the next slot (500 ms at CPS 2): no INVITE left after the pause.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(invitesTo(calls)).toHaveLength(sentAtPause);

    const rows = await allCalls(seeded.db);
    const handedBack = [];
    for (const row of rows.filter((call) => call.status === 'queued')) {
      const events = await seeded.calls.events(row.id);
      const back = events.find((e) => e.from_status === 'connecting' && e.to_status === 'queued');
      if (!back) continue;
      handedBack.push(row);
      expect(JSON.parse(back.details)).toEqual({ source: 'batch_paused' });
      // Its place kept, its room gone (nothing rang in it), its LiveKit ids cleared.
      expect(row).toMatchObject({ dial_turn: turns.get(row.id), room_id: null, job_id: null });
      expect(emulator.rooms().some((room) => room.name === roomNameForCall(row.id))).toBe(false);
    }
    expect(handedBack.length).toBeGreaterThanOrEqual(1);

    queue.resumeBatch(
      BATCH,
      rows.filter((call) => call.status === 'queued'),
    );
    await waitForAllTerminal(seeded.db);
    expect((await statusesOf()).every((status) => status === 'completed')).toBe(true);
    // Every call dialed exactly once, the handed-back ones included.
    expect(invitesTo(calls).sort()).toEqual(calls.map((call) => roomNameForCall(call.id)).sort());
  });

  it('cancel: the claimed calls whose INVITE has not left end cancelled, never dialed', async () => {
    const { calls, claimed } = await batchDialing();

    await queue.cancelBatch(BATCH, async () => {
      for (const call of calls) {
        await seeded.calls.transition(call.id, 'cancelled', {
          from: ['queued'],
          patch: { cancellation: 'before_dial' },
        });
      }
    });
    const sentAtCancel = invitesTo(calls).length;
    await waitForAllTerminal(seeded.db);
    expect(invitesTo(calls)).toHaveLength(sentAtCancel);
    expect(sentAtCancel).toBe(1);

    const rows = await allCalls(seeded.db);
    for (const call of claimed) {
      expect(rows.find((row) => row.id === call.id)).toMatchObject({
        status: 'cancelled',
        cancellation: 'before_dial',
      });
    }
    // The one whose INVITE had left goes on, live, to its end.
    expect(rows.filter((row) => row.status === 'completed')).toHaveLength(1);
    expect(rows.filter((row) => row.status === 'cancelled')).toHaveLength(2);
  });
});
