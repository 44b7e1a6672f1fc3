/**
 * The waiters on a server with event streams: they follow the call's stream instead of polling,
 * and poll where the stream cannot serve them. (calls.wait.test.ts covers the polling itself.)
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  advance,
  callFixture,
  client,
  errorResponse,
  eventFixture,
  eventStreamResponse,
  url,
  useFakeClock,
  useMockServer,
} from '../../test/mock-server';
import { AbortError, StreamUnavailableError, WaitTimeoutError } from '../core/errors';

const server = useMockServer();

/** Serves the call's stream from `respond` and GET /calls/call_1 from `poll`, counting both. */
function serve(respond: () => Response, poll = () => HttpResponse.json({ data: callFixture() })) {
  const counts = { streams: 0, polls: 0, accept: [] as (string | null)[] };
  server.use(
    http.get(url('/calls/call_1/events'), ({ request }) => {
      counts.streams++;
      counts.accept.push(request.headers.get('accept'));
      return respond();
    }),
    http.get(url('/calls/call_1'), () => {
      counts.polls++;
      return poll();
    }),
  );
  return counts;
}

describe('waiting on the event stream', () => {
  it('follows the stream to the terminal event, reporting each status once, without polling', async () => {
    const events = [
      eventFixture('queued'),
      eventFixture('connecting', 2),
      eventFixture('ringing', 3),
      eventFixture('active', 4),
      eventFixture('completed', 5),
    ];
    const counts = serve(() => eventStreamResponse(events));
    const changes: string[] = [];
    const call = await client().calls.waitForTerminalStatus('call_1', {
      onStatusChange: (c) => changes.push(c.status),
    });
    expect(call).toEqual(events[4]?.data);
    expect(changes).toEqual(['queued', 'connecting', 'ringing', 'active', 'completed']);
    expect(counts).toEqual({ streams: 1, polls: 0, accept: ['text/event-stream'] });
  });

  it('stops at the first event that satisfies waitForStatus', async () => {
    const counts = serve(() =>
      eventStreamResponse([eventFixture('queued'), eventFixture('active', 2), eventFixture('completed', 3)]),
    );
    const call = await client().calls.waitForStatus('call_1', ['active', 'ringing']);
    expect(call.status).toBe('active');
    expect(counts.polls).toBe(0);
  });

  it('createAndWait places the call, then follows its stream', async () => {
    server.use(
      http.post(url('/calls/outbound'), () => HttpResponse.json({ data: callFixture() }, { status: 201 })),
    );
    const counts = serve(() => eventStreamResponse([eventFixture('queued'), eventFixture('busy', 2)]));
    const call = await client().calls.createAndWait({
      agentId: callFixture().agentId,
      phoneNumber: '+14155552671',
    });
    expect(call.status).toBe('busy');
    expect(counts).toMatchObject({ streams: 1, polls: 0 });
  });

  it.each([
    ['404 (a server without event streams)', () => errorResponse(404, 'not_found', 'Not found')],
    ['405', () => errorResponse(405, 'method_not_allowed', 'Method not allowed')],
    ['501', () => errorResponse(501, 'not_implemented', 'Not implemented')],
    ['a JSON answer (the Accept header ignored)', () => HttpResponse.json({ data: { events: [] } })],
    ['a network error', () => HttpResponse.error()],
  ])('polls instead when the stream request gets %s', async (_case, respond) => {
    const counts = serve(respond, () => HttpResponse.json({ data: callFixture({ status: 'completed' }) }));
    const changes: string[] = [];
    const call = await client({ maxRetries: 0 }).calls.waitForTerminalStatus('call_1', {
      onStatusChange: (c) => changes.push(c.status),
    });
    expect(call.status).toBe('completed');
    expect(changes).toEqual(['completed']);
    expect(counts).toMatchObject({ streams: 1, polls: 1 });
  });

  it('polls instead where fetch cannot stream a body (no `response.body`)', async () => {
    const requests: string[] = [];
    const outdial = client({
      fetch: async (request) => {
        requests.push(new URL(request.url).pathname);
        if (request.url.endsWith('/events')) {
          return new Response(null, { headers: { 'content-type': 'text/event-stream' } });
        }
        return Response.json({ data: callFixture({ status: 'completed' }) });
      },
    });
    await expect(outdial.calls.waitForTerminalStatus('call_1')).resolves.toMatchObject({
      status: 'completed',
    });
    expect(requests).toEqual(['/api/v1/calls/call_1/events', '/api/v1/calls/call_1']);
    const error = await (async () => {
      for await (const _ of outdial.calls.stream('call_1'));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamUnavailableError);
  });

  it('polls once the stream has ended without the wait being satisfied, keeping what it reported', async () => {
    // A field set after the call ended comes with no event: only a GET can see it.
    const counts = serve(
      () => eventStreamResponse([eventFixture('active'), eventFixture('completed', 2)], { end: true }),
      () => HttpResponse.json({ data: callFixture({ status: 'completed', summary: 'Booked a visit' }) }),
    );
    const changes: string[] = [];
    const call = await client().calls.waitForStatus('call_1', (c) => c.summary !== null, {
      onStatusChange: (c) => changes.push(c.status),
    });
    expect(call.summary).toBe('Booked a visit');
    expect(changes).toEqual(['active', 'completed']);
    expect(counts).toMatchObject({ streams: 1, polls: 1 });
  });

  it('at the deadline, makes the last check by GET, then throws WaitTimeoutError', async () => {
    useFakeClock();
    const counts = serve(
      () => eventStreamResponse([eventFixture('ringing')]),
      () => HttpResponse.json({ data: callFixture({ status: 'ringing' }) }),
    );
    const outcome = client()
      .calls.waitForTerminalStatus('call_1', { timeoutMs: 60_000 })
      .catch((e: unknown) => e);
    await advance(59_999);
    expect(counts).toMatchObject({ streams: 1, polls: 0 });
    await advance(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastCall?.status).toBe('ringing');
    expect((error as WaitTimeoutError).message).toContain('60000 ms');
    expect(counts.polls).toBe(1);
  });

  it('throws AbortError as soon as the signal fires, without polling', async () => {
    const counts = serve(() => eventStreamResponse([eventFixture('queued')]));
    const controller = new AbortController();
    const outcome = client()
      .calls.waitForTerminalStatus('call_1', {
        signal: controller.signal,
        onStatusChange: () => controller.abort(new Error('user left')),
      })
      .catch((e: unknown) => e);
    const error = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error('user left'));
    expect(counts.polls).toBe(0);
  });
});
