import { afterEach, describe, expect, test } from 'vitest';
import { BASE_URL, useMock } from '../../test/support/mock-client';

const { mock, request } = useMock({ eventStreamKeepAliveMs: 5 });

/** An event stream opened with fetch, read frame by frame (a frame: the text before a blank line). */
async function openStream(path: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${BASE_URL}${path}`, {
    headers: { 'x-api-key': mock.apiKey, accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  opened.push(controller);
  return {
    response,
    /** The next frame, or null once the stream has ended. */
    async next(): Promise<string | null> {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          return frame;
        }
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return null;
        buffered += decoder.decode(chunk.value, { stream: true });
      }
    },
    /** The next event frame's data, skipping keep-alive comments; null once the stream has ended. */
    async nextEvent(): Promise<{ id: string; type: string; sequence: number; data: { id: string } } | null> {
      for (let frame = await this.next(); frame !== null; frame = await this.next()) {
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data) return JSON.parse(data);
      }
      return null;
    },
    close: () => controller.abort(),
  };
}
const opened: AbortController[] = [];
afterEach(() => {
  for (const controller of opened.splice(0)) controller.abort();
});

async function placeCall(apiKey = mock.apiKey, agentId = mock.agents.voice.id) {
  const response = await request('POST', '/api/v1/calls/outbound', {
    apiKey,
    body: { agentId, phoneNumber: '+14155552671' },
  });
  return response.body.data.id as string;
}

describe("a call's events (JSON)", () => {
  test('one per status change after creation: ids increasing, sequence 1-based, data as getCall had it', async () => {
    const id = await placeCall();
    const queued = (await request('GET', `/api/v1/calls/${id}`)).body.data;
    mock.advance(id); // connecting
    mock.setStatus(id, 'ringing');
    mock.setStatus(id, 'completed'); // through active
    const { body } = await request('GET', `/api/v1/calls/${id}/events`);
    const events = body.data.events;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'call.queued',
      'call.connecting',
      'call.ringing',
      'call.active',
      'call.completed',
    ]);
    expect(events.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    const ids = events.map((e: { id: string }) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(5);
    expect(events[0].data).toEqual({ ...queued, queuePosition: null });
    expect(events[4].data).toEqual({ ...(await request('GET', `/api/v1/calls/${id}`)).body.data });
  });

  test('none for initiated', async () => {
    const id = await placeCall();
    mock.forceStatus(id, 'initiated');
    await request('DELETE', `/api/v1/calls/${id}`);
    const { body } = await request('GET', `/api/v1/calls/${id}/events`);
    expect(body.data.events.map((e: { type: string; sequence: number }) => [e.type, e.sequence])).toEqual([
      ['call.queued', 1],
      ['call.cancelled', 2],
    ]);
  });

  test("404 for an unknown call, 403 for another organization's", async () => {
    expect((await request('GET', '/api/v1/calls/call_missing/events')).status).toBe(404);
    const id = await placeCall();
    const { status, body } = await request('GET', `/api/v1/calls/${id}/events`, {
      apiKey: mock.otherOrganization.apiKey,
    });
    expect(status).toBe(403);
    expect(body.error.type).toBe('forbidden');
  });
});

describe("the organization's events (JSON)", () => {
  test('newest first, filtered by type and call, paginated, and only its own', async () => {
    const first = await placeCall();
    const second = await placeCall();
    mock.setStatus(first, 'ringing');
    mock.setStatus(first, 'completed');
    mock.setStatus(second, 'ringing');
    mock.setStatus(second, 'busy');
    await placeCall(mock.otherOrganization.apiKey, mock.otherOrganization.agent.id);

    const all = (await request('GET', '/api/v1/events?limit=100')).body.data.events;
    expect(all).toHaveLength(2 + 4 + 3); // queued ×2; connecting…completed; connecting, ringing, busy
    const ids = all.map((e: { id: string }) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());

    const ended = (await request('GET', '/api/v1/events?type=call.completed&type=call.busy')).body.data;
    expect(ended.events.map((e: { type: string }) => e.type)).toEqual(['call.busy', 'call.completed']);
    const ofFirst = (await request('GET', `/api/v1/events?callId=${first}`)).body.data.events;
    expect(ofFirst.map((e: { sequence: number }) => e.sequence)).toEqual([5, 4, 3, 2, 1]);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { events: { id: string }[]; pagination: { nextCursor: string | null } } = (
        await request('GET', `/api/v1/events?limit=4${query}`)
      ).body.data;
      pages.push(...page.events.map((e) => e.id));
      cursor = page.pagination.nextCursor;
    } while (cursor);
    expect(pages).toEqual(ids);

    const other = await request('GET', '/api/v1/events', { apiKey: mock.otherOrganization.apiKey });
    expect(other.body.data.events.map((e: { type: string }) => e.type)).toEqual(['call.queued']);
  });

  test("refuses another listing's cursor", async () => {
    await placeCall();
    await placeCall();
    const calls = (await request('GET', '/api/v1/calls?limit=1')).body.data.pagination.nextCursor;
    const { status, body } = await request('GET', `/api/v1/events?cursor=${encodeURIComponent(calls)}`);
    expect(status).toBe(400);
    expect(body.error.message).toBe('Validation error: Invalid cursor');
  });
});

describe("a call's stream", () => {
  test('replays, then sends live events, and closes after the terminal one', async () => {
    const id = await placeCall();
    mock.advance(id);
    const stream = await openStream(`/api/v1/calls/${id}/events`);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(await stream.next()).toBe('retry: 3000');
    const replayed = await stream.next();
    expect(replayed).toMatch(/^id: evt_[0-9A-Z]{26}\nevent: call\.queued\ndata: \{/);
    expect((await stream.nextEvent())?.type).toBe('call.connecting');
    mock.setStatus(id, 'ringing');
    mock.setStatus(id, 'no_answer');
    expect((await stream.nextEvent())?.type).toBe('call.ringing');
    const last = await stream.nextEvent();
    expect(last).toMatchObject({ type: 'call.no_answer', sequence: 4, data: { id } });
    expect(await stream.nextEvent()).toBeNull(); // closed
  });

  test('after Last-Event-ID only; at once closed for an ended call with nothing left', async () => {
    const id = await placeCall();
    mock.setStatus(id, 'cancelled');
    const events = (await request('GET', `/api/v1/calls/${id}/events`)).body.data.events;
    const resumed = await openStream(`/api/v1/calls/${id}/events`, { 'last-event-id': events[0].id });
    expect((await resumed.nextEvent())?.type).toBe('call.cancelled');
    expect(await resumed.nextEvent()).toBeNull();
    const done = await openStream(`/api/v1/calls/${id}/events`, { 'last-event-id': events[1].id });
    expect(await done.next()).toBe('retry: 3000');
    expect(await done.next()).toBeNull();
  });

  test('sends keep-alive comments while nothing happens', async () => {
    const stream = await openStream(`/api/v1/calls/${await placeCall()}/events`);
    await stream.nextEvent(); // call.queued
    expect(await stream.next()).toBe(': keep-alive');
  });

  test('is JSON without Accept: text/event-stream, or when JSON is preferred', async () => {
    const id = await placeCall();
    for (const accept of ['*/*', 'application/json, text/event-stream', 'text/event-stream;q=0.5, */*']) {
      const response = await fetch(`${BASE_URL}/api/v1/calls/${id}/events`, {
        headers: { 'x-api-key': mock.apiKey, accept },
      });
      expect(response.headers.get('content-type')).toBe('application/json');
      await response.body?.cancel();
    }
  });
});

describe("the organization's stream", () => {
  test('from now on without Last-Event-ID, filtered, and only its own events', async () => {
    const before = await placeCall();
    const stream = await openStream('/api/v1/events?type=call.connecting&type=call.completed');
    expect(await stream.next()).toBe('retry: 3000');
    await placeCall(mock.otherOrganization.apiKey, mock.otherOrganization.agent.id);
    const otherId = mock.calls.list().find((c) => c.agentId === mock.otherOrganization.agent.id)?.id;
    mock.advance(otherId as string); // another organization's connecting
    mock.setStatus(before, 'completed');
    expect(await stream.nextEvent()).toMatchObject({ type: 'call.connecting', data: { id: before } });
    expect(await stream.nextEvent()).toMatchObject({ type: 'call.completed', data: { id: before } });
  });

  test('resumes after Last-Event-ID, with no gap and no duplicate', async () => {
    const id = await placeCall();
    mock.setStatus(id, 'ringing');
    mock.setStatus(id, 'active');
    const events = (await request('GET', `/api/v1/calls/${id}/events`)).body.data.events;
    const stream = await openStream('/api/v1/events', { 'last-event-id': events[1].id });
    expect((await stream.nextEvent())?.id).toBe(events[2].id);
    expect((await stream.nextEvent())?.id).toBe(events[3].id);
    mock.setStatus(id, 'completed');
    expect((await stream.nextEvent())?.type).toBe('call.completed');
  });
});

describe('Last-Event-ID', () => {
  test("400 when malformed, unknown, or another organization's", async () => {
    const other = await placeCall(mock.otherOrganization.apiKey, mock.otherOrganization.agent.id);
    const otherEvent = (
      await request('GET', `/api/v1/calls/${other}/events`, { apiKey: mock.otherOrganization.apiKey })
    ).body.data.events[0].id;
    const cases = [
      ['evt_nope', 'Validation error: Last-Event-ID must be an event id (evt_ followed by 26 characters)'],
      [
        'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8',
        "Validation error: Last-Event-ID is not one of your organization's events",
      ],
      [otherEvent, "Validation error: Last-Event-ID is not one of your organization's events"],
    ];
    for (const [lastEventId, message] of cases) {
      const { status, body } = await request('GET', '/api/v1/events', {
        headers: { accept: 'text/event-stream', 'last-event-id': lastEventId as string },
      });
      expect(status).toBe(400);
      expect(body.error).toMatchObject({
        type: 'validation_error',
        message,
        details: [{ field: 'Last-Event-ID' }],
      });
    }
  });
});

describe('the stream limit', () => {
  test('100 per API key, both endpoints together; 429 too_many_streams beyond; freed when one closes', async () => {
    const id = await placeCall();
    const streams = [];
    for (let i = 0; i < 100; i++) {
      streams.push(await openStream(i % 2 ? '/api/v1/events' : `/api/v1/calls/${id}/events`));
    }
    expect(streams.every((s) => s.response.status === 200)).toBe(true);
    const refused = await request('GET', '/api/v1/events', { headers: { accept: 'text/event-stream' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      type: 'too_many_streams',
      message: 'Too many open event streams for this API key (at most 100)',
      code: 429,
    });
    // Another key has its own 100; JSON requests are no streams.
    const other = await openStream('/api/v1/events', { 'x-api-key': mock.otherOrganization.apiKey });
    expect(other.response.status).toBe(200);
    expect((await request('GET', '/api/v1/events')).status).toBe(200);

    streams[1]?.close();
    await streams[1]?.next().catch(() => null); // the client has hung up
    const again = await openStream('/api/v1/events');
    expect(again.response.status).toBe(200);
  });

  test('a call stream that closed after its terminal event is no longer counted', async () => {
    const id = await placeCall();
    mock.setStatus(id, 'failed');
    for (let i = 0; i < 101; i++) {
      const stream = await openStream(`/api/v1/calls/${id}/events`);
      expect(stream.response.status).toBe(200);
    }
  });
});

test('reset() ends the open streams', async () => {
  const stream = await openStream('/api/v1/events');
  expect(await stream.next()).toBe('retry: 3000');
  mock.reset();
  expect(await stream.nextEvent()).toBeNull();
});

test('HEAD answers with the stream headers and no stream', async () => {
  const response = await fetch(`${BASE_URL}/api/v1/events`, {
    method: 'HEAD',
    headers: { 'x-api-key': mock.apiKey, accept: 'text/event-stream' },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
});
