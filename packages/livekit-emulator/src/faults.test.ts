import { RoomServiceClient, SipCallError, SipClient, TwirpError } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../test/support/wait-until';
import { startWebhookSink, type WebhookSink } from '../test/support/webhook-sink';
import { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';

describe('fault injection', () => {
  let emulator: LiveKitEmulator;
  let roomService: RoomServiceClient;
  let sip: SipClient;
  let sink: WebhookSink;

  beforeEach(async () => {
    emulator = await startLiveKitEmulator({ timings: { ringMs: 10, talkMs: 20, failMs: 5 } });
    roomService = new RoomServiceClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    sink = await startWebhookSink(emulator.apiKey, emulator.apiSecret);
  });
  afterEach(async () => {
    await emulator.stop();
    await sink.close();
  });

  it('error rate 1 with http5xx: the method answers 503 unavailable, others are untouched', async () => {
    emulator.setFaults({ errorRate: { CreateRoom: { rate: 1, kind: 'http5xx' } } });
    const error = await roomService.createRoom({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwirpError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable' });
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'CreateRoom', status: 503, outcome: 'fault' });
    // Nothing happened behind the fault.
    await expect(roomService.listRooms()).resolves.toEqual([]);
  });

  it('error rate 1 with transport: the connection drops and fetch rejects', async () => {
    emulator.setFaults({ errorRate: { CreateSIPParticipant: { rate: 1, kind: 'transport' } } });
    const error = await sip.createSipParticipant('ST_t', '+14155552671', 'r').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(SipCallError);
    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'CreateSIPParticipant',
      status: 0,
      outcome: 'fault',
    });
    expect(emulator.rooms()).toEqual([]);
  });

  it("'*' applies to every method; a method's own entry wins", async () => {
    emulator.setFaults({
      errorRate: { '*': { rate: 1, kind: 'http5xx' }, ListRooms: { rate: 0, kind: 'http5xx' } },
    });
    await expect(roomService.createRoom({ name: 'x' })).rejects.toMatchObject({ status: 503 });
    await expect(roomService.listRooms()).resolves.toEqual([]);
  });

  it('the error rate is a probability, drawn from the injected random source', async () => {
    const draws = [0.1, 0.9, 0.1, 0.9];
    const seeded = await startLiveKitEmulator({
      random: () => draws.shift() ?? 0.9,
      faults: { errorRate: { ListRooms: { rate: 0.5, kind: 'http5xx' } } },
    });
    const client = new RoomServiceClient(seeded.url, seeded.apiKey, seeded.apiSecret);
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(
        await client.listRooms().then(
          () => 'ok',
          () => 'fault',
        ),
      );
    expect(results).toEqual(['fault', 'ok', 'fault', 'ok']);
    await seeded.stop();
  });

  it('latency delays every response by at least latencyMs', async () => {
    emulator.setFaults({ latencyMs: 150 });
    const started = performance.now();
    await roomService.listRooms();
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    expect(emulator.requests.at(-1)?.outcome).toBe('ok');
  });

  it('a forced SIP status fails every call with that code, whatever the number', async () => {
    emulator.setFaults({ forcedSipStatus: { code: 480, status: 'Temporarily Unavailable' } });
    const error = await sip
      .createSipParticipant('ST_t', '+14155552671', 'forced', { waitUntilAnswered: true })
      .catch((e: unknown) => e as SipCallError);
    expect(error).toBeInstanceOf(SipCallError);
    expect(error).toMatchObject({
      sipStatusCode: 480,
      sipStatus: 'Temporarily Unavailable',
      code: 'resource_exhausted',
    });
    expect(emulator.requests.at(-1)?.outcome).toBe('no_answer');
    emulator.setFaults({ forcedSipStatus: undefined });
    await expect(
      sip.createSipParticipant('ST_t', '+14155552671', 'normal', { waitUntilAnswered: true }),
    ).resolves.toMatchObject({ roomName: 'normal' });
  });

  it('webhook drop rate 1 records every webhook as dropped and sends none', async () => {
    emulator.setWebhookUrl(sink.url);
    emulator.setFaults({ webhookDropRate: 1 });
    await roomService.createRoom({ name: 'a' });
    await roomService.deleteRoom('a');
    emulator.setFaults({ webhookDropRate: 0 });
    await roomService.createRoom({ name: 'b' });
    const [only] = await sink.waitFor(1);
    expect(only?.event?.room?.name).toBe('b');
    expect(sink.received).toHaveLength(1);
    expect(emulator.webhooks.map((w) => w.status).slice(0, 2)).toEqual(['dropped', 'dropped']);
  });

  it('webhook delay holds deliveries back and keeps their order', async () => {
    emulator.setWebhookUrl(sink.url);
    emulator.setFaults({ webhookDelayMs: 500 });
    const started = performance.now();
    await roomService.createRoom({ name: 'late' });
    await roomService.deleteRoom('late');
    expect(emulator.webhooks.map((w) => w.status)).toEqual(['pending', 'pending']);
    const received = await sink.waitFor(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(499);
    expect(received.map((r) => r.event?.event)).toEqual(['room_started', 'room_finished']);
  });

  it('reset clears records, rooms and faults', async () => {
    emulator.setFaults({ errorRate: { ListRooms: { rate: 1, kind: 'http5xx' } } });
    await roomService.createRoom({ name: 'r' });
    await roomService.listRooms().catch(() => {});
    emulator.reset();
    expect(emulator.requests).toEqual([]);
    expect(emulator.webhooks).toEqual([]);
    expect(emulator.rooms()).toEqual([]);
    await expect(roomService.listRooms()).resolves.toEqual([]);
  });

  it('reset fails a call that is still waiting for an answer instead of leaving it hanging', async () => {
    emulator.setTimings({ ringMs: 60_000 });
    const call = sip.createSipParticipant('ST_t', '+14155552671', 'r', { waitUntilAnswered: true });
    await waitUntil(() => emulator.rooms().length === 1);
    emulator.reset();
    await expect(call).rejects.toMatchObject({ status: 503, code: 'unavailable' });
  });
});
