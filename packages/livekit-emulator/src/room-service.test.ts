import { ParticipantInfo_Kind } from '@livekit/protocol';
import { RoomServiceClient, SipClient, TwirpError } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../test/support/wait-until';
import { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';

describe('RoomService through RoomServiceClient', () => {
  let emulator: LiveKitEmulator;
  let roomService: RoomServiceClient;
  let sip: SipClient;

  beforeEach(async () => {
    // Long talk time: calls stay up until a test ends them.
    emulator = await startLiveKitEmulator({ timings: { ringMs: 10, talkMs: 60_000 } });
    roomService = new RoomServiceClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  });
  afterEach(() => emulator.stop());

  it('creates a room with LiveKit defaults and returns the same room when created again', async () => {
    const room = await roomService.createRoom({ name: 'r1', metadata: '{"callId":"c1"}' });
    expect(room.name).toBe('r1');
    expect(room.sid).toMatch(/^RM_/);
    expect(room.metadata).toBe('{"callId":"c1"}');
    expect(room.emptyTimeout).toBe(300);
    expect(room.departureTimeout).toBe(20);
    expect(room.creationTime).toBeGreaterThan(0n);

    const again = await roomService.createRoom({ name: 'r1' });
    expect(again.sid).toBe(room.sid);
    expect(emulator.webhooks.filter((w) => w.event === 'room_started')).toHaveLength(1);
  });

  it('rejects a room without a name as invalid_argument', async () => {
    const error = await roomService.createRoom({ name: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwirpError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_argument' });
  });

  it('lists all rooms, or only the named ones', async () => {
    await roomService.createRoom({ name: 'a' });
    await roomService.createRoom({ name: 'b' });
    expect((await roomService.listRooms()).map((r) => r.name)).toEqual(['a', 'b']);
    expect((await roomService.listRooms(['b', 'missing'])).map((r) => r.name)).toEqual(['b']);
  });

  it('deletes a room, and answers not_found for a room that does not exist', async () => {
    await roomService.createRoom({ name: 'gone' });
    await roomService.deleteRoom('gone');
    expect(await roomService.listRooms()).toEqual([]);
    expect(emulator.webhooks.map((w) => w.event)).toEqual(['room_started', 'room_finished']);

    const error = await roomService.deleteRoom('gone').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('lists the SIP participant of a call, with kind SIP and its call attributes', async () => {
    await roomService.createRoom({ name: 'call' });
    const info = await sip.createSipParticipant('ST_trunk', '+14155552671', 'call', {
      participantIdentity: 'callee',
      fromNumber: '+14155550000',
      waitUntilAnswered: true,
    });
    const participants = await roomService.listParticipants('call');
    expect(participants).toHaveLength(1);
    const [callee] = participants;
    expect(callee?.identity).toBe('callee');
    expect(callee?.sid).toBe(info.participantId);
    expect(callee?.kind).toBe(ParticipantInfo_Kind.SIP);
    expect(callee?.attributes).toMatchObject({
      'sip.callStatus': 'active',
      'sip.phoneNumber': '+14155552671',
      'sip.trunkID': 'ST_trunk',
      'sip.trunkPhoneNumber': '+14155550000',
      'sip.callID': info.sipCallId,
    });
    expect(await roomService.listParticipants('empty-or-missing')).toEqual([]);
  });

  it('removes a participant, which ends the call and then the room', async () => {
    await sip.createSipParticipant('ST_trunk', '+14155552671', 'kick', {
      participantIdentity: 'callee',
      waitUntilAnswered: true,
    });
    await roomService.removeParticipant('kick', 'callee');
    expect(await roomService.listRooms()).toEqual([]);
    expect(emulator.webhooks.map((w) => w.event)).toEqual([
      'room_started',
      'participant_joined',
      'participant_left',
      'room_finished',
    ]);

    const error = await roomService.removeParticipant('kick', 'callee').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('ends an active call when its room is deleted, and cancels its hang-up timer', async () => {
    // Long enough that the call cannot hang up by itself before DeleteRoom, even on a slow machine.
    emulator.setTimings({ talkMs: 250 });
    await sip.createSipParticipant('ST_trunk', '+14155552671', 'del', { waitUntilAnswered: true });
    await roomService.deleteRoom('del');
    // Outlive the talk time: a call answered later with the same talk time hangs up after the
    // cancelled timer would have fired, which must not have produced a second participant_left.
    await sip.createSipParticipant('ST_trunk', '+14155552671', 'later', { waitUntilAnswered: true });
    await waitUntil(() =>
      emulator.webhooks.some((w) => w.room === 'later' && w.event === 'participant_left'),
    );
    expect(emulator.webhooks.filter((w) => w.room === 'del').map((w) => w.event)).toEqual([
      'room_started',
      'participant_joined',
      'participant_left',
      'room_finished',
    ]);
    expect(emulator.rooms().map((room) => room.name)).not.toContain('del');
  });

  it('exposes rooms and participants for inspection', async () => {
    await roomService.createRoom({ name: 'inspect', metadata: 'm' });
    await sip.createSipParticipant('ST_trunk', '+14155552671', 'inspect', { participantIdentity: 'p1' });
    await waitUntil(() => emulator.rooms()[0]?.participants.length === 1);
    const [room] = emulator.rooms();
    expect(room).toMatchObject({ name: 'inspect', metadata: 'm' });
    expect(room?.participants[0]).toMatchObject({ identity: 'p1', kind: 'sip' });
  });
});
