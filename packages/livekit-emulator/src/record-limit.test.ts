import { MAGIC_NUMBERS } from '@outdial/contract';
import { AgentDispatchClient, RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../test/support/wait-until';
import { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';

const CALLS = 2000;
const LIMIT = 100;
const CONCURRENCY = 50;

// An in-process emulator in a long-running server: what it holds must not grow with the calls
// it has seen.
describe(`an emulator with recordLimit ${LIMIT}, after ${CALLS} calls`, () => {
  let emulator: LiveKitEmulator;

  beforeAll(async () => {
    emulator = await startLiveKitEmulator({
      recordLimit: LIMIT,
      timings: { ringMs: 1, talkMs: 1, failMs: 1 },
    });
    const rooms = new RoomServiceClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    const dispatch = new AgentDispatchClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    // As the server places a call: a room, an agent dispatched to it, then the INVITE. One call
    // in ten is busy, so failed calls are forgotten too.
    const placeCall = async (i: number) => {
      const room = `call-${i}`;
      await rooms.createRoom({ name: room });
      await dispatch.createDispatch(room, 'voice-agent');
      const number = i % 10 === 0 ? MAGIC_NUMBERS.busy : `+1415555${String(i).padStart(4, '0')}`;
      await sip.createSipParticipant('ST_trunk', number, room, { participantIdentity: `callee-${i}` });
    };
    for (let first = 0; first < CALLS; first += CONCURRENCY) {
      await Promise.all(Array.from({ length: CONCURRENCY }, (_, k) => placeCall(first + k)));
    }
    await waitUntil(() => emulator.rooms().length === 0);
  }, 60_000);

  afterAll(() => emulator?.stop());

  it('keeps only the newest requests, numbered in arrival order since the start', () => {
    const { requests } = emulator;
    expect(requests).toHaveLength(LIMIT);
    expect(requests.map((r) => r.seq)).toEqual(
      Array.from({ length: LIMIT }, (_, i) => 3 * CALLS - LIMIT + 1 + i),
    );
    expect(requests.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('keeps only the newest webhook records', () => {
    expect(emulator.webhooks).toHaveLength(LIMIT);
    // Every call's room finished: the last record is a room_finished.
    expect(emulator.webhooks.at(-1)?.event).toBe('room_finished');
  });

  it('counts dial starts among the kept requests', () => {
    const kept = emulator.requests.filter((r) => r.method === 'CreateSIPParticipant').length;
    expect(kept).toBeGreaterThan(0);
    expect(emulator.dialStarts()).toHaveLength(kept);
    expect(emulator.maxStartsInWindow(60_000)).toBe(kept);
  });

  it('holds no room, participant or dispatch of a finished call', () => {
    expect(emulator.rooms()).toEqual([]);
  });

  it('rejects a limit that is not a whole number', async () => {
    await expect(startLiveKitEmulator({ recordLimit: -1 })).rejects.toThrow(RangeError);
    await expect(startLiveKitEmulator({ recordLimit: 0.5 })).rejects.toThrow(/recordLimit/);
  });
});
