import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callById, insertCalls, nth, type Seeded, seededDatabase } from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import { LiveKitWebhookHandler, WebhookVerificationError } from './livekit-webhook-handler';

const API_KEY = 'devkey';
const API_SECRET = 'secret-secret-secret-secret-secret';

let seeded: Seeded;
let handler: LiveKitWebhookHandler;

beforeEach(async () => {
  seeded = await seededDatabase();
  handler = new LiveKitWebhookHandler({
    calls: seeded.calls,
    logger: silentLogger,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
  });
});

afterEach(async () => {
  await seeded.close();
});

/** A webhook as LiveKit signs it: a JWT whose sha256 claim is the body's base64 SHA-256. */
async function signed(event: Record<string, unknown>, secret = API_SECRET): Promise<[string, string]> {
  const body = JSON.stringify({ id: `EV_${Math.random()}`, createdAt: '1', ...event });
  const token = new AccessToken(API_KEY, secret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return [body, await token.toJwt()];
}

function sipJoined(callId: string) {
  return signed({
    event: 'participant_joined',
    room: { name: `outdial-${callId}` },
    participant: { sid: 'PA_callee', identity: `sip-${callId}` },
  });
}

function sipLeft(callId: string) {
  return signed({
    event: 'participant_left',
    room: { name: `outdial-${callId}` },
    participant: { sid: 'PA_callee', identity: `sip-${callId}` },
  });
}

function roomFinished(callId: string) {
  return signed({ event: 'room_finished', room: { name: `outdial-${callId}` } });
}

async function callInStatus(status: 'connecting' | 'ringing' | 'active', answeredMsAgo = 0) {
  const call = nth(await insertCalls(seeded, [{}]), 0);
  await seeded.calls.transition(call.id, 'connecting');
  if (status !== 'connecting') await seeded.calls.transition(call.id, 'ringing');
  if (status === 'active') {
    const answeredAt = new Date(Date.now() - answeredMsAgo).toISOString();
    await seeded.calls.transition(call.id, 'active', { patch: { answered_at: answeredAt } });
  }
  return call;
}

async function eventCount(callId: string): Promise<number> {
  return (await seeded.calls.events(callId)).length;
}

describe('LiveKitWebhookHandler', () => {
  it('rejects a webhook with a bad signature, a tampered body or no Authorization header', async () => {
    const call = await callInStatus('connecting');
    const [body, auth] = await sipJoined(call.id);
    const [, forged] = await signed({ event: 'participant_joined' }, 'another-secret-another-secret-xx');
    await expect(handler.receive(body, forged)).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(handler.receive(body.replace('sip-', 'agent-'), auth)).rejects.toBeInstanceOf(
      WebhookVerificationError,
    );
    await expect(handler.receive(body, undefined)).rejects.toBeInstanceOf(WebhookVerificationError);
    expect((await callById(seeded.db, call.id)).status).toBe('connecting');
  });

  it('participant_joined of the SIP participant moves connecting → ringing and records its sid', async () => {
    const call = await callInStatus('connecting');
    await handler.receive(...(await sipJoined(call.id)));
    expect(await callById(seeded.db, call.id)).toMatchObject({
      status: 'ringing',
      sip_participant_id: 'PA_callee',
    });
  });

  it('ignores participants other than the callee, and rooms that are not ours', async () => {
    const call = await callInStatus('connecting');
    await handler.receive(
      ...(await signed({
        event: 'participant_joined',
        room: { name: `outdial-${call.id}` },
        participant: { sid: 'PA_agent', identity: 'agent-1' },
      })),
    );
    await handler.receive(
      ...(await signed({ event: 'room_finished', room: { name: 'someone-elses-room' } })),
    );
    expect((await callById(seeded.db, call.id)).status).toBe('connecting');
  });

  it('the callee leaving an answered call completes it, with ended_at and whole-second duration', async () => {
    const call = await callInStatus('active', 5_500);
    await handler.receive(...(await sipLeft(call.id)));
    const ended = await callById(seeded.db, call.id);
    expect(ended.status).toBe('completed');
    expect(ended.ended_at).not.toBeNull();
    expect(ended.duration).toBe(5);
  });

  it('room_finished completes an answered call', async () => {
    const call = await callInStatus('active', 2_100);
    await handler.receive(...(await roomFinished(call.id)));
    expect(await callById(seeded.db, call.id)).toMatchObject({ status: 'completed', duration: 2 });
  });

  it('a call never answered is left to its dial result when the callee leaves or the room ends', async () => {
    const call = await callInStatus('ringing');
    await handler.receive(...(await sipLeft(call.id)));
    await handler.receive(...(await roomFinished(call.id)));
    expect((await callById(seeded.db, call.id)).status).toBe('ringing');
  });

  it('late events change nothing once a call is completed or cancelled', async () => {
    const completed = await callInStatus('active', 1_000);
    await handler.receive(...(await roomFinished(completed.id)));
    const completedRow = await callById(seeded.db, completed.id);
    const events = await eventCount(completed.id);

    const cancelled = await callInStatus('connecting');
    await seeded.calls.transition(cancelled.id, 'cancelled');
    const cancelledRow = await callById(seeded.db, cancelled.id);

    for (const id of [completed.id, cancelled.id]) {
      await handler.receive(...(await sipJoined(id)));
      await handler.receive(...(await sipLeft(id)));
      await handler.receive(...(await roomFinished(id)));
    }
    expect(await callById(seeded.db, completed.id)).toEqual(completedRow);
    expect(await callById(seeded.db, cancelled.id)).toEqual(cancelledRow);
    expect(await eventCount(completed.id)).toBe(events);
  });

  it('a late participant_joined after the answer does not move an active call back to ringing', async () => {
    const call = await callInStatus('active');
    await handler.receive(...(await sipJoined(call.id)));
    expect((await callById(seeded.db, call.id)).status).toBe('active');
  });

  it('stamps the completion with its clock: ended_at, duration and the call event', async () => {
    const call = await callInStatus('connecting');
    await seeded.calls.transition(call.id, 'ringing');
    await seeded.calls.transition(call.id, 'active', { patch: { answered_at: '2030-01-01T00:00:00.000Z' } });
    const at = new Date('2030-01-01T00:01:30.400Z');
    const clocked = new LiveKitWebhookHandler({
      calls: seeded.calls,
      logger: silentLogger,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      clock: { now: () => at },
    });
    await clocked.receive(...(await roomFinished(call.id)));
    expect(await callById(seeded.db, call.id)).toMatchObject({
      status: 'completed',
      ended_at: at.toISOString(),
      updated_at: at.toISOString(),
      duration: 90,
    });
    expect((await seeded.calls.events(call.id)).at(-1)).toMatchObject({
      to_status: 'completed',
      at: at.toISOString(),
    });
  });
});
