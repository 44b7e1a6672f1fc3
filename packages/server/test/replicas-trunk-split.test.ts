/**
 * Two trunks led by two different replicas, and one of them failing over while the other keeps
 * dialing: leadership is per trunk, so losing one trunk's leader costs the other trunk nothing.
 *
 * Which replica wins a free trunk is a race. The test decides it without sleeping on luck: it
 * holds the second trunk's lock itself until the first replica (slow to retry) has just made an
 * attempt, then lets go, and the second replica (fast to retry) takes it long before the first
 * tries again.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE_SENT_CHANNEL, type InviteSentMessage } from '../src/dial/dial-diagnostics';
import type { RunningServer } from '../src/index';
import { OUTDIAL_LOCK_CLASS } from '../src/replicas/trunk-leadership';
import { waitUntil } from './support/polling';
import { createTestSchema, type TestSchema } from './support/postgres-database';
import { startReplica } from './support/replica-server';
import { FAST_TIMINGS, TERMINAL } from './support/test-server';

const FIRST_TRUNK = 'ST_split_first';
const SECOND_TRUNK = 'ST_split_second';
const CPS = 5;
/**
 * Calls outlive the lost lock. With 100 ms, about one run in twenty once left a call `active` for
 * good: its end reached the second replica before the losing leader had committed `active`, and
 * the new leader's tracker, failing it as interrupted meanwhile, lost the race and stopped
 * watching it. Fixed (live-call-tracker.test.ts, "calls whose dial two replicas settle"); 20 runs
 * at 100 ms passed since, but that race is not what this test is about.
 */
const TALK_MS = 1_500;
/** The first replica's attempts are this far apart; the second's every 20 ms. */
const SLOW_RETRY_MS = 3_000;

describe.skipIf(process.env.OUTDIAL_TEST_POSTGRES === 'skip')('two trunks led by two replicas', () => {
  let schema: TestSchema;
  let emulator: LiveKitEmulator;
  let admin: pg.Client;
  let first: RunningServer;
  let second: RunningServer;
  let apiKey: string;
  const agentOf: Record<string, string> = {};

  const replica = (leadershipRetryMs: number) =>
    startReplica(schema, emulator, {
      sipTrunkId: FIRST_TRUNK,
      agentName: 'split-agent',
      dialCps: CPS,
      leadershipRetryMs,
    });
  const lockKey = (trunkId: string) => [OUTDIAL_LOCK_CLASS, `${schema.schema}:${trunkId}`];
  /** The backend holding the trunk's lock, and the seconds since its last statement began. */
  const holderOf = async (trunkId: string) =>
    (
      await admin.query<{ pid: number; idle_s: number }>(
        `select l.pid, extract(epoch from clock_timestamp() - a.query_start)::float8 as idle_s
           from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and l.granted and l.objsubid = 2
            and l.classid = $1::int4::oid and l.objid = hashtext($2)::oid`,
        lockKey(trunkId),
      )
    ).rows[0];
  const leads = async (server: RunningServer) => {
    const body = (await (await fetch(`${server.url}/readyz`)).json()) as {
      trunks: { trunkId: string; leading: boolean }[];
    };
    return body.trunks
      .filter((trunk) => trunk.leading)
      .map((trunk) => trunk.trunkId)
      .sort();
  };
  const post = async (server: RunningServer, trunkId: string, phoneNumber: string) => {
    const response = await fetch(`${server.url}/api/v1/calls/outbound`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: agentOf[trunkId], phoneNumber }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: { id: string } }).data.id;
  };
  const callOf = async (callId: string) => {
    const response = await fetch(`${second.url}/api/v1/calls/${callId}`, {
      headers: { 'x-api-key': apiKey },
    });
    type Call = { status: string; phoneNumber: string; failureReason: string | null };
    return ((await response.json()) as { data: Call }).data;
  };
  /** The call's events as the API lists them (only read to explain a failure). */
  const eventsOf = async (callId: string): Promise<unknown> => {
    const response = await fetch(`${second.url}/api/v1/calls/${callId}/events`, {
      headers: { 'x-api-key': apiKey },
    });
    return response.json();
  };
  const statusOf = async (callId: string) => (await callOf(callId)).status;
  const dialsTo = (trunkId: string) =>
    emulator.requests.filter((r) => r.method === 'CreateSIPParticipant' && r.sipTrunkId === trunkId);

  const invitesSent: InviteSentMessage[] = [];
  const onInviteSent = (message: unknown) => invitesSent.push(message as InviteSentMessage);

  beforeAll(async () => {
    subscribe(INVITE_SENT_CHANNEL, onInviteSent);
    schema = await createTestSchema();
    emulator = await startLiveKitEmulator({ timings: { ...FAST_TIMINGS, ringMs: 30, talkMs: TALK_MS } });
    admin = new pg.Client({ connectionString: schema.url });
    await admin.connect();
    // The second trunk is taken before any replica exists: the first can only lead the first.
    await admin.query('select pg_advisory_lock($1::int4, hashtext($2))', lockKey(SECOND_TRUNK));
    first = await replica(SLOW_RETRY_MS);
    const org = await first.admin.createOrganization('Split trunks');
    ({ key: apiKey } = await first.admin.createApiKey(org.id));
    for (const [trunkId, number] of [
      [FIRST_TRUNK, '+14155550101'],
      [SECOND_TRUNK, '+14155550102'],
    ] as const) {
      const agent = await first.admin.createAgent(org.id, {
        name: trunkId,
        phoneNumbers: [number],
        sipTrunkId: trunkId,
      });
      agentOf[trunkId] = agent.id;
    }
    second = await replica(20);
    emulator.setWebhookUrl(`${second.url}/api/v1/livekit/webhook`);
    await waitUntil(async () => (await leads(first)).join() === FIRST_TRUNK);
    // Let go of the second trunk just after the first replica's attempt: the second replica
    // takes it within 20 ms, while the first tries again only SLOW_RETRY_MS later.
    await waitUntil(async () => {
      const holder = await holderOf(FIRST_TRUNK);
      return holder !== undefined && holder.idle_s < 0.5;
    });
    await admin.query('select pg_advisory_unlock($1::int4, hashtext($2))', lockKey(SECOND_TRUNK));
    await waitUntil(async () => (await leads(second)).join() === SECOND_TRUNK);
  });
  afterAll(async () => {
    unsubscribe(INVITE_SENT_CHANNEL, onInviteSent);
    await second?.close();
    await first?.close();
    await admin?.end();
    await emulator?.stop();
    await schema?.drop();
  });

  it('dials each trunk from its own leader, and the second trunk keeps its leader while the first fails over', {
    timeout: 60_000,
  }, async () => {
    expect(await leads(first)).toEqual([FIRST_TRUNK]);
    expect(await leads(second)).toEqual([SECOND_TRUNK]);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push(await post(first, FIRST_TRUNK, `+1415555710${i}`));
      ids.push(await post(second, SECOND_TRUNK, `+1415555720${i}`));
    }
    // The first trunk's leader loses its lock session (as when its connection dies) mid-backlog.
    await waitUntil(() => dialsTo(FIRST_TRUNK).length >= 2);
    const holder = await holderOf(FIRST_TRUNK);
    expect(holder).toBeDefined();
    await admin.query('select pg_terminate_backend($1)', [holder?.pid]);

    // Until every call has ended, the second replica never stops leading the second trunk.
    const secondLeads: string[][] = [];
    // Talk time is longer than any write's delay here (see TALK_MS).
    const deadline = performance.now() + 20_000;
    let unfinished: string[] = ids;
    while (unfinished.length > 0 && performance.now() < deadline) {
      secondLeads.push(await leads(second));
      const statuses = await Promise.all(unfinished.map(statusOf));
      unfinished = unfinished.filter((_, i) => !TERMINAL.includes(statuses[i] as string));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // What each unfinished call went through, and what LiveKit said of its room.
    const stories = await Promise.all(
      unfinished.map(async (id) => ({
        call: await callOf(id),
        events: await eventsOf(id),
        webhooks: emulator.webhooks.filter((w) => w.room?.includes(id)).map((w) => `${w.event} ${w.status}`),
      })),
    );
    expect(stories).toEqual([]);
    expect(secondLeads.every((trunks) => trunks.includes(SECOND_TRUNK))).toBe(true);
    // The first trunk moved to the second replica; the first replica leads nothing now.
    expect(await leads(second)).toEqual([FIRST_TRUNK, SECOND_TRUNK].sort());
    expect(await leads(first)).toEqual([]);
    // No call dialed twice; each trunk within its budget, counted where the pacer counts: when each
    // INVITE's headers left (the emulator, in this process, stamps arrivals after whatever else
    // the event loop was doing).
    for (const trunkId of [FIRST_TRUNK, SECOND_TRUNK]) {
      const numbers = dialsTo(trunkId).map((r) => r.phoneNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
      const times = invitesSent.filter((invite) => invite.sipTrunkId === trunkId).map((i) => i.monotonicMs);
      expect(times).toHaveLength(numbers.length);
      const inAnySecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
      expect(inAnySecond).toBeLessThanOrEqual(CPS);
    }
    // The second trunk lost nothing: all six dialed and completed.
    const calls = await Promise.all(ids.map(callOf));
    const onSecond = calls.filter((call) => call.phoneNumber.startsWith('+1415555720'));
    expect(onSecond.map((call) => call.status)).toEqual(Array(6).fill('completed'));
    expect(dialsTo(SECOND_TRUNK)).toHaveLength(6);
    // The first trunk's calls that the lost leader had claimed for its next slots (room and agent
    // ready, INVITE not sent) went back to the queue (the lost leader is alive, and the new one
    // waits for that before it fails them as interrupted): every call of that trunk was dialed,
    // once. One whose INVITE was on its way as the lock went may end `interrupted` (its fate is
    // unknown from the database); any other ends completed.
    for (const call of calls.filter((c) => c.phoneNumber.startsWith('+1415555710'))) {
      expect(dialsTo(FIRST_TRUNK).map((r) => r.phoneNumber)).toContain(call.phoneNumber);
      const interrupted = call.status === 'failed' && call.failureReason === 'interrupted';
      expect(call.status === 'completed' || interrupted).toBe(true);
    }
    expect(dialsTo(FIRST_TRUNK)).toHaveLength(6);
  });
});
