import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForAllTerminal } from '../../test/support/polling';
import { callById, insertCalls, nth, type Seeded, seededDatabase } from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import { DialQueue } from './dial-queue';
import { LiveKitDialer } from './livekit-dialer';

let emulator: LiveKitEmulator;
let seeded: Seeded;
let queue: DialQueue | undefined;

beforeEach(async () => {
  emulator = await startLiveKitEmulator({ timings: { ringMs: 300, talkMs: 150, failMs: 20 } });
  seeded = await seededDatabase();
});

afterEach(async () => {
  await queue?.stop();
  queue = undefined;
  await emulator.stop();
  await seeded.close();
});

/** A dial a previous process started: its room and SIP participant exist in LiveKit. */
async function dialStartedByAPreviousProcess(callId: string): Promise<void> {
  const rooms = new RoomServiceClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  await rooms.createRoom({ name: `outdial-${callId}` });
  await sip.createSipParticipant('ST_test', '+14155550100', `outdial-${callId}`, {
    participantIdentity: `sip-${callId}`,
  });
}

function startQueue(): Promise<void> {
  queue = new DialQueue({
    calls: seeded.calls,
    backlog: seeded.backlog,
    dialer: new LiveKitDialer({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret }),
    logger: silentLogger,
    cps: 10,
    maxInFlight: 10,
    trackIntervalMs: 30,
  });
  return queue.start();
}

describe('reconciling interrupted dials at start-up', () => {
  it('keeps tracking calls whose SIP participant is in LiveKit, fails the others as "interrupted", re-dials none', async () => {
    const calls = await insertCalls(seeded, [
      { status: 'connecting' },
      { status: 'ringing' },
      { status: 'connecting' },
      { status: 'ringing' },
    ]);
    const [liveConnecting, liveRinging, goneConnecting, goneRinging] = [0, 1, 2, 3].map(
      (i) => nth(calls, i).id,
    ) as [string, string, string, string];
    await dialStartedByAPreviousProcess(liveConnecting);
    await dialStartedByAPreviousProcess(liveRinging);
    const invitesBefore = emulator.dialStarts().length;

    await startQueue();
    // Decided during start(): no participant → failed "interrupted".
    for (const id of [goneConnecting, goneRinging]) {
      expect(await callById(seeded.db, id)).toMatchObject({
        status: 'failed',
        failure_reason: 'interrupted',
      });
    }
    // Participant present (still ringing): tracked, not failed; connecting catches up to ringing.
    expect((await callById(seeded.db, liveConnecting)).status).toBe('ringing');
    expect((await callById(seeded.db, liveRinging)).status).toBe('ringing');

    // The tracked calls follow LiveKit: answered → active → (callee hangs up, room ends) → completed.
    await waitForAllTerminal(seeded.db);
    for (const id of [liveConnecting, liveRinging]) {
      const call = await callById(seeded.db, id);
      expect(call.status).toBe('completed');
      expect(call.answered_at).not.toBeNull();
    }
    expect(emulator.dialStarts().length).toBe(invitesBefore);
  });

  it('a tracked call whose callee leaves before answering fails as "interrupted"', async () => {
    const call = nth(await insertCalls(seeded, [{ status: 'ringing' }]), 0);
    await dialStartedByAPreviousProcess(call.id);
    await startQueue();
    expect((await callById(seeded.db, call.id)).status).toBe('ringing');
    emulator.hangUp(`outdial-${call.id}`); // declined while ringing
    await waitForAllTerminal(seeded.db);
    expect(await callById(seeded.db, call.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'interrupted',
    });
  });

  it('an answered call whose webhooks were all lost still completes (the room is gone)', async () => {
    const call = nth(await insertCalls(seeded, [{}]), 0);
    // No webhook URL at all: nothing but the tracker can end it.
    await startQueue();
    await waitForAllTerminal(seeded.db);
    expect(await callById(seeded.db, call.id)).toMatchObject({ status: 'completed' });
    expect(emulator.webhooks.every((w) => w.status === 'no_url')).toBe(true);
  });

  it('active calls found at start-up are tracked to completion', async () => {
    const call = nth(await insertCalls(seeded, [{ status: 'ringing' }]), 0);
    await seeded.calls.transition(call.id, 'active', { patch: { answered_at: new Date().toISOString() } });
    // Its room is already gone in LiveKit (the call ended while we were down).
    await startQueue();
    await waitForAllTerminal(seeded.db);
    expect((await callById(seeded.db, call.id)).status).toBe('completed');
  });
});
