import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  advance,
  callFixture,
  client,
  errorResponse,
  noEventStreams,
  statusSequence,
  url,
  useFakeClock,
  useMockServer,
} from '../../test/mock-server';
import type { TerminalStatus } from '../call-status';
import { AbortError, ApiError, WaitTimeoutError } from '../core/errors';
import type { Call } from '../models';

/**
 * The polling waiter: what the waiters do where the server has no event streams (their stream
 * request gets 404 here; calls.wait-stream.test.ts covers streams and the other fallbacks).
 */
const server = useMockServer();
beforeEach(() => {
  server.use(...noEventStreams());
});

/** Serves GET /calls/call_1 from `respond`, counting polls. */
function polls(respond: (n: number) => Response) {
  let n = 0;
  server.use(http.get(url('/calls/call_1'), () => respond(n++)));
  return () => n;
}

function setup() {
  useFakeClock();
  vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: delays are 1 s, 2 s, 4 s, then 5 s
}

describe('waitForTerminalStatus', () => {
  it('checks at once, backs off 1 s → 5 s, reports each distinct status once, in order', async () => {
    setup();
    const sequence = statusSequence(['queued', 'queued', 'ringing', 'ringing', 'active', 'completed']);
    server.use(http.get(url('/calls/call_1'), sequence.next));
    const changes: string[] = [];
    const pending = client().calls.waitForTerminalStatus('call_1', {
      onStatusChange: (c) => changes.push(c.status),
    });
    await advance(0);
    expect(sequence.polls()).toBe(1); // immediately
    for (const [elapsed, expected] of [
      [999, 1],
      [1, 2],
      [1_999, 2],
      [1, 3],
      [3_999, 3],
      [1, 4],
      [4_999, 4], // the cap: 5 s, not 8 s
      [1, 5],
      [5_000, 6],
    ] as const) {
      await advance(elapsed);
      expect(sequence.polls()).toBe(expected);
    }
    const call = await pending;
    expectTypeOf(call).toEqualTypeOf<Call & { status: TerminalStatus }>();
    expect(call.status).toBe('completed');
    expect(changes).toEqual(['queued', 'ringing', 'active', 'completed']);
  });

  it('keeps waiting through scheduled: it is not terminal', async () => {
    setup();
    const sequence = statusSequence(['scheduled', 'scheduled', 'queued', 'ringing', 'no_answer']);
    server.use(http.get(url('/calls/call_1'), sequence.next));
    const changes: string[] = [];
    const pending = client().calls.waitForTerminalStatus('call_1', {
      onStatusChange: (c) => changes.push(c.status),
    });
    await advance(0);
    await advance(1_000);
    expect(sequence.polls()).toBe(2); // a scheduled call did not end the wait
    await advance(15_000);
    await expect(pending).resolves.toMatchObject({ status: 'no_answer' });
    expect(changes).toEqual(['scheduled', 'queued', 'ringing', 'no_answer']);
  });

  it('makes a last check at the deadline, then throws WaitTimeoutError with the last call', async () => {
    setup();
    const count = polls(() => HttpResponse.json({ data: callFixture({ status: 'ringing' }) }));
    const pending = client().calls.waitForTerminalStatus('call_1', { timeoutMs: 10_000 });
    const outcome = pending.catch((e: unknown) => e);
    await advance(9_999); // checks at 0, 1 s, 3 s, 7 s
    expect(count()).toBe(4);
    await advance(1); // the last check, at 10 s
    expect(count()).toBe(5);
    const error = await outcome;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastCall?.status).toBe('ringing');
  });

  it('returns if the last check at the deadline finds the call finished', async () => {
    setup();
    polls((n) => HttpResponse.json({ data: callFixture({ status: n < 2 ? 'active' : 'busy' }) }));
    const pending = client().calls.waitForTerminalStatus('call_1', { timeoutMs: 1_500 });
    await advance(1_500);
    await expect(pending).resolves.toMatchObject({ status: 'busy' });
  });

  it('aborts a sleep as soon as the signal fires', async () => {
    setup();
    const count = polls(() => HttpResponse.json({ data: callFixture({ status: 'ringing' }) }));
    const controller = new AbortController();
    const outcome = client()
      .calls.waitForTerminalStatus('call_1', { signal: controller.signal })
      .catch((e: unknown) => e);
    await advance(500);
    controller.abort(new Error('user left'));
    const error = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error('user left'));
    expect(count()).toBe(1);
  });

  it('does not even poll with an already aborted signal', async () => {
    const count = polls(() => HttpResponse.json({ data: callFixture() }));
    const signal = AbortSignal.abort();
    await expect(client().calls.waitForTerminalStatus('call_1', { signal })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(count()).toBe(0);
  });

  it('rides out network errors, 5xx and 429 (honouring Retry-After)', async () => {
    setup();
    const count = polls(
      (n) =>
        [
          () => HttpResponse.error(),
          () => errorResponse(502, 'internal_error', 'Bad gateway'),
          () =>
            errorResponse(429, 'rate_limited', 'Too many requests, please retry later', {
              'Retry-After': '30',
            }),
          () => HttpResponse.json({ data: callFixture({ status: 'failed' }) }),
        ][n]?.() ?? HttpResponse.json({}, { status: 500 }),
    );
    const changes: string[] = [];
    const pending = client().calls.waitForTerminalStatus('call_1', {
      onStatusChange: (c) => changes.push(c.status),
    });
    await advance(3_000); // 0, 1 s, 3 s: no request-level retries inside a poll
    expect(count()).toBe(3);
    await advance(29_999); // Retry-After: 30 s outranks the 4 s backoff
    expect(count()).toBe(3);
    await advance(1);
    await expect(pending).resolves.toMatchObject({ status: 'failed' });
    expect(count()).toBe(4);
    expect(changes).toEqual(['failed']);
  });

  it.each([401, 403, 404])('throws %i at once', async (status) => {
    const count = polls(() => errorResponse(status, 'x', 'no'));
    await expect(client().calls.waitForTerminalStatus('call_1')).rejects.toMatchObject({ status });
    expect(count()).toBe(1);
  });

  it('treats an unknown status as non-terminal, with backoff (no tight loop)', async () => {
    setup();
    const sequence = statusSequence(['queued', 'voicemail_screening', 'voicemail_screening', 'completed']);
    server.use(http.get(url('/calls/call_1'), sequence.next));
    const changes: string[] = [];
    const pending = client().calls.waitForTerminalStatus('call_1', {
      onStatusChange: (c) => changes.push(c.status),
    });
    await advance(2_999);
    expect(sequence.polls()).toBe(2);
    await advance(1);
    expect(sequence.polls()).toBe(3);
    await advance(4_000);
    await expect(pending).resolves.toMatchObject({ status: 'completed' });
    expect(changes).toEqual(['queued', 'voicemail_screening', 'completed']);
  });

  it('uses custom minDelayMs / maxDelayMs', async () => {
    setup();
    const count = polls(() => HttpResponse.json({ data: callFixture({ status: 'active' }) }));
    const outcome = client()
      .calls.waitForTerminalStatus('call_1', { minDelayMs: 100, maxDelayMs: 200, timeoutMs: 1_000 })
      .catch((e: unknown) => e);
    await advance(1_000); // 0, 100, 300, 500, 700, 900, 1000
    expect(count()).toBe(7);
    expect(await outcome).toBeInstanceOf(WaitTimeoutError);
  });
});

describe('waitForStatus', () => {
  it('stops at one of the given statuses, typed as such', async () => {
    setup();
    const sequence = statusSequence(['queued', 'ringing', 'active', 'completed']);
    server.use(http.get(url('/calls/call_1'), sequence.next));
    const pending = client().calls.waitForStatus('call_1', ['active', 'completed']);
    await advance(10_000);
    const call = await pending;
    expectTypeOf(call.status).toEqualTypeOf<'active' | 'completed'>();
    expect(call.status).toBe('active');
    expect(sequence.seen).toEqual(['queued', 'ringing', 'active']);
  });

  it('stops when a predicate holds', async () => {
    setup();
    polls((n) =>
      HttpResponse.json({ data: callFixture({ status: 'active', answeredAt: n > 0 ? 'now' : null }) }),
    );
    const pending = client().calls.waitForStatus('call_1', (call) => call.answeredAt !== null);
    await advance(1_000);
    await expect(pending).resolves.toMatchObject({ answeredAt: 'now' });
  });

  it('passes the wait headers to each poll', async () => {
    let header: string | null = null;
    server.use(
      http.get(url('/calls/call_1'), ({ request }) => {
        header = request.headers.get('x-trace');
        return HttpResponse.json({ data: callFixture({ status: 'cancelled' }) });
      }),
    );
    await client().calls.waitForTerminalStatus('call_1', { headers: { 'x-trace': 't' } });
    expect(header).toBe('t');
  });
});

describe('createAndWait', () => {
  it('creates, then waits for the end', async () => {
    setup();
    server.use(
      http.post(url('/calls/outbound'), () => HttpResponse.json({ data: callFixture() }, { status: 201 })),
    );
    const sequence = statusSequence(['queued', 'no_answer']);
    server.use(http.get(url('/calls/call_1'), sequence.next));
    const pending = client().calls.createAndWait({
      agentId: callFixture().agentId,
      phoneNumber: '+14155552671',
    });
    await advance(1_000);
    await expect(pending).resolves.toMatchObject({ status: 'no_answer' });
  });

  it('does not wait when the create fails', async () => {
    server.use(
      http.post(url('/calls/outbound'), () => errorResponse(400, 'agent_inactive', 'Agent must be active')),
    );
    await expect(
      client().calls.createAndWait({ agentId: callFixture().agentId, phoneNumber: '+14155552671' }),
    ).rejects.toBeInstanceOf(ApiError);
  });
});
