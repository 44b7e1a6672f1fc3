/**
 * A cancel racing its call's dial, with 0–30 ms of jitter on every chunk between the server and
 * LiveKit, 500 times: once a cancel commits no INVITE leaves the server (timed at the socket, as
 * the pacer times dial starts), and no cancelled call is ever answered.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INVITE_SENT_CHANNEL, type InviteSentMessage } from '../src/dial/dial-diagnostics';
import type { RunningServer } from '../src/index';
import { type JitterProxy, startJitterProxy } from './support/jitter-proxy';
import { type SqliteServer, startSqliteServer } from './support/sqlite-server';

const RACES = 500;
const CONCURRENCY = 20;
/** Cancels land anywhere from before the claim to well after the INVITE. */
const MAX_CANCEL_DELAY_MS = 400;

let emulator: LiveKitEmulator;
let proxy: JitterProxy;
let server: RunningServer;
let db: SqliteServer['db'];
let apiKey: string;
let agentId: string;
const invites = new Map<string, number[]>();
const onInvite = (message: unknown) => {
  const { callId, at } = message as InviteSentMessage;
  invites.set(callId, [...(invites.get(callId) ?? []), at]);
};

beforeAll(async () => {
  // Rings long enough that only a call that escaped its cancel could be answered.
  emulator = await startLiveKitEmulator({ timings: { ringMs: 2000, talkMs: 200, failMs: 20 } });
  proxy = await startJitterProxy(emulator.url, 30);
  ({ server, db } = await startSqliteServer({
    port: 0,
    livekit: {
      url: proxy.url,
      apiKey: emulator.apiKey,
      apiSecret: emulator.apiSecret,
      sipTrunkId: 'ST_race',
      agentName: 'race-agent',
    },
    dialCps: 200,
    dialMaxInFlight: 200,
    rateLimit: false,
    validateResponses: true,
    logLevel: 'silent',
  }));
  emulator.setWebhookUrl(`${server.url}/api/v1/livekit/webhook`);
  const org = await server.admin.createOrganization('Race');
  apiKey = (await server.admin.createApiKey(org.id)).key;
  agentId = (await server.admin.createAgent(org.id, { name: 'Racer', phoneNumbers: ['+14155550199'] })).id;
  subscribe(INVITE_SENT_CHANNEL, onInvite);
});

afterAll(async () => {
  unsubscribe(INVITE_SENT_CHANNEL, onInvite);
  await server?.close();
  await proxy?.close();
  await emulator?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-api-key': apiKey, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function race(index: number): Promise<string> {
  const created = await api('POST', '/api/v1/calls/outbound', {
    agentId,
    phoneNumber: `+1415555${String(2000 + index).padStart(4, '0')}`,
  });
  expect(created.status).toBe(201);
  const callId: string = created.body.data.id;
  await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_CANCEL_DELAY_MS));
  const cancelled = await api('DELETE', `/api/v1/calls/${callId}`);
  expect(cancelled.status).toBe(200);
  return callId;
}

it(`${RACES} cancels racing their dials: no INVITE after a cancel commits, no cancelled call answered`, async () => {
  const callIds: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < RACES) callIds.push(await race(next++));
    }),
  );
  const sipRequests = () => emulator.requests.filter((r) => r.method === 'CreateSIPParticipant');
  // Every INVITE that left has been answered by LiveKit (ended by the teardown), and every
  // teardown is confirmed.
  await expect
    .poll(
      () => sipRequests().every((r) => r.outcome !== 'pending') && server.dialQueue.pendingTeardowns === 0,
      {
        timeout: 30_000,
      },
    )
    .toBe(true);

  const cancelledAt = new Map(
    (
      await db
        .selectFrom('call_events')
        .select(['call_id', 'at'])
        .where('to_status', '=', 'cancelled')
        .execute()
    ).map((e) => [e.call_id, Date.parse(e.at)]),
  );
  const calls = await db
    .selectFrom('calls')
    .select(['id', 'status', 'cancellation', 'answered_at'])
    .execute();
  expect(calls).toHaveLength(RACES);
  const cases = { before_dial: 0, hung_up: 0 };
  const invitesAfterCancel: string[] = [];
  for (const call of calls) {
    expect(call).toMatchObject({ status: 'cancelled', answered_at: null });
    const sent = invites.get(call.id) ?? [];
    expect(sent.length).toBeLessThanOrEqual(1);
    if (sent.some((at) => at > (cancelledAt.get(call.id) ?? 0))) invitesAfterCancel.push(call.id);
    if (call.cancellation === 'before_dial') {
      expect(sent).toHaveLength(0);
      expect(sipRequests().some((r) => r.room === `outdial-${call.id}`)).toBe(false);
    } else {
      expect(call.cancellation).toBe('hung_up');
    }
    cases[call.cancellation as keyof typeof cases]++;
  }
  expect(invitesAfterCancel).toEqual([]);
  const answered = sipRequests().filter((r) => r.outcome === 'ok');
  expect(answered).toEqual([]);
  expect(emulator.rooms()).toEqual([]);
  // Both sides of the race were really exercised.
  expect(cases.before_dial).toBeGreaterThan(0);
  expect(cases.hung_up).toBeGreaterThan(0);
  console.log(`${RACES} races: ${cases.before_dial} cancelled before the dial, ${cases.hung_up} hung up`);
}, 120_000);
