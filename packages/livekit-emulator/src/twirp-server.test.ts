import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';

describe('Twirp routing and framing', () => {
  let emulator: LiveKitEmulator;
  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });

  beforeAll(async () => {
    emulator = await startLiveKitEmulator();
  });
  afterAll(() => emulator.stop());

  it('answers bad_route (404) for a method it does not serve', async () => {
    const response = await post('/twirp/livekit.RoomService/UpdateRoomMetadata', '{}');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ code: 'bad_route' });
  });

  it('answers malformed (400) for a body that is not JSON, and records the request', async () => {
    const response = await post('/twirp/livekit.RoomService/ListRooms', '{not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'malformed' });
    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'ListRooms',
      status: 400,
      outcome: 'malformed',
    });
  });

  it('answers bad_route for a content type Twirp does not accept, and for GET', async () => {
    const text = await post('/twirp/livekit.RoomService/ListRooms', '{}', 'text/plain');
    expect(text.status).toBe(404);
    const get = await fetch(`${emulator.url}/twirp/livekit.RoomService/ListRooms`);
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({ code: 'bad_route' });
  });
});
