import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  advance,
  callFixture,
  client,
  errorResponse,
  url,
  useFakeClock,
  useMockServer,
} from '../../test/mock-server';
import {
  AbortError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  RequestTimeoutError,
} from '../core/errors';

const server = useMockServer();

/** Counts GET /calls/call_1 requests, answering with `responses` in turn (the last repeats). */
function getCallResponses(...responses: (() => Response)[]) {
  let count = 0;
  server.use(
    http.get(url('/calls/call_1'), () =>
      (responses[Math.min(count++, responses.length - 1)] as () => Response)(),
    ),
  );
  return () => count;
}

const ok = () => HttpResponse.json({ data: callFixture() });
const unavailable = () => errorResponse(503, 'internal_error', 'Internal server error');

describe('retries', () => {
  it('retries 5xx with exponential backoff, then succeeds', async () => {
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0); // jitter off: the delays are exactly 500 ms, 1000 ms
    const count = getCallResponses(unavailable, unavailable, ok);
    const pending = client().calls.get('call_1');
    await advance(0);
    expect(count()).toBe(1);
    await advance(499);
    expect(count()).toBe(1);
    await advance(1);
    expect(count()).toBe(2);
    await advance(999);
    expect(count()).toBe(2);
    await advance(1);
    expect(count()).toBe(3);
    await expect(pending).resolves.toMatchObject({ id: 'call_1' });
  });

  it('throws the last error once maxRetries (default 2) are spent', async () => {
    useFakeClock();
    const count = getCallResponses(unavailable);
    const pending = client().calls.get('call_1');
    const assertion = expect(pending).rejects.toBeInstanceOf(InternalServerError);
    await vi.runAllTimersAsync();
    await assertion;
    expect(count()).toBe(3);
  });

  it('honours per-request maxRetries over the client default', async () => {
    useFakeClock();
    const count = getCallResponses(unavailable);
    const pending = client({ maxRetries: 5 }).calls.get('call_1', { maxRetries: 1 });
    const assertion = expect(pending).rejects.toBeInstanceOf(InternalServerError);
    await vi.runAllTimersAsync();
    await assertion;
    expect(count()).toBe(2);
  });

  it.each([408, 429, 500, 502, 504])('retries %i', async (status) => {
    useFakeClock();
    const count = getCallResponses(() => errorResponse(status, 'internal_error', 'x'), ok);
    const pending = client().calls.get('call_1');
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toMatchObject({ id: 'call_1' });
    expect(count()).toBe(2);
  });

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
    const count = getCallResponses(() => errorResponse(status, 'validation_error', 'x'), ok);
    await expect(client().calls.get('call_1')).rejects.toMatchObject({ status });
    expect(count()).toBe(1);
  });

  it('waits exactly Retry-After seconds on 429', async () => {
    useFakeClock();
    const count = getCallResponses(
      () =>
        errorResponse(429, 'rate_limited', 'Too many requests, please retry later', { 'Retry-After': '3' }),
      ok,
    );
    const pending = client().calls.get('call_1');
    await advance(2_999);
    expect(count()).toBe(1);
    await advance(1);
    expect(count()).toBe(2);
    await expect(pending).resolves.toMatchObject({ id: 'call_1' });
  });

  it('waits until a Retry-After HTTP date', async () => {
    useFakeClock(new Date('2025-12-01T15:30:00.000Z'));
    const count = getCallResponses(
      () => errorResponse(503, 'internal_error', 'x', { 'Retry-After': 'Mon, 01 Dec 2025 15:30:07 GMT' }),
      ok,
    );
    const pending = client().calls.get('call_1');
    await advance(6_999);
    expect(count()).toBe(1);
    await advance(1);
    expect(count()).toBe(2);
    await expect(pending).resolves.toMatchObject({ id: 'call_1' });
  });

  it.each([
    ['seconds', '60'],
    ['an HTTP date', 'Mon, 01 Dec 2025 15:31:00 GMT'],
  ])(
    'does not sleep through a Retry-After (%s) beyond maxRetryWaitMs (30 s): throws RateLimitError with retryAfterMs',
    async (_format, retryAfter) => {
      useFakeClock(new Date('2025-12-01T15:30:00.000Z'));
      const count = getCallResponses(
        () => errorResponse(429, 'rate_limited', 'x', { 'Retry-After': retryAfter }),
        ok,
      );
      let settled = false;
      const outcome = client()
        .calls.get('call_1')
        .catch((e) => e)
        .finally(() => {
          settled = true;
        });
      await advance(0); // no time passes: a 60 s sleep would leave it pending
      expect(settled).toBe(true);
      const error = await outcome;
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.retryAfterMs).toBe(60_000);
      expect(count()).toBe(1);
    },
  );

  it('sleeps a longer Retry-After when maxRetryWaitMs allows it', async () => {
    useFakeClock();
    const count = getCallResponses(
      () => errorResponse(429, 'rate_limited', 'x', { 'Retry-After': '90' }),
      ok,
    );
    const pending = client({ maxRetryWaitMs: 120_000 }).calls.get('call_1');
    await advance(89_999);
    expect(count()).toBe(1);
    await advance(1);
    expect(count()).toBe(2);
    await expect(pending).resolves.toMatchObject({ id: 'call_1' });
  });

  it('caps the total wait across retries, then throws the last error as is', async () => {
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0); // waits of 500, 1000, 2000, 4000, 8000, 8000, 8000… ms
    const count = getCallResponses(unavailable);
    let settled = false;
    const outcome = client({ maxRetries: 10 })
      .calls.get('call_1')
      .catch((e) => e)
      .finally(() => {
        settled = true;
      });
    // Attempts at 0, 0.5, 1.5, 3.5, 7.5, 15.5 and 23.5 s; another 8 s wait would pass 30 s.
    await advance(23_499);
    expect(count()).toBe(6);
    await advance(1);
    expect(count()).toBe(7);
    expect(settled).toBe(true);
    expect(await outcome).toBeInstanceOf(InternalServerError);
  });

  it('takes maxRetryWaitMs per request, and counts connection-error waits too', async () => {
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const count = getCallResponses(unavailable);
    const pending = client({ maxRetries: 5 }).calls.get('call_1', { maxRetryWaitMs: 1_000 });
    const assertion = expect(pending).rejects.toBeInstanceOf(InternalServerError);
    await vi.runAllTimersAsync();
    await assertion;
    expect(count()).toBe(2); // 500 ms waited; 500 + 1000 would pass 1 s
    server.resetHandlers();
    const failures = getCallResponses(() => HttpResponse.error());
    const failing = client({ maxRetries: 5, maxRetryWaitMs: 2_000 }).calls.get('call_1');
    const rejected = expect(failing).rejects.toBeInstanceOf(ConnectionError);
    await vi.runAllTimersAsync();
    await rejected;
    expect(failures()).toBe(3); // 500 + 1000 ms waited; + 2000 would pass 2 s
  });

  it('retries connection errors, and throws ConnectionError when they persist', async () => {
    useFakeClock();
    const count = getCallResponses(() => HttpResponse.error());
    const pending = client({ maxRetries: 1 }).calls.get('call_1');
    const assertion = expect(pending).rejects.toBeInstanceOf(ConnectionError);
    await vi.runAllTimersAsync();
    await assertion;
    expect(count()).toBe(2);
  });

  it('times out each attempt after timeoutMs, retries, and throws RequestTimeoutError', async () => {
    useFakeClock();
    let count = 0;
    server.use(
      http.get(url('/calls/call_1'), () => {
        count++;
        return new Promise<Response>(() => {});
      }),
    );
    const pending = client({ timeoutMs: 1_000, maxRetries: 1 }).calls.get('call_1');
    const assertion = expect(pending).rejects.toBeInstanceOf(RequestTimeoutError);
    await advance(999);
    expect(count).toBe(1);
    await vi.runAllTimersAsync();
    await assertion;
    expect(count).toBe(2);
  });

  it('rejects with AbortError, without retrying, when the signal fires mid-request', async () => {
    let count = 0;
    server.use(
      http.get(url('/calls/call_1'), () => {
        count++;
        return new Promise<Response>(() => {});
      }),
    );
    const controller = new AbortController();
    const outcome = client()
      .calls.get('call_1', { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(count).toBe(1));
    controller.abort('stop');
    const error = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe('stop');
    expect(count).toBe(1);
  });

  it('retries 409 idempotency_in_progress but not other 409s', async () => {
    useFakeClock();
    let count = 0;
    server.use(
      http.post(url('/calls/outbound'), () =>
        count++ === 0
          ? errorResponse(
              409,
              'idempotency_in_progress',
              'A request with this Idempotency-Key is still being processed',
            )
          : HttpResponse.json({ data: callFixture() }, { status: 201 }),
      ),
    );
    const pending = client().calls.create({ agentId: callFixture().agentId, phoneNumber: '+14155552671' });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toMatchObject({ id: 'call_1' });
    expect(count).toBe(2);

    const other = getCallResponses(() => errorResponse(409, 'conflict', 'x'), ok);
    await expect(client().calls.get('call_1')).rejects.toMatchObject({ status: 409 });
    expect(other()).toBe(1);
  });

  it('resolves fetch at request time, and prefers an injected fetch', async () => {
    const injected = vi.fn(async (_request: Request, _init?: RequestInit) =>
      HttpResponse.json({ data: callFixture() }),
    );
    await expect(client({ fetch: injected }).calls.get('call_1')).resolves.toMatchObject({ id: 'call_1' });
    expect(injected).toHaveBeenCalledTimes(1);

    const outdial = client(); // built before the global fetch is replaced: it must still use the new one
    const original = globalThis.fetch;
    const replaced = vi.fn(async () => HttpResponse.json({ data: callFixture({ id: 'call_late' }) }));
    globalThis.fetch = replaced;
    try {
      await expect(outdial.calls.get('call_1')).resolves.toMatchObject({ id: 'call_late' });
      expect(replaced).toHaveBeenCalledTimes(1);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('applies retries to the raw client too, without throwing API errors', async () => {
    useFakeClock();
    const count = getCallResponses(unavailable, () => errorResponse(404, 'not_found', 'Call not found'));
    const pending = client().raw.GET('/api/v1/calls/{callId}', { params: { path: { callId: 'call_1' } } });
    await vi.runAllTimersAsync();
    const { error, response } = await pending;
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ error: { type: 'not_found' } });
    expect(count()).toBe(2);
  });
});
