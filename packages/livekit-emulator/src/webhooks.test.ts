import { DisconnectReason, ParticipantInfo_Kind, RoomEndReason } from '@livekit/protocol';
import { MAGIC_NUMBERS } from '@outdial/contract';
import { RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../test/support/wait-until';
import { startWebhookSink, type WebhookSink } from '../test/support/webhook-sink';
import { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';

describe('webhooks, verified by WebhookReceiver', () => {
  let emulator: LiveKitEmulator;
  let sink: WebhookSink;
  let sip: SipClient;
  let roomService: RoomServiceClient;

  beforeEach(async () => {
    emulator = await startLiveKitEmulator({ timings: { ringMs: 10, talkMs: 20, failMs: 5, noAnswerMs: 10 } });
    sink = await startWebhookSink(emulator.apiKey, emulator.apiSecret);
    emulator.setWebhookUrl(sink.url);
    sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    roomService = new RoomServiceClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  });
  afterEach(async () => {
    await emulator.stop();
    await sink.close();
  });

  it('delivers a whole call, in order, as application/webhook+json that WebhookReceiver accepts', async () => {
    const room = await roomService.createRoom({ name: 'wh' });
    const info = await sip.createSipParticipant('ST_t', '+14155552671', 'wh', {
      participantIdentity: 'callee',
      waitUntilAnswered: true,
    });
    const received = await sink.waitFor(4);
    expect(received.map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(received.map((r) => r.contentType)).toEqual(Array(4).fill('application/webhook+json'));
    const events = received.map((r) => r.event);
    expect(events.map((e) => e?.event)).toEqual([
      'room_started',
      'participant_joined',
      'participant_left',
      'room_finished',
    ]);
    for (const event of events) {
      expect(event?.id).toMatch(/^EV_/);
      expect(event?.createdAt).toBeGreaterThan(0n);
      expect(event?.room?.name).toBe('wh');
      expect(event?.room?.sid).toBe(room.sid);
    }
    const [, joined, left, finished] = events;
    expect(joined?.participant).toMatchObject({
      identity: 'callee',
      sid: info.participantId,
      kind: ParticipantInfo_Kind.SIP,
    });
    expect(joined?.participant?.attributes['sip.callStatus']).toBe('ringing');
    expect(left?.participant).toMatchObject({
      identity: 'callee',
      disconnectReason: DisconnectReason.CLIENT_INITIATED,
    });
    expect(finished?.room?.numParticipants).toBe(0);
    expect(finished?.roomEndReason).toBe(RoomEndReason.ROOM_END_IDLE_TIMEOUT);
    await waitUntil(() => emulator.webhooks.every((w) => w.status === 'delivered'));
    expect(emulator.webhooks.map((w) => w.httpStatus)).toEqual([200, 200, 200, 200]);
  });

  it('tells why the callee left: rejected, unavailable, trunk failure, room deleted', async () => {
    const reasons: DisconnectReason[] = [];
    for (const number of [MAGIC_NUMBERS.busy, MAGIC_NUMBERS.noAnswer, MAGIC_NUMBERS.trunkFailure]) {
      await sip
        .createSipParticipant('ST_t', number, `r${number}`, { waitUntilAnswered: true })
        .catch(() => {});
    }
    emulator.setTimings({ talkMs: 60_000 });
    await sip.createSipParticipant('ST_t', '+14155552671', 'deleted', { waitUntilAnswered: true });
    await roomService.deleteRoom('deleted');
    const received = await sink.waitFor(16);
    for (const { event } of received) {
      if (event?.event === 'participant_left' && event.participant)
        reasons.push(event.participant.disconnectReason);
    }
    expect(reasons).toEqual([
      DisconnectReason.USER_REJECTED,
      DisconnectReason.USER_UNAVAILABLE,
      DisconnectReason.SIP_TRUNK_FAILURE,
      DisconnectReason.ROOM_DELETED,
    ]);
    expect(received.at(-1)?.event?.roomEndReason).toBe(RoomEndReason.ROOM_END_API_DELETE);
  });

  it('is signed with the API secret: a receiver holding another secret rejects it', async () => {
    const stranger = await startWebhookSink(emulator.apiKey, 'another-secret-another-secret');
    emulator.setWebhookUrl(stranger.url);
    await roomService.createRoom({ name: 'signed' });
    const [delivery] = await stranger.waitFor(1);
    expect(delivery?.event).toBeUndefined();
    expect(delivery?.error).toMatch(/signature/i);
    await stranger.close();
  });

  it('records a receiver error as failed and keeps going', async () => {
    const failing = await startWebhookSink(emulator.apiKey, emulator.apiSecret, 500);
    emulator.setWebhookUrl(failing.url);
    await roomService.createRoom({ name: 'a' });
    await roomService.createRoom({ name: 'b' });
    await waitUntil(() => emulator.webhooks.every((w) => w.status !== 'pending'));
    expect(emulator.webhooks.map((w) => [w.status, w.httpStatus])).toEqual([
      ['failed', 500],
      ['failed', 500],
    ]);
    await failing.close();
  });

  it('records an unreachable receiver as failed without crashing', async () => {
    await sink.close();
    await roomService.createRoom({ name: 'nobody-listens' });
    await waitUntil(() => emulator.webhooks[0]?.status !== 'pending');
    expect(emulator.webhooks[0]?.status).toBe('failed');
    expect(await roomService.listRooms()).toHaveLength(1);
  });

  it('records events but sends nothing when no webhook URL is set', async () => {
    emulator.setWebhookUrl(undefined);
    await roomService.createRoom({ name: 'quiet' });
    expect(emulator.webhooks).toMatchObject([{ event: 'room_started', room: 'quiet', status: 'no_url' }]);
    expect(sink.received).toEqual([]);
  });
});
