import { MAGIC_NUMBERS } from '@outdial/contract';
import { RoomServiceClient, SipCallError, SipClient, TwirpError } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../test/support/wait-until';
import { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';

const TRUNK = 'ST_outbound';
const NORMAL = '+14155552671';

describe('CreateSIPParticipant through SipClient', () => {
  let emulator: LiveKitEmulator;
  let sip: SipClient;
  let roomService: RoomServiceClient;

  const events = () => emulator.webhooks.map((w) => w.event);
  const sipError = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('the call should have failed'),
      (error: unknown) => error as SipCallError,
    );

  beforeEach(async () => {
    emulator = await startLiveKitEmulator({
      timings: { ringMs: 20, talkMs: 50, earlyHangupMs: 25, failMs: 10, noAnswerMs: 30 },
    });
    sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    roomService = new RoomServiceClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  });
  afterEach(() => emulator.stop());

  it('a normal number rings, answers (waitUntilAnswered resolves), talks and hangs up', async () => {
    emulator.setTimings({ talkMs: 300 });
    const info = await sip.createSipParticipant(TRUNK, NORMAL, 'r-normal', {
      participantIdentity: 'callee',
      waitUntilAnswered: true,
    });
    expect(info).toMatchObject({ participantIdentity: 'callee', roomName: 'r-normal' });
    expect(info.participantId).toMatch(/^PA_/);
    expect(info.sipCallId).toMatch(/^SCL_/);
    // Answered, not yet hung up.
    expect(events()).toEqual(['room_started', 'participant_joined']);
    expect(emulator.rooms()[0]?.participants[0]?.attributes['sip.callStatus']).toBe('active');

    await waitUntil(() => events().includes('room_finished'));
    expect(events()).toEqual(['room_started', 'participant_joined', 'participant_left', 'room_finished']);
    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'CreateSIPParticipant',
      status: 200,
      outcome: 'ok',
    });
  });

  it('without waitUntilAnswered, responds while the callee is still ringing', async () => {
    emulator.setTimings({ ringMs: 60_000 });
    await sip.createSipParticipant(TRUNK, NORMAL, 'r-async', { participantIdentity: 'callee' });
    expect(emulator.rooms()[0]?.participants[0]?.attributes['sip.callStatus']).toBe('ringing');
    expect(events()).toEqual(['room_started', 'participant_joined']);
  });

  it('busy: SipCallError with SIP 486, Twirp resource_exhausted', async () => {
    const error = await sipError(
      sip.createSipParticipant(TRUNK, MAGIC_NUMBERS.busy, 'r-busy', { waitUntilAnswered: true }),
    );
    expect(error).toBeInstanceOf(SipCallError);
    expect(error.sipStatusCode).toBe(486);
    expect(error.sipStatus).toBe('Busy Here');
    expect(error.code).toBe('resource_exhausted');
    expect(error.status).toBe(429);
    expect(emulator.requests.at(-1)).toMatchObject({
      status: 429,
      outcome: 'busy',
      phoneNumber: MAGIC_NUMBERS.busy,
    });
    await waitUntil(() => events().includes('room_finished'));
    expect(events()).toEqual(['room_started', 'participant_joined', 'participant_left', 'room_finished']);
  });

  it('no answer: SipCallError with SIP 408 after the ringing time', async () => {
    const error = await sipError(
      sip.createSipParticipant(TRUNK, MAGIC_NUMBERS.noAnswer, 'r-noanswer', { waitUntilAnswered: true }),
    );
    expect(error.sipStatusCode).toBe(408);
    expect(error.sipStatus).toBe('Request Timeout');
    expect(error.code).toBe('deadline_exceeded');
    expect(emulator.requests.at(-1)?.outcome).toBe('no_answer');
  });

  it("no answer honours the request's ringingTimeout when noAnswerMs is unset", async () => {
    emulator.setTimings({ noAnswerMs: undefined });
    const call = sip.createSipParticipant(TRUNK, MAGIC_NUMBERS.noAnswer, 'r-timeout', {
      waitUntilAnswered: true,
      ringingTimeout: 1,
    });
    // Still ringing well before the 1 s timeout…
    await waitUntil(() => emulator.rooms().length === 1);
    expect(emulator.requests.at(-1)?.outcome).toBe('pending');
    // …and failed after it.
    expect((await sipError(call)).sipStatusCode).toBe(408);
  });

  it('a normal number that would answer after the ringing timeout is a no-answer', async () => {
    emulator.setTimings({ ringMs: 5000 });
    const error = await sipError(
      sip.createSipParticipant(TRUNK, NORMAL, 'r-late', { waitUntilAnswered: true, ringingTimeout: 1 }),
    );
    expect(error.sipStatusCode).toBe(408);
  });

  it('trunk failure: SipCallError with SIP 503', async () => {
    const error = await sipError(
      sip.createSipParticipant(TRUNK, MAGIC_NUMBERS.trunkFailure, 'r-trunk', { waitUntilAnswered: true }),
    );
    expect(error.sipStatusCode).toBe(503);
    expect(error.sipStatus).toBe('Service Unavailable');
    expect(error.code).toBe('failed_precondition');
    expect(emulator.requests.at(-1)?.outcome).toBe('failed');
  });

  it('a number that is not E.164 fails with SIP 404', async () => {
    const error = await sipError(
      sip.createSipParticipant(TRUNK, 'not-a-number', 'r-nan', { waitUntilAnswered: true }),
    );
    expect(error.sipStatusCode).toBe(404);
    expect(error.code).toBe('not_found');
  });

  it('early hangup: answers, then hangs up sooner than a normal call', async () => {
    emulator.setTimings({ talkMs: 60_000 });
    await sip.createSipParticipant(TRUNK, MAGIC_NUMBERS.earlyHangup, 'r-early', { waitUntilAnswered: true });
    await waitUntil(() => events().includes('room_finished'));
    expect(events()).toEqual(['room_started', 'participant_joined', 'participant_left', 'room_finished']);
  });

  it('hangs up at maxCallDuration', async () => {
    emulator.setTimings({ talkMs: 60_000 });
    await sip.createSipParticipant(TRUNK, NORMAL, 'r-max', { waitUntilAnswered: true, maxCallDuration: 1 });
    expect(events()).not.toContain('participant_left');
    await waitUntil(() => events().includes('room_finished'));
  });

  it('hangUp() ends an active call now', async () => {
    emulator.setTimings({ talkMs: 60_000 });
    await sip.createSipParticipant(TRUNK, NORMAL, 'r-hangup', { waitUntilAnswered: true });
    emulator.hangUp('r-hangup');
    expect(events()).toEqual(['room_started', 'participant_joined', 'participant_left', 'room_finished']);
  });

  it('hangUp() while ringing declines the call with SIP 603', async () => {
    emulator.setTimings({ ringMs: 60_000 });
    const call = sipError(sip.createSipParticipant(TRUNK, NORMAL, 'r-decline', { waitUntilAnswered: true }));
    await waitUntil(() => emulator.rooms().length === 1);
    emulator.hangUp('r-decline');
    const error = await call;
    expect(error.sipStatusCode).toBe(603);
    expect(error.code).toBe('permission_denied');
    expect(events()).toEqual(['room_started', 'participant_joined', 'participant_left', 'room_finished']);
  });

  it('a pending waitUntilAnswered call fails when its room is deleted', async () => {
    emulator.setTimings({ ringMs: 60_000 });
    const call = sipError(sip.createSipParticipant(TRUNK, NORMAL, 'r-deleted', { waitUntilAnswered: true }));
    await waitUntil(() => emulator.rooms().length === 1);
    await roomService.deleteRoom('r-deleted');
    const error = await call;
    expect(error.sipStatusCode).toBe(408);
    expect(emulator.requests.find((r) => r.method === 'CreateSIPParticipant')?.outcome).toBe('canceled');
    expect(events()).toEqual(['room_started', 'participant_joined', 'participant_left', 'room_finished']);
  });

  it('rejects requests LiveKit would reject as invalid_argument', async () => {
    const noRoom = await sip.createSipParticipant(TRUNK, NORMAL, '').catch((e: unknown) => e);
    expect(noRoom).toBeInstanceOf(TwirpError);
    expect(noRoom).toMatchObject({ status: 400, code: 'invalid_argument', message: 'missing room name' });
    const noTrunk = await sip.createSipParticipant('', NORMAL, 'r').catch((e: unknown) => e);
    expect(noTrunk).toMatchObject({ code: 'invalid_argument', message: 'missing sip trunk id' });
  });
});
