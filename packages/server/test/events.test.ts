/**
 * The events endpoints end to end over HTTP: the JSON feed and a call's events (exact shapes),
 * filters and pagination, Server-Sent Events streams (replay, live, close after the terminal
 * event, resume with Last-Event-ID while calls keep changing), the 100-stream limit, bad
 * Last-Event-ID, and organization isolation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../src/index';
import { type EventStreamClient, openEventStream } from './support/event-stream-client';
import { waitUntil } from './support/polling';
import { storeKindFromEnv } from './support/store-server';
import { FAST_TIMINGS, startTestServer, TERMINAL, type TestServer, waitForCall } from './support/test-server';

const OUTBOUND = '/api/v1/calls/outbound';
const EVENT_ID = /^evt_[0-9A-HJKMNP-TV-Z]{26}$/;

const place = async (t: TestServer, key = t.acme.apiKey, agentId = t.acme.voiceAgentId) => {
  const response = await t.request(OUTBOUND, {
    method: 'POST',
    key,
    body: { agentId, phoneNumber: '+14155552671' },
  });
  expect(response.status).toBe(201);
  return response.body.data.id as string;
};

/** Every event of the organization, oldest first, walking the JSON feed's pages. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
const allEvents = async (t: TestServer, key = t.acme.apiKey, query = ''): Promise<any[]> => {
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
  const events: any[] = [];
  let cursor: string | null = null;
  do {
    const page = await t.request(
      `/api/v1/events?limit=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { key },
    );
    expect(page.status).toBe(200);
    events.push(...page.body.data.events);
    cursor = page.body.data.pagination.nextCursor;
  } while (cursor);
  return events.reverse();
};

/**
 * What a call's events must look like: `call.<status>` for each change after creation,
 * sequence 1, 2, …, ids increasing, stamped when the change was written, and `data` the call as
 * written then (queuePosition null); the last one is the call as GET returns it now.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
const expectWellFormedHistory = (events: any[], call: any, statuses: string[]) => {
  expect(events.map((e) => e.type)).toEqual(statuses.map((s) => `call.${s}`));
  events.forEach((event, index) => {
    expect(event).toEqual({
      id: expect.stringMatching(EVENT_ID),
      type: `call.${event.data.status}`,
      timestamp: event.data.updatedAt,
      sequence: index + 1,
      data: { ...call, ...pick(event.data, MUTABLE_FIELDS), queuePosition: null },
    });
    if (index > 0) expect(event.id > events[index - 1].id).toBe(true);
  });
  expect(events.at(-1).data).toEqual(call);
};

/** The Call fields a status change may write; every other field is the same in every event. */
const MUTABLE_FIELDS = [
  'status',
  'roomId',
  'jobId',
  'sipParticipantId',
  'answeredAt',
  'endedAt',
  'duration',
  'failureReason',
  'cancellation',
  'summary',
  'updatedAt',
];
const pick = (value: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((key) => [key, value[key]]));

describe('events of calls that complete', () => {
  let t: TestServer;
  let completed: string;
  let busy: string;
  beforeAll(async () => {
    t = await startTestServer();
    completed = await place(t);
    const response = await t.request(OUTBOUND, {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+15005550001' },
    });
    busy = response.body.data.id;
    await waitForCall(t, completed, (c) => TERMINAL.includes(c.status));
    await waitForCall(t, busy, (c) => TERMINAL.includes(c.status));
  });
  afterAll(() => t?.close());

  it("lists a call's events oldest first, each the call as it was then", async () => {
    const call = (await t.request(`/api/v1/calls/${completed}`)).body.data;
    expect(call.status).toBe('completed');
    const response = await t.request(`/api/v1/calls/${completed}/events`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.data)).toEqual(['events']);
    expectWellFormedHistory(response.body.data.events, call, [
      'queued',
      'connecting',
      'ringing',
      'active',
      'completed',
    ]);
    const [queued, , , active] = response.body.data.events;
    expect(queued.data).toMatchObject({ roomId: null, answeredAt: null, endedAt: null });
    expect(active.data).toMatchObject({ answeredAt: expect.any(String), endedAt: null, duration: null });
  });

  it('lists the organization’s events newest first, as the per-call lists have them', async () => {
    const response = await t.request('/api/v1/events');
    expect(response.status).toBe(200);
    const { events, pagination } = response.body.data;
    expect(pagination).toEqual({ limit: 20, hasMore: false, nextCursor: null });
    const ids = events.map((e: { id: string }) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const ofCall = async (id: string) => (await t.request(`/api/v1/calls/${id}/events`)).body.data.events;
    const both = [...(await ofCall(completed)), ...(await ofCall(busy))];
    expect(events).toEqual(both.sort((a, b) => (a.id < b.id ? 1 : -1)));
    expect((await ofCall(busy)).map((e: { type: string }) => e.type).at(-1)).toBe('call.busy');
  });

  it('filters by type (repeatable) and by call', async () => {
    const byType = await t.request('/api/v1/events?type=call.completed&type=call.busy');
    expect(byType.body.data.events.map((e: { type: string }) => e.type).sort()).toEqual([
      'call.busy',
      'call.completed',
    ]);
    const byCall = await t.request(`/api/v1/events?callId=${busy}&type=call.queued`);
    expect(byCall.body.data.events).toHaveLength(1);
    expect(byCall.body.data.events[0]).toMatchObject({ type: 'call.queued', data: { id: busy } });
    const unknownType = await t.request('/api/v1/events?type=call.initiated');
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.type).toBe('validation_error');
  });

  it('pages newest first with a cursor, every event once', async () => {
    const everything = (await t.request('/api/v1/events?limit=100')).body.data.events;
    expect(everything.length).toBeGreaterThan(4);
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
    const walked: any[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.request(`/api/v1/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.data.events.length).toBeLessThanOrEqual(3);
      walked.push(...page.body.data.events);
      cursor = page.body.data.pagination.nextCursor;
      expect(page.body.data.pagination.hasMore).toBe(cursor !== null);
    } while (cursor);
    expect(walked).toEqual(everything);
    const calls = await t.request('/api/v1/calls?limit=1');
    const callCursor = calls.body.data.pagination.nextCursor;
    for (const bad of ['not-a-cursor', callCursor]) {
      const response = await t.request(`/api/v1/events?cursor=${bad}`);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        type: 'validation_error',
        details: [{ field: 'cursor', message: 'Invalid cursor' }],
      });
    }
  });

  it('replays a finished call’s stream and closes it at once', async () => {
    const stream = await openEventStream(`${t.url}/api/v1/calls/${completed}/events`, t.acme.apiKey);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.waitForEnd();
    expect(stream.frames[0]).toEqual({ retry: 3000, comments: [] });
    const listed = (await t.request(`/api/v1/calls/${completed}/events`)).body.data.events;
    expect(stream.frames.slice(1)).toEqual(
      listed.map((e: { id: string; type: string }) => ({
        id: e.id,
        event: e.type,
        data: JSON.stringify(e),
        comments: [],
      })),
    );
    // Resuming at the terminal event: nothing to replay, so it closes with no event at all.
    const resumed = await openEventStream(`${t.url}/api/v1/calls/${completed}/events`, t.acme.apiKey, {
      'last-event-id': listed.at(-1).id,
    });
    await resumed.waitForEnd();
    expect(resumed.events()).toEqual([]);
    const fromMiddle = await openEventStream(`${t.url}/api/v1/calls/${completed}/events`, t.acme.apiKey, {
      'last-event-id': listed[1].id,
    });
    await fromMiddle.waitForEnd();
    expect(fromMiddle.events().map((e) => e.id)).toEqual(listed.slice(2).map((e: { id: string }) => e.id));
  });

  it('answers HEAD with the headers alone, for the JSON list and for the stream', async () => {
    const json = await t.request('/api/v1/events', { method: 'HEAD' });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const stream = await t.request(`/api/v1/calls/${completed}/events`, {
      method: 'HEAD',
      headers: { accept: 'text/event-stream' },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.text).toBe('');
  });

  it('refuses a malformed or unknown Last-Event-ID with 400', async () => {
    const url = `${t.url}/api/v1/events`;
    const malformed = await openEventStream(url, t.acme.apiKey, { 'last-event-id': 'evt_nope' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({
      type: 'validation_error',
      message: 'Validation error: Last-Event-ID must be an event id (evt_ followed by 26 characters)',
    });
    const unknown = await openEventStream(url, t.acme.apiKey, {
      'last-event-id': 'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({
      message: "Validation error: Last-Event-ID is not one of your organization's events",
      code: 400,
      type: 'validation_error',
      details: [
        { field: 'Last-Event-ID', message: "Last-Event-ID is not one of your organization's events" },
      ],
      requestId: expect.any(String),
    });
    const perCall = await openEventStream(`${t.url}/api/v1/calls/${completed}/events`, t.acme.apiKey, {
      'last-event-id': 'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8',
    });
    expect(perCall.status).toBe(400);
  });

  it('keeps organizations apart: feeds, call events, resume points', async () => {
    expect((await t.request('/api/v1/events', { key: t.globex.apiKey })).body.data.events).toEqual([]);
    // As getCall answers for the same call.
    const sameAsGetCall = async (callId: string, key: string, status: number) => {
      const events = await t.request(`/api/v1/calls/${callId}/events`, { key });
      const call = await t.request(`/api/v1/calls/${callId}`, { key });
      expect(events.status).toBe(status);
      expect(call.status).toBe(status);
      expect({ ...events.body.error, requestId: null }).toEqual({ ...call.body.error, requestId: null });
    };
    await sameAsGetCall(completed, t.globex.apiKey, 403);
    await sameAsGetCall('call_01JD7ZK5W8Q3N2M4P6R8T0V2X4', t.acme.apiKey, 404);
    const foreignStream = await openEventStream(`${t.url}/api/v1/calls/${completed}/events`, t.globex.apiKey);
    expect(foreignStream.status).toBe(403);
    // An Acme event id is no resume point for Globex.
    const acmeEvent = (await t.request('/api/v1/events?limit=1')).body.data.events[0];
    const borrowed = await openEventStream(`${t.url}/api/v1/events`, t.globex.apiKey, {
      'last-event-id': acmeEvent.id,
    });
    expect(borrowed.status).toBe(400);
    expect(
      (await t.request(`/api/v1/events?callId=${completed}`, { key: t.globex.apiKey })).body.data.events,
    ).toEqual([]);
  });
});

// Streams wait on real calls; on a loaded machine that can take longer than vitest's 5 s default.
/**
 * The streams over each way the server reads its events: SQLite in memory (one connection), and
 * SQLite on a file, where the feeds read through a second, read-only connection at once when a
 * commit wakes them (sqlite-reader.ts); on PostgreSQL, its pool.
 */
const LAYOUTS: { name: string; file: boolean }[] =
  storeKindFromEnv() === 'sqlite'
    ? [
        { name: 'SQLite in memory', file: false },
        { name: 'SQLite on a file', file: true },
      ]
    : [{ name: 'PostgreSQL', file: false }];

/** Starts the server on the layout's database; the returned close also removes its file. */
async function startOn(layout: { file: boolean }, options: ServerOptions = {}): Promise<TestServer> {
  if (!layout.file) return startTestServer(options);
  const dir = mkdtempSync(join(tmpdir(), 'outdial-events-'));
  const t = await startTestServer({ ...options, dbPath: join(dir, 'outdial.db') });
  const close = t.close.bind(t);
  return Object.assign(t, {
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

describe.each(LAYOUTS)('live streams ($name)', { timeout: 60_000 }, (layout) => {
  let t: TestServer;
  const streams: EventStreamClient[] = [];
  const open = async (path: string, key: string, headers: Record<string, string> = {}) => {
    const stream = await openEventStream(`${t.url}${path}`, key, headers);
    streams.push(stream);
    return stream;
  };
  beforeAll(async () => {
    // Answered calls talk until they are cancelled.
    t = await startOn(layout, { emulatorTimings: { ...FAST_TIMINGS, talkMs: 600_000 } });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t?.close();
  });

  it("replays a call's events, streams the next ones live, and closes after the terminal one", async () => {
    const callId = await place(t);
    const stream = await open(`/api/v1/calls/${callId}/events`, t.acme.apiKey);
    expect(stream.status).toBe(200);
    await waitForCall(t, callId, (c) => c.status === 'active');
    await stream.waitForEvents(4);
    expect(stream.events().map((e) => e.event)).toEqual([
      'call.queued',
      'call.connecting',
      'call.ringing',
      'call.active',
    ]);
    expect(stream.ended).toBe(false);
    expect((await t.request(`/api/v1/calls/${callId}`, { method: 'DELETE' })).status).toBe(200);
    await stream.waitForEnd();
    const call = (await t.request(`/api/v1/calls/${callId}`)).body.data;
    expect(call).toMatchObject({ status: 'cancelled', cancellation: 'hung_up' });
    const listed = (await t.request(`/api/v1/calls/${callId}/events`)).body.data.events;
    expectWellFormedHistory(listed, call, ['queued', 'connecting', 'ringing', 'active', 'cancelled']);
    expect(stream.events()).toEqual(
      listed.map((e: { id: string; type: string }) => ({ id: e.id, event: e.type, data: e })),
    );
  });

  it("streams an organization's events from now on, and none of another organization's", async () => {
    const before = await place(t);
    await waitForCall(t, before, (c) => c.status === 'active');
    const acme = await open('/api/v1/events', t.acme.apiKey);
    const globex = await open('/api/v1/events', t.globex.apiKey);
    const acmeCall = await place(t);
    const globexCall = await place(t, t.globex.apiKey, t.globex.voiceAgentId);
    await waitForCall(t, acmeCall, (c) => c.status === 'active');
    await waitForCall(t, globexCall, (c) => c.status === 'active', t.globex.apiKey);
    for (const [id, key] of [
      [before, t.acme.apiKey],
      [acmeCall, t.acme.apiKey],
      [globexCall, t.globex.apiKey],
    ] as const) {
      expect((await t.request(`/api/v1/calls/${id}`, { method: 'DELETE', key })).status).toBe(200);
    }
    // Acme: the new call's five events and the earlier call's cancellation, in commit order.
    await acme.waitForEvents(6);
    await globex.waitForEvents(5);
    const acmeEvents = acme.events();
    expect(acmeEvents.map((e) => e.id)).toEqual(acmeEvents.map((e) => e.id).sort());
    expect(new Set(acmeEvents.map((e) => e.data.data.id))).toEqual(new Set([before, acmeCall]));
    expect(acmeEvents.filter((e) => e.data.data.id === before).map((e) => e.event)).toEqual([
      'call.cancelled',
    ]);
    expect(globex.events().map((e) => e.data.data.id)).toEqual(Array(5).fill(globexCall));
    expect(globex.events()).toEqual(
      (await allEvents(t, t.globex.apiKey)).map((e) => ({ id: e.id, event: e.type, data: e })),
    );
    // Filtered the same way as the JSON feed.
    const cancelled = await open('/api/v1/events?type=call.cancelled', t.acme.apiKey, {
      'last-event-id': acmeEvents[0]?.id as string,
    });
    await cancelled.waitForEvents(2);
    // The cancels were sent one after the other, so they committed in that order.
    expect(cancelled.events().map((e) => [e.event, e.data.data.id])).toEqual([
      ['call.cancelled', before],
      ['call.cancelled', acmeCall],
    ]);
  });

  it('opens at most 100 streams per API key, the call streams included', async () => {
    // A key of its own: the streams of the tests before are none of its count.
    const { key } = await t.server.admin.createApiKey(t.acme.id);
    const opened = await Promise.all(Array.from({ length: 100 }, () => open('/api/v1/events', key)));
    expect(opened.map((s) => s.status)).toEqual(Array(100).fill(200));
    const callId = await place(t);
    for (const path of ['/api/v1/events', `/api/v1/calls/${callId}/events`]) {
      const refused = await open(path, key);
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({
        error: {
          message: 'Too many open event streams for this API key (at most 100)',
          code: 429,
          type: 'too_many_streams',
          requestId: expect.any(String),
        },
      });
    }
    // Per key: another key of the same organization, and another organization, still open one.
    expect((await open('/api/v1/events', t.acme.apiKey)).status).toBe(200);
    expect((await open('/api/v1/events', t.globex.apiKey)).status).toBe(200);
    // A stream that closes frees its place.
    opened[0]?.close();
    let reopened: EventStreamClient | undefined;
    await waitUntil(async () => {
      const attempt = await open('/api/v1/events', key);
      if (attempt.status === 200) reopened = attempt;
      return reopened !== undefined;
    });
    expect((await open('/api/v1/events', key)).status).toBe(429);
    for (const stream of opened) stream.close();
    reopened?.close();
    await t.request(`/api/v1/calls/${callId}`, { method: 'DELETE' });
  });
});

describe.each(LAYOUTS)(
  'resuming with Last-Event-ID while calls keep changing ($name)',
  { timeout: 60_000 },
  (layout) => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startOn(layout);
    });
    afterAll(() => t?.close());

    it('sees every event once, in order, across reconnects', async () => {
      const calls = 40;
      // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
      const received: { id: string; event: string; data: any }[] = [];
      let stream = await openEventStream(`${t.url}/api/v1/events`, t.acme.apiKey);
      const placing = Promise.all(Array.from({ length: calls }, () => place(t)));
      // Hang up after every few events, wherever the calls are, and resume where we left off.
      for (let reconnect = 0; reconnect < 6; reconnect++) {
        await stream.waitForEvents(7 + reconnect);
        stream.close();
        received.push(...stream.events());
        stream = await openEventStream(`${t.url}/api/v1/events`, t.acme.apiKey, {
          'last-event-id': received.at(-1)?.id as string,
        });
        expect(stream.status).toBe(200);
      }
      const ids = await placing;
      for (const id of ids) await waitForCall(t, id, (c) => TERMINAL.includes(c.status));
      const expected = await allEvents(t);
      expect(new Set(expected.map((e) => e.data.id))).toEqual(new Set(ids));
      await stream.waitForEvents(expected.length - received.length);
      stream.close();
      received.push(...stream.events());
      expect(received.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      expect(received.map((e) => e.data)).toEqual(expected);
    });
  },
);

describe('retention, keep-alive and shutdown', { timeout: 60_000 }, () => {
  let t: TestServer;
  let now = Date.now();
  const clock = { now: () => new Date(now) };
  beforeAll(async () => {
    t = await startTestServer({ clock, eventPurgeIntervalMs: 10, eventStreamKeepAliveMs: 10 });
  });
  afterAll(() => t?.close());

  it('sends a keep-alive comment on an idle stream', async () => {
    const stream = await openEventStream(`${t.url}/api/v1/events`, t.acme.apiKey);
    await waitUntil(() => stream.frames.some((f) => f.comments.includes('keep-alive')));
    expect(stream.events()).toEqual([]);
    stream.close();
  });

  it('purges events older than the retention period, by the injected clock', async () => {
    const callId = await place(t);
    await waitForCall(t, callId, (c) => TERMINAL.includes(c.status));
    const events = (await t.request(`/api/v1/calls/${callId}/events`)).body.data.events;
    // queued, connecting, (ringing,) active, completed: under load the answer can come back before
    // LiveKit's ringing webhook is handled, and that call never records `ringing`.
    expect(events.length).toBeGreaterThanOrEqual(4);
    // 30 days (the default) and a minute later, every one of them has expired.
    now += 30 * 24 * 60 * 60 * 1000 + 60_000;
    await waitUntil(async () => (await t.request('/api/v1/events')).body.data.events.length === 0);
    expect((await t.request(`/api/v1/calls/${callId}/events`)).body.data.events).toEqual([]);
    // The call itself is kept.
    expect((await t.request(`/api/v1/calls/${callId}`)).body.data.status).toBe('completed');
  });

  it('ends open streams when the server closes', async () => {
    const stream = await openEventStream(`${t.url}/api/v1/events`, t.acme.apiKey);
    expect(stream.status).toBe(200);
    await t.close();
    await stream.waitForEnd();
  });
});
