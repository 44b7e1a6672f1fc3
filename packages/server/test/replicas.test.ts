/**
 * Two replicas in this process on one PostgreSQL schema and one LiveKit emulator: one dials, the
 * other answers requests; what one commits wakes the other (queued calls reach the leader's Dial
 * queue, cancels keep calls from being dialed, event streams follow calls dialed elsewhere,
 * LiveKit webhooks land on the follower); and the follower takes over when the leader's lock
 * connection is cut and when the leader closes.
 * The SIGKILL case, with real processes, is replicas-failover.test.ts.
 */
import { hostname } from 'node:os';
import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index';
import { OUTDIAL_LOCK_CLASS } from '../src/replicas/trunk-leadership';
import { openEventStream } from './support/event-stream-client';
import { waitUntil } from './support/polling';
import { createTestSchema, type TestSchema } from './support/postgres-database';
import { startReplica } from './support/replica-server';
import { FAST_TIMINGS, TERMINAL } from './support/test-server';

const TRUNK = 'ST_replicas';
/** A trunk that only an agent created mid-suite names. */
const OTHER_TRUNK = 'ST_replicas_other';

describe.skipIf(process.env.OUTDIAL_TEST_POSTGRES === 'skip')('replicas on one PostgreSQL database', () => {
  let schema: TestSchema;
  let emulator: LiveKitEmulator;
  let first: RunningServer;
  let second: RunningServer;
  let apiKey: string;
  let agentId: string;
  let orgId: string;

  const replica = () =>
    startReplica(schema, emulator, {
      sipTrunkId: TRUNK,
      agentName: 'replica-agent',
      dialCps: 5,
      leadershipRetryMs: 100,
      eventStreamKeepAliveMs: 60_000,
    });

  const request = async (
    server: RunningServer,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ) => {
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
    return { status: response.status, body: (await response.json()) as any };
  };
  const post = async (server: RunningServer, phoneNumber: string) => {
    const { status, body } = await request(server, '/api/v1/calls/outbound', {
      method: 'POST',
      body: { agentId, phoneNumber },
    });
    expect(status).toBe(201);
    return body.data.id as string;
  };
  const statusOf = async (server: RunningServer, callId: string) =>
    (await request(server, `/api/v1/calls/${callId}`)).body.data.status as string;
  const dialedNumbers = () =>
    emulator.requests.filter((r) => r.method === 'CreateSIPParticipant').map((r) => r.phoneNumber);
  const readiness = async (server: RunningServer) => {
    const response = await fetch(`${server.url}/readyz`);
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    schema = await createTestSchema();
    emulator = await startLiveKitEmulator({ timings: { ...FAST_TIMINGS, ringMs: 30, talkMs: 100 } });
    first = await replica();
    second = await replica();
    // LiveKit's webhooks reach the follower only: it records what the leader dialed.
    emulator.setWebhookUrl(`${second.url}/api/v1/livekit/webhook`);
    const org = await first.admin.createOrganization('Replicas');
    orgId = org.id;
    ({ key: apiKey } = await first.admin.createApiKey(org.id));
    agentId = (await first.admin.createAgent(org.id, { name: 'voice', phoneNumbers: ['+14155550100'] })).id;
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await emulator?.stop();
    await schema?.drop();
  });

  it('has one leader; both are ready and say which leads', async () => {
    const [a, b] = [await readiness(first), await readiness(second)];
    expect(a).toEqual({
      status: 200,
      body: {
        status: 'ready',
        checks: { database: 'ok', dialQueue: 'ok', livekit: 'ok' },
        trunks: [{ trunkId: TRUNK, leading: true }],
      },
    });
    expect(b).toEqual({
      status: 200,
      body: {
        status: 'ready',
        checks: { database: 'ok', dialQueue: 'following', livekit: 'ok' },
        trunks: [{ trunkId: TRUNK, leading: false }],
      },
    });
    const queue = await request(second, '/api/v1/queue');
    expect(queue.body.data.trunks[0]).toMatchObject({
      trunkId: TRUNK,
      leader: `${hostname()}:${process.pid}`,
    });
  });

  it('dials a call posted to the follower, which records its end from LiveKit’s webhooks', async () => {
    const stream = await openEventStream(`${second.url}/api/v1/events`, apiKey);
    const callId = await post(second, '+14155551001');
    await waitUntil(async () => TERMINAL.includes(await statusOf(second, callId)));
    expect(await statusOf(first, callId)).toBe('completed');
    expect(dialedNumbers().filter((n) => n === '+14155551001')).toHaveLength(1);
    // The follower's stream saw the leader's transitions without waiting for a keep-alive.
    await waitUntil(() =>
      stream.events().some((e) => e.event === 'call.completed' && e.data.data.id === callId),
    );
    stream.close();
  });

  it('dials a call the follower scheduled, once it falls due', async () => {
    const scheduledAt = new Date(Date.now() + 1500).toISOString();
    const created = await request(second, '/api/v1/calls/outbound', {
      method: 'POST',
      body: { agentId, phoneNumber: '+14155551501', scheduledAt },
    });
    expect(created.body.data.status).toBe('scheduled');
    await waitUntil(async () => TERMINAL.includes(await statusOf(first, created.body.data.id)));
    expect(dialedNumbers().filter((n) => n === '+14155551501')).toHaveLength(1);
  });

  it('never dials a call the follower cancelled', async () => {
    // CPS 5: the last of these waits about a second behind the others.
    const ahead = [];
    for (let i = 0; i < 6; i++) ahead.push(await post(first, `+1415555200${i}`));
    const last = await post(first, '+14155552099');
    const cancel = await request(second, `/api/v1/calls/${last}`, { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    for (const id of ahead) await waitUntil(async () => TERMINAL.includes(await statusOf(first, id)));
    expect(await statusOf(first, last)).toBe('cancelled');
    expect(dialedNumbers()).not.toContain('+14155552099');
  });

  it('gives a queued call the same queuePosition on either replica, whichever accepted and dialed it', async () => {
    // CPS 5: twelve calls posted to both replicas in turn wait up to 2.4 s behind each other.
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(await post(i % 2 === 0 ? first : second, `+141555570${String(i).padStart(2, '0')}`));
    const positions = async (server: RunningServer) => {
      const calls = await Promise.all(
        ids.map(async (id) => (await request(server, `/api/v1/calls/${id}`)).body.data),
      );
      return calls.map((call) => (call.status === 'queued' ? call.queuePosition : null));
    };
    // The calls still queued, in the order they were posted, stand 1, 2, 3… on both replicas:
    // each counts the calls the other accepted, and forgets those the leader took. At least
    // `queued` of them, so that the check is not met by an empty queue.
    const agreed = (queued: number) => async () => {
      const [a, b] = [await positions(first), await positions(second)];
      const waiting = a.filter((position) => position !== null);
      return (
        waiting.length >= queued &&
        JSON.stringify(a) === JSON.stringify(b) &&
        JSON.stringify(waiting) === JSON.stringify(waiting.map((_, i) => i + 1))
      );
    };
    await waitUntil(agreed(6));
    // Again once the leader has taken more (its claims reach the follower as notices).
    await waitUntil(async () => (await positions(first)).filter((p) => p === null).length >= 5);
    await waitUntil(agreed(2));
    for (const id of ids) await waitUntil(async () => TERMINAL.includes(await statusOf(first, id)));
  });

  it('leads a trunk that appears later on exactly one replica, and dials its calls there once', async () => {
    const other = await first.admin.createAgent(orgId, {
      name: 'other trunk',
      phoneNumbers: ['+14155550199'],
      sipTrunkId: OTHER_TRUNK,
    });
    // Both replicas find the new trunk (within trunkRefreshMs) and contend for its own lock.
    const leadsOf = async () =>
      [...(await readiness(first)).body.trunks, ...(await readiness(second)).body.trunks].filter(
        (trunk: { trunkId: string }) => trunk.trunkId === OTHER_TRUNK,
      );
    await waitUntil(async () => {
      const leads = await leadsOf();
      return leads.length === 2 && leads.filter((trunk: { leading: boolean }) => trunk.leading).length === 1;
    });
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const created = await request(second, '/api/v1/calls/outbound', {
        method: 'POST',
        body: { agentId: other.id, phoneNumber: `+1415555460${i}` },
      });
      expect(created.status).toBe(201);
      ids.push(created.body.data.id as string);
    }
    for (const id of ids) await waitUntil(async () => TERMINAL.includes(await statusOf(first, id)));
    for (let i = 0; i < 3; i++) {
      const dials = emulator.requests.filter(
        (r) => r.method === 'CreateSIPParticipant' && r.phoneNumber === `+1415555460${i}`,
      );
      expect(dials.map((r) => r.sipTrunkId)).toEqual([OTHER_TRUNK]);
    }
    const queue = await request(first, '/api/v1/queue');
    const entry = queue.body.data.trunks.find((trunk: { trunkId: string }) => trunk.trunkId === OTHER_TRUNK);
    expect(entry.leader).toBe(`${hostname()}:${process.pid}`);
  });

  it('pauses, resumes and cancels on the follower what the leader dials', async () => {
    const batch = async (name: string, prefix: string) => {
      const calls = Array.from({ length: 15 }, (_, i) => ({
        phoneNumber: `${prefix}${String(i).padStart(2, '0')}`,
      }));
      const created = await request(first, '/api/v1/batches', {
        method: 'POST',
        body: { name, agentId, calls },
      });
      expect(created.status).toBe(201);
      return created.body.data.id as string;
    };
    const dialsOf = (prefix: string) => dialedNumbers().filter((n) => n?.startsWith(prefix)).length;

    // CPS 5: 15 calls take 3 s. Paused on the follower after the first two.
    const paused = await batch('paused elsewhere', '+141555540');
    await waitUntil(() => dialsOf('+141555540') >= 2);
    expect((await request(second, `/api/v1/batches/${paused}/pause`, { method: 'POST' })).status).toBe(200);
    const atPause = dialsOf('+141555540');
    // A second and a half: seven more slots, had the leader not heard of the pause (at most the
    // INVITEs already past their last check, one per slot in flight, may still leave).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const afterPause = dialsOf('+141555540');
    expect(afterPause - atPause).toBeLessThanOrEqual(2);
    expect((await request(second, `/api/v1/batches/${paused}/resume`, { method: 'POST' })).status).toBe(200);
    await waitUntil(() => dialsOf('+141555540') === 15);

    const cancelled = await batch('cancelled elsewhere', '+141555541');
    await waitUntil(() => dialsOf('+141555541') >= 2);
    expect((await request(second, `/api/v1/batches/${cancelled}/cancel`, { method: 'POST' })).status).toBe(
      200,
    );
    const atCancel = dialsOf('+141555541');
    await waitUntil(
      async () => (await request(first, `/api/v1/batches/${cancelled}`)).body.data.status === 'cancelled',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(dialsOf('+141555541') - atCancel).toBeLessThanOrEqual(2);
    // Never dialed twice, paused and resumed included.
    const counts = new Map<string, number>();
    for (const n of dialedNumbers()) counts.set(n ?? '', (counts.get(n ?? '') ?? 0) + 1);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it('keeps a batch to its maxConcurrentCalls while another replica records the calls’ ends', async () => {
    // LiveKit's webhooks reach the follower: the leader learns of each end from its signals.
    const calls = Array.from({ length: 6 }, (_, i) => ({ phoneNumber: `+1415555800${i}` }));
    const created = await request(first, '/api/v1/batches', {
      method: 'POST',
      body: { name: 'two at a time', agentId, calls, maxConcurrentCalls: 2 },
    });
    expect(created.status).toBe(201);
    const batchId = created.body.data.id as string;
    let mostLive = 0;
    await waitUntil(async () => {
      const { body } = await request(second, `/api/v1/calls?limit=100&batchId=${batchId}`);
      const statuses: string[] = body.data.calls.map((call: { status: string }) => call.status);
      mostLive = Math.max(
        mostLive,
        statuses.filter((s) => ['connecting', 'ringing', 'active'].includes(s)).length,
      );
      return statuses.length === 6 && statuses.every((s) => TERMINAL.includes(s));
    });
    expect(mostLive).toBeLessThanOrEqual(2);
    expect(dialedNumbers().filter((n) => n?.startsWith('+1415555800'))).toHaveLength(6);
  });

  it('stops dialing at once when the leader loses its lock connection; the follower takes over', async () => {
    // PostgreSQL ends the leader's lock session, as when its connection dies.
    const admin = new pg.Client({ connectionString: schema.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(l.pid) from pg_locks l
          where l.locktype = 'advisory' and l.granted and l.classid = $1::int4::oid and l.objsubid = 2
            and l.objid = hashtext($2)::oid`,
        [OUTDIAL_LOCK_CLASS, `${schema.schema}:${TRUNK}`],
      );
      expect(rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    // The replica that lost its connection lets the other one lead first.
    await waitUntil(async () => (await readiness(second)).body.checks.dialQueue === 'ok');
    expect((await readiness(first)).body.trunks).toContainEqual({ trunkId: TRUNK, leading: false });
    // The ex-leader still answers; its calls are dialed by the new leader, each once.
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await post(first, `+1415555300${i}`));
    for (const id of ids) await waitUntil(async () => TERMINAL.includes(await statusOf(first, id)));
    for (let i = 0; i < 5; i++)
      expect(dialedNumbers().filter((n) => n === `+1415555300${i}`)).toHaveLength(1);
    expect(emulator.maxStartsInWindow(1000)).toBeLessThanOrEqual(5);
  });

  it('hands the dialer to the follower when the leader closes', async () => {
    emulator.setWebhookUrl(`${first.url}/api/v1/livekit/webhook`);
    await second.close();
    await waitUntil(async () => (await readiness(first)).body.checks.dialQueue === 'ok');
    const callId = await post(first, '+14155553101');
    await waitUntil(async () => TERMINAL.includes(await statusOf(first, callId)));
    expect(await statusOf(first, callId)).toBe('completed');
  });
});
