import {
  AccessToken,
  AgentDispatchClient,
  RoomServiceClient,
  type SIPGrant,
  SipClient,
  TwirpError,
  type VideoGrant,
} from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../test/support/sign-jwt';
import { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';

describe('API authentication and grants', () => {
  let emulator: LiveKitEmulator;
  const now = () => Math.floor(Date.now() / 1000);
  const rooms = (token: string) => new RoomServiceClient(emulator.url, undefined, undefined, { token });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('the request should have been rejected'),
      (error: unknown) => error as TwirpError,
    );

  beforeAll(async () => {
    emulator = await startLiveKitEmulator({ apiKey: 'key-1', apiSecret: 'secret-1-secret-1-secret-1' });
  });
  afterAll(() => emulator.stop());

  it('accepts the tokens the SDK clients make', async () => {
    const client = new RoomServiceClient(emulator.url, 'key-1', 'secret-1-secret-1-secret-1');
    await expect(client.createRoom({ name: 'ok' })).resolves.toMatchObject({ name: 'ok' });
    await expect(client.listRooms()).resolves.toHaveLength(1);
  });

  it('rejects a token signed with the wrong secret: 401 unauthenticated', async () => {
    const client = new RoomServiceClient(emulator.url, 'key-1', 'not-the-secret-not-the-secret');
    const error = await failure(client.listRooms());
    expect(error).toBeInstanceOf(TwirpError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(error.message).toMatch(/^invalid token/);
    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'ListRooms',
      status: 401,
      outcome: 'unauthenticated',
    });
  });

  it('rejects an unknown API key', async () => {
    const client = new RoomServiceClient(emulator.url, 'key-2', 'secret-1-secret-1-secret-1');
    const error = await failure(client.listRooms());
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', message: 'invalid API key: key-2' });
  });

  it('rejects an expired token, a token not valid yet, and one without exp', async () => {
    const grants = { video: { roomList: true } };
    const secret = emulator.apiSecret;
    const expired = signJwt({ ...grants, iss: 'key-1', exp: now() - 3600, nbf: now() - 7200 }, secret);
    const notYet = signJwt({ ...grants, iss: 'key-1', exp: now() + 7200, nbf: now() + 3600 }, secret);
    const forever = signJwt({ ...grants, iss: 'key-1' }, secret);
    for (const token of [expired, notYet, forever]) {
      expect(await failure(rooms(token).listRooms())).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
    // The same hand-made token with valid times is accepted, so the rejections are about time.
    const valid = signJwt({ ...grants, iss: 'key-1', exp: now() + 600, nbf: now() - 1 }, secret);
    await expect(rooms(valid).listRooms()).resolves.toBeInstanceOf(Array);
  });

  it('rejects a request without a token, or with a non-Bearer Authorization header', async () => {
    const bare = await fetch(`${emulator.url}/twirp/livekit.RoomService/ListRooms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ code: 'unauthenticated', msg: 'permissions denied' });
    const basic = await fetch(`${emulator.url}/twirp/livekit.RoomService/ListRooms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Basic abc' },
      body: '{}',
    });
    expect(basic.status).toBe(401);
  });

  // livekit-server answers a missing grant with Twirp `unauthenticated` (401) "permissions denied".
  async function tokenWith(grant: VideoGrant, sip?: SIPGrant): Promise<string> {
    const at = new AccessToken('key-1', emulator.apiSecret);
    at.addGrant(grant);
    if (sip) at.addSIPGrant(sip);
    return at.toJwt();
  }

  it('requires roomCreate for CreateRoom and DeleteRoom, roomList for ListRooms', async () => {
    const listOnly = rooms(await tokenWith({ roomList: true }));
    const error = await failure(listOnly.createRoom({ name: 'x' }));
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', message: 'permissions denied' });
    expect(emulator.requests.at(-1)?.outcome).toBe('permission_denied');
    expect(await failure(listOnly.deleteRoom('ok'))).toMatchObject({ status: 401 });
    const createOnly = rooms(await tokenWith({ roomCreate: true }));
    expect(await failure(createOnly.listRooms())).toMatchObject({
      status: 401,
      message: 'permissions denied',
    });
  });

  it('requires roomAdmin for the same room for participant and dispatch methods', async () => {
    const otherRoom = await tokenWith({ roomAdmin: true, room: 'other' });
    expect(await failure(rooms(otherRoom).listParticipants('ok'))).toMatchObject({ status: 401 });
    expect(await failure(rooms(otherRoom).removeParticipant('ok', 'p'))).toMatchObject({ status: 401 });
    const dispatch = new AgentDispatchClient(emulator.url, undefined, undefined, { token: otherRoom });
    expect(await failure(dispatch.createDispatch('ok', 'agent'))).toMatchObject({ status: 401 });
    expect(await failure(dispatch.listDispatch('ok'))).toMatchObject({ status: 401 });
    expect(await failure(dispatch.deleteDispatch('AD_x', 'ok'))).toMatchObject({ status: 401 });
    const sameRoom = await tokenWith({ roomAdmin: true, room: 'ok' });
    await expect(rooms(sameRoom).listParticipants('ok')).resolves.toEqual([]);
  });

  it('requires sip.call for CreateSIPParticipant', async () => {
    const adminOnly = new SipClient(emulator.url, undefined, undefined, {
      token: await tokenWith({ roomAdmin: true, roomCreate: true, room: 'ok' }),
    });
    const error = await failure(adminOnly.createSipParticipant('ST_t', '+14155552671', 'ok'));
    expect(error).toMatchObject({ status: 401, message: 'permissions denied' });
    expect(emulator.rooms().find((r) => r.name === 'ok')?.participants).toEqual([]);
  });
});
