import { AgentDispatchClient, RoomServiceClient } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';

describe('AgentDispatchService through AgentDispatchClient', () => {
  let emulator: LiveKitEmulator;
  let dispatch: AgentDispatchClient;
  let roomService: RoomServiceClient;

  beforeEach(async () => {
    emulator = await startLiveKitEmulator();
    dispatch = new AgentDispatchClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    roomService = new RoomServiceClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  });
  afterEach(() => emulator.stop());

  it('creates, lists, gets and deletes dispatches', async () => {
    await roomService.createRoom({ name: 'room' });
    const created = await dispatch.createDispatch('room', 'voice-agent', { metadata: '{"callId":"c1"}' });
    expect(created).toMatchObject({ agentName: 'voice-agent', room: 'room', metadata: '{"callId":"c1"}' });
    expect(created.id).toMatch(/^AD_/);
    expect(created.state?.createdAt).toBeGreaterThan(0n);

    const other = await dispatch.createDispatch('room', 'second-agent');
    expect((await dispatch.listDispatch('room')).map((d) => d.id)).toEqual([created.id, other.id]);
    expect((await dispatch.getDispatch(other.id, 'room'))?.agentName).toBe('second-agent');
    expect(emulator.rooms()[0]?.dispatches.map((d) => d.agentName)).toEqual(['voice-agent', 'second-agent']);

    await dispatch.deleteDispatch(created.id, 'room');
    expect((await dispatch.listDispatch('room')).map((d) => d.id)).toEqual([other.id]);
    expect(await dispatch.getDispatch(created.id, 'room')).toBeUndefined();
  });

  it('creates the room when dispatching to one that does not exist', async () => {
    await dispatch.createDispatch('fresh', 'voice-agent');
    expect((await roomService.listRooms()).map((r) => r.name)).toEqual(['fresh']);
    expect(emulator.webhooks.map((w) => w.event)).toEqual(['room_started']);
  });

  it('answers not_found when deleting an unknown dispatch', async () => {
    await roomService.createRoom({ name: 'room' });
    const error = await dispatch.deleteDispatch('AD_missing', 'room').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('lists nothing for a room without dispatches', async () => {
    expect(await dispatch.listDispatch('nowhere')).toEqual([]);
  });
});
