/**
 * The calls endpoints end to end over HTTP: create, get (queuePosition), list (filters, cursor),
 * cancel (queued and live), plus the two 500s the contract names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../src/store/testing-hooks';
import { advancingClock } from './support/advancing-clock';
import { storeKindFromEnv } from './support/store-server';
import { startTestServer, TERMINAL, type TestServer, waitForCall } from './support/test-server';

const OUTBOUND = '/api/v1/calls/outbound';

describe('create, get and list', () => {
  let t: TestServer;
  const clock = advancingClock();
  beforeAll(async () => {
    t = await startTestServer({ clock });
  });
  afterAll(() => t?.close());

  it('answers 201 with the contract body and tracks the call to completion', async () => {
    const response = await t.request(OUTBOUND, {
      method: 'POST',
      body: {
        agentId: t.acme.voiceAgentId,
        phoneNumber: '+14155552671',
        callerId: t.acme.phoneNumbers[1],
        priority: 2,
        ringTimeoutSeconds: 25,
        maxDurationSeconds: 900,
        metadata: { customerName: 'John Doe' },
        variables: { first_name: 'John' },
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      data: {
        id: expect.stringMatching(/^call_[0-9A-Z]{26}$/),
        status: 'queued',
        agentId: t.acme.voiceAgentId,
        phoneNumber: '+14155552671',
        callerId: t.acme.phoneNumbers[1],
        startedAt: expect.any(String),
        agent: { id: t.acme.voiceAgentId, name: 'Acme voice', type: 'voice' },
        metadata: {
          customerName: 'John Doe',
          caller_id: t.acme.phoneNumbers[1],
          from_phone_number: t.acme.phoneNumbers[1],
          priority: 2,
        },
        scheduledAt: null,
      },
      message: 'Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress.',
    });
    const done = await waitForCall(t, response.body.data.id, (c) => TERMINAL.includes(c.status));
    expect(done).toMatchObject({
      status: 'completed',
      priority: 2,
      ringTimeoutSeconds: 25,
      maxDurationSeconds: 900,
      variables: { first_name: 'John' },
      roomId: expect.any(String),
      sipParticipantId: expect.any(String),
      answeredAt: expect.any(String),
      endedAt: expect.any(String),
      failureReason: null,
      queuePosition: null,
    });
    expect(done.duration).toBeGreaterThanOrEqual(0);
    // Every status change was recorded as a call event.
    const events = await t.db
      .selectFrom('call_events')
      .select('to_status')
      .where('call_id', '=', done.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.to_status).slice(0, 3)).toEqual(['initiated', 'queued', 'connecting']);
    expect(events.at(-1)?.to_status).toBe('completed');
  });

  it('defaults the caller ID to the agent’s first number and the priority to 5', async () => {
    const response = await t.request(OUTBOUND, {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' },
    });
    expect(response.body.data.callerId).toBe(t.acme.phoneNumbers[0]);
    expect(response.body.data.metadata).toEqual({
      caller_id: t.acme.phoneNumbers[0],
      from_phone_number: t.acme.phoneNumbers[0],
      priority: 5,
    });
  });

  it('lists newest first with filters and a cursor that walks every call once', async () => {
    const placed: string[] = [];
    for (const phoneNumber of [
      '+14155550101',
      '+14155550102',
      '+14155550103',
      '+14155550104',
      '+14155550105',
    ]) {
      const r = await t.request(OUTBOUND, {
        method: 'POST',
        key: t.globex.apiKey,
        body: { agentId: t.globex.voiceAgentId, phoneNumber },
      });
      placed.push(r.body.data.id);
      // Distinct startedAt values, so the date filters below have a boundary between calls.
      clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<TestServer['request']>> = await t.request(
        `/api/v1/calls?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { key: t.globex.apiKey },
      );
      expect(page.status).toBe(200);
      expect(page.body.data.pagination.limit).toBe(2);
      seen.push(...page.body.data.calls.map((c: { id: string }) => c.id));
      cursor = page.body.data.pagination.nextCursor;
      expect(page.body.data.pagination.hasMore).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual([...placed].reverse());

    const one = await t.request('/api/v1/calls?phoneNumber=%2B14155550103', { key: t.globex.apiKey });
    expect(one.body.data.calls.map((c: { id: string }) => c.id)).toEqual([placed[2]]);

    const startedAt = (await t.request(`/api/v1/calls/${placed[3]}`, { key: t.globex.apiKey })).body.data
      .startedAt;
    const since = await t.request(`/api/v1/calls?startDate=${encodeURIComponent(startedAt)}`, {
      key: t.globex.apiKey,
    });
    expect(since.body.data.calls.map((c: { id: string }) => c.id)).toEqual([placed[4], placed[3]]);
    const until = await t.request(`/api/v1/calls?endDate=${encodeURIComponent(startedAt)}&limit=100`, {
      key: t.globex.apiKey,
    });
    expect(until.body.data.calls.map((c: { id: string }) => c.id)).toEqual(placed.slice(0, 4).reverse());

    for (const id of placed) await waitForCall(t, id, (c) => TERMINAL.includes(c.status), t.globex.apiKey);
    const byStatus = await t.request('/api/v1/calls?status=completed&status=failed&limit=100', {
      key: t.globex.apiKey,
    });
    expect(byStatus.body.data.calls).toHaveLength(5);
    const none = await t.request('/api/v1/calls?status=queued', { key: t.globex.apiKey });
    expect(none.body.data).toEqual({
      calls: [],
      pagination: { limit: 20, hasMore: false, nextCursor: null },
    });
  });

  it('answers 500 queue_failed when the call cannot be queued, and leaves no call behind', async () => {
    // A real database failure at the moment the call moves to `queued`.
    const dropTrigger = await refuseQueuing(t.db);
    try {
      const response = await t.request(OUTBOUND, {
        method: 'POST',
        headers: { 'Idempotency-Key': 'queue-fails' },
        body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155559876' },
      });
      expect(response.status).toBe(500);
      expect(response.body.error).toMatchObject({
        code: 500,
        type: 'queue_failed',
        message: 'Failed to queue call: Connection timeout',
      });
      // The call, its events and its key commit together or not at all: nothing to dial later.
      const rows = await t.db
        .selectFrom('calls')
        .selectAll()
        .where('phone_number', '=', '+14155559876')
        .execute();
      expect(rows).toEqual([]);
    } finally {
      await dropTrigger();
    }
    // The key was released, so the retry places the call.
    const retry = await t.request(OUTBOUND, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'queue-fails' },
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155559876' },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('queue position and cancel', () => {
  let t: TestServer;
  beforeAll(async () => {
    // One dial at a time, ringing for a minute: everything after the first call stays queued.
    t = await startTestServer({
      dialMaxInFlight: 1,
      emulatorTimings: { ringMs: 60_000, talkMs: 100, failMs: 20 },
    });
  });
  afterAll(() => t?.close());

  const place = async (phoneNumber: string, priority?: number): Promise<string> => {
    const r = await t.request(OUTBOUND, {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber, ...(priority === undefined ? {} : { priority }) },
    });
    expect(r.status).toBe(201);
    return r.body.data.id;
  };
  const get = async (id: string) => (await t.request(`/api/v1/calls/${id}`)).body.data;

  it('reports queue positions in priority then FIFO order; cancels queued and live calls', async () => {
    const ringing = await place('+14155550201');
    await waitForCall(t, ringing, (c) => c.status === 'ringing');
    expect((await get(ringing)).queuePosition).toBeNull();

    const second = await place('+14155550202');
    const third = await place('+14155550203');
    expect((await get(second)).queuePosition).toBe(1);
    expect((await get(third)).queuePosition).toBe(2);
    const urgent = await place('+14155550204', 0);
    expect((await get(urgent)).queuePosition).toBe(1);
    expect((await get(second)).queuePosition).toBe(2);
    expect((await get(third)).queuePosition).toBe(3);
    const listed = await t.request('/api/v1/calls?status=queued');
    expect(
      Object.fromEntries(
        listed.body.data.calls.map((c: { id: string; queuePosition: number }) => [c.id, c.queuePosition]),
      ),
    ).toEqual({
      [urgent]: 1,
      [second]: 2,
      [third]: 3,
    });

    // Cancel a queued call: it leaves the queue and is never dialed.
    const cancelled = await t.request(`/api/v1/calls/${second}`, { method: 'DELETE' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({
      data: { id: second, status: 'cancelled' },
      message: 'Call cancelled successfully',
    });
    expect(await get(second)).toMatchObject({
      status: 'cancelled',
      queuePosition: null,
      endedAt: expect.any(String),
      duration: 0,
    });
    expect((await get(third)).queuePosition).toBe(2);
    const again = await t.request(`/api/v1/calls/${second}`, { method: 'DELETE' });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('Cannot cancel call with status: cancelled');

    // Cancel the live call: its LiveKit room is deleted, and the queue moves on.
    t.emulator?.setTimings({ ringMs: 20 });
    const room = (await get(ringing)).roomId;
    expect(room).toBeTruthy();
    expect((await t.request(`/api/v1/calls/${ringing}`, { method: 'DELETE' })).status).toBe(200);
    expect((await get(ringing)).status).toBe('cancelled');
    const deletions = t.emulator?.requests.filter((r) => r.method === 'DeleteRoom') ?? [];
    expect(deletions.length).toBeGreaterThan(0);

    for (const id of [urgent, third]) await waitForCall(t, id, (c) => TERMINAL.includes(c.status));
    const dialed = (t.emulator?.requests ?? [])
      .filter((r) => r.method === 'CreateSIPParticipant')
      .map((r) => r.phoneNumber);
    expect(dialed).toEqual(['+14155550201', '+14155550204', '+14155550203']);
    expect((await get(ringing)).status).toBe('cancelled');
  });
});

describe('without LiveKit', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ livekit: null });
  });
  afterAll(() => t?.close());

  it('answers 500 livekit_not_configured, after the agent checks', async () => {
    const response = await t.request(OUTBOUND, {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' },
    });
    expect(response.status).toBe(500);
    expect(response.body.error).toMatchObject({
      code: 500,
      type: 'livekit_not_configured',
      message: 'LiveKit service is not configured. Please contact support.',
    });
    const chat = await t.request(OUTBOUND, {
      method: 'POST',
      body: { agentId: t.acme.chatAgentId, phoneNumber: '+14155552671' },
    });
    expect(chat.body.error.type).toBe('agent_not_voice');
    expect(await t.db.selectFrom('calls').selectAll().execute()).toEqual([]);
    const ready = await t.request('/readyz', { key: null });
    expect(ready.body.checks.livekit).toBe('not_configured');
  });
});

/**
 * Makes the database refuse every move of a call to `queued` with "Connection timeout", in the
 * trigger language of the store under test. @returns what removes the trigger
 */
async function refuseQueuing(db: TestServer['db']): Promise<() => Promise<void>> {
  if (storeKindFromEnv() === 'postgres') {
    await sql`CREATE FUNCTION refuse_queue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.status = 'queued' THEN RAISE EXCEPTION 'Connection timeout'; END IF; RETURN NEW; END $$`.execute(
      db,
    );
    await sql`CREATE TRIGGER refuse_queue BEFORE INSERT OR UPDATE OF status ON calls
      FOR EACH ROW EXECUTE FUNCTION refuse_queue()`.execute(db);
    return async () => {
      await sql`DROP TRIGGER refuse_queue ON calls`.execute(db);
      await sql`DROP FUNCTION refuse_queue()`.execute(db);
    };
  }
  // A new call is written straight into `queued` (an insert), a later change is an update.
  await sql`CREATE TRIGGER refuse_queue BEFORE UPDATE OF status ON calls WHEN NEW.status = 'queued'
    BEGIN SELECT RAISE(ABORT, 'Connection timeout'); END`.execute(db);
  await sql`CREATE TRIGGER refuse_queue_insert BEFORE INSERT ON calls WHEN NEW.status = 'queued'
    BEGIN SELECT RAISE(ABORT, 'Connection timeout'); END`.execute(db);
  return async () => {
    await sql`DROP TRIGGER refuse_queue`.execute(db);
    await sql`DROP TRIGGER refuse_queue_insert`.execute(db);
  };
}
