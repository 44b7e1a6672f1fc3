import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForAllTerminal, waitUntil } from '../../test/support/polling';
import { callById, insertCalls, nth, type Seeded, seededDatabase } from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import { DialQueue, type DialQueueDeps } from './dial-queue';
import type { Dialer } from './dialer';
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

function emulatorDialer(): LiveKitDialer {
  return new LiveKitDialer({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret });
}

function startQueue(
  dialer: Dialer = emulatorDialer(),
  options: Partial<Pick<DialQueueDeps, 'leftoverRoomIntervalMs'>> = {},
  start: Parameters<DialQueue['start']>[0] = {},
): Promise<void> {
  queue = new DialQueue({
    calls: seeded.calls,
    backlog: seeded.backlog,
    dialer,
    logger: silentLogger,
    cps: 10,
    maxInFlight: 10,
    trackIntervalMs: 30,
    ...options,
  });
  return queue.start(start);
}

/**
 * The emulator's dialer with some steps replaced: where a test puts another replica's write
 * between two of this one's. `real` is the emulator's dialer, for the replaced steps to call.
 */
function emulatorDialerWith(replace: (real: LiveKitDialer) => Partial<Dialer>): Dialer {
  const real = emulatorDialer();
  return {
    placeCall: (request, hooks) => real.placeCall(request, hooks),
    deleteRoom: (roomName) => real.deleteRoom(roomName),
    findSipParticipant: (roomName, identity) => real.findSipParticipant(roomName, identity),
    listRoomNames: () => real.listRoomNames(),
    ...replace(real),
  };
}

/** What another replica writes when it sees the call answered: the dial's result, or its tracker's. */
async function answeredElsewhere(callId: string): Promise<void> {
  await seeded.calls.transition(callId, 'active', {
    from: ['connecting', 'ringing'],
    patch: { answered_at: new Date().toISOString() },
    details: { source: 'another replica' },
  });
}

function deleteRoomRequests(callId: string): number {
  return emulator.requests.filter((r) => r.method === 'DeleteRoom' && r.room === `outdial-${callId}`).length;
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

  it('with a grace (a replica taking over), fails a connecting call with no SIP participant only after it', async () => {
    const [held, rang] = await insertCalls(seeded, [{ status: 'connecting' }, { status: 'ringing' }]);
    await startQueue(emulatorDialer(), {}, { undialedGraceMs: 400 });
    // Ringing had a participant, which left: failed at once. Connecting may come back to the queue.
    expect(await callById(seeded.db, rang?.id as string)).toMatchObject({ status: 'failed' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await callById(seeded.db, held?.id as string)).status).toBe('connecting');
    await waitForAllTerminal(seeded.db);
    expect(await callById(seeded.db, held?.id as string)).toMatchObject({
      status: 'failed',
      failure_reason: 'interrupted',
    });
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

/**
 * A trunk's leader that loses its lock mid-dial goes on settling the dials it started while the new
 * leader reconciles the same calls: two replicas write one call's answer, in either order, and its
 * end may be reported before either.
 */
describe('calls whose dial two replicas settle', () => {
  it('a call answered while the tracker was failing it as interrupted is tracked on, and completes', async () => {
    const call = nth(await insertCalls(seeded, [{ status: 'ringing' }]), 0);
    // No room in LiveKit: the tracker fails the call, unless its answer is written first.
    const dialer = emulatorDialerWith((real) => ({
      async findSipParticipant(roomName, identity) {
        // The old leader writes the answer between the tracker's read and its write.
        await answeredElsewhere(call.id);
        return real.findSipParticipant(roomName, identity);
      },
    }));
    await startQueue(dialer);
    await waitForAllTerminal(seeded.db);
    // Active, then over once its room was found gone: not left active for good.
    expect(await callById(seeded.db, call.id)).toMatchObject({ status: 'completed' });
  });

  it('a dial answered after another replica recorded its answer goes on: no hang-up, tracked to completion', async () => {
    emulator.setTimings({ talkMs: 60_000 });
    const call = nth(await insertCalls(seeded, [{}]), 0);
    let answered = false;
    const dialer = emulatorDialerWith((real) => ({
      async placeCall(request, hooks) {
        const outcome = await real.placeCall(request, hooks);
        // The new leader's tracker saw the SIP participant answer before this dial's result.
        if (outcome.status === 'active') await answeredElsewhere(request.callId);
        answered = true;
        return outcome;
      },
    }));
    await startQueue(dialer);
    await waitUntil(() => answered);
    // Let a sweep or two pass: the tracker finds the room and leaves the call alone.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deleteRoomRequests(call.id)).toBe(0);
    expect((await callById(seeded.db, call.id)).status).toBe('active');
    emulator.hangUp(`outdial-${call.id}`);
    await waitForAllTerminal(seeded.db);
    expect(await callById(seeded.db, call.id)).toMatchObject({ status: 'completed' });
    expect(deleteRoomRequests(call.id)).toBe(0);
  });

  it('a tracked call handed back to the queue and dialed here is left to its dial, not failed as interrupted', async () => {
    const call = nth(await insertCalls(seeded, [{ status: 'connecting' }]), 0);
    const lookups: string[] = [];
    const dialer = emulatorDialerWith((real) => ({
      async findSipParticipant(roomName, identity) {
        lookups.push(roomName);
        if (lookups.length === 1) {
          // The replica that claimed it hands it back undialed (it lost the trunk before its
          // INVITE), and this queue, now the leader, reads it from the backlog.
          await seeded.backlog.unclaim(call.id, new Date());
          queue?.rereadBacklog();
        }
        return real.findSipParticipant(roomName, identity);
      },
      async placeCall(request, hooks) {
        // Several sweeps pass while this dial has no SIP participant yet.
        await new Promise((resolve) => setTimeout(resolve, 150));
        return real.placeCall(request, hooks);
      },
    }));
    await startQueue(dialer);
    await waitForAllTerminal(seeded.db);
    expect(await callById(seeded.db, call.id)).toMatchObject({ status: 'completed' });
    expect((await seeded.calls.events(call.id)).map((e) => e.to_status)).not.toContain('failed');
    expect(emulator.dialStarts()).toHaveLength(1);
    // Looked up once, as it was found at start-up; never while this queue dialed it.
    expect(lookups).toHaveLength(1);
  });

  it('a live call nothing tracks is found at the next leftover check and ended when its room goes', async () => {
    await startQueue(emulatorDialer(), { leftoverRoomIntervalMs: 50 });
    // Answered on another replica after this leader started, and that replica stopped before its
    // call ended: only the database says the call is live.
    const call = nth(await insertCalls(seeded, [{ status: 'ringing' }]), 0);
    await answeredElsewhere(call.id);
    await waitForAllTerminal(seeded.db);
    expect(await callById(seeded.db, call.id)).toMatchObject({ status: 'completed' });
  });
});
