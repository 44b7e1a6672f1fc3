import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { client, errorResponse, url, useMockServer } from '../../test/mock-server';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  OutdialError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  UnprocessableEntityError,
  WaitTimeoutError,
} from './errors';

const server = useMockServer();

describe('ApiError from each status', () => {
  it.each([
    [400, BadRequestError, 'validation_error'],
    [401, AuthenticationError, 'unauthorized'],
    [403, PermissionDeniedError, 'forbidden'],
    [404, NotFoundError, 'not_found'],
    [409, ConflictError, 'conflict'],
    [422, UnprocessableEntityError, 'idempotency_key_reused'],
    [429, RateLimitError, 'rate_limited'],
    [500, InternalServerError, 'internal_error'],
    [503, InternalServerError, 'queue_failed'],
    [413, ApiError, 'payload_too_large'],
  ] as const)('%i → %o', async (status, Class, type) => {
    server.use(http.get(url('/calls/call_1'), () => errorResponse(status, type, `message ${status}`)));
    const error = await client({ maxRetries: 0 })
      .calls.get('call_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(OutdialError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: Class.name,
      status,
      type,
      message: `message ${status}`,
      requestId: `req_${status}`,
    });
    expect((error as ApiError).headers.get('x-request-id')).toBe(`req_${status}`);
    // Only the matching subclass claims it.
    for (const Other of [BadRequestError, NotFoundError, RateLimitError, InternalServerError]) {
      if (Other !== Class) expect(error).not.toBeInstanceOf(Other);
    }
  });

  it('carries validation details', async () => {
    const details = [{ field: 'phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' }];
    server.use(
      http.post(url('/calls/outbound'), () =>
        HttpResponse.json(
          {
            error: {
              message: 'Validation error: Phone number must be in E.164 format (+1234567890)',
              code: 400,
              type: 'validation_error',
              details,
              requestId: 'req_1',
            },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client()
      .calls.create({ agentId: '550e8400-e29b-41d4-a716-446655440000', phoneNumber: '555' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ details, requestId: 'req_1' });
  });

  it('copes with a body that is not an error envelope, or no body at all', async () => {
    server.use(
      http.get(url('/calls/text'), () => new HttpResponse('upstream exploded', { status: 400 })),
      http.get(
        url('/calls/empty'),
        () => new HttpResponse(null, { status: 404, headers: { 'x-request-id': 'req_e' } }),
      ),
    );
    await expect(client().calls.get('text')).rejects.toMatchObject({
      status: 400,
      type: 'unknown',
      message: 'HTTP 400: upstream exploded',
    });
    const empty = await client()
      .calls.get('empty')
      .catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(NotFoundError);
    expect(empty).toMatchObject({ message: 'HTTP 404', requestId: 'req_e' });
  });

  it('RateLimitError.retryAfterMs reads seconds and HTTP dates', () => {
    const seconds = ApiError.from(429, undefined, new Headers({ 'retry-after': '12' }));
    expect(seconds).toBeInstanceOf(RateLimitError);
    expect((seconds as RateLimitError).retryAfterMs).toBe(12_000);
    const date = new Date(Date.now() + 60_000).toUTCString();
    const fromDate = ApiError.from(429, undefined, new Headers({ 'retry-after': date })) as RateLimitError;
    expect(fromDate.retryAfterMs).toBeGreaterThan(50_000);
    expect(fromDate.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect((ApiError.from(429, undefined, new Headers()) as RateLimitError).retryAfterMs).toBeUndefined();
  });
});

describe('the other errors', () => {
  it('RequestTimeoutError is a ConnectionError; AbortError and WaitTimeoutError are OutdialErrors', () => {
    const timeout = new RequestTimeoutError('slow');
    expect(timeout).toBeInstanceOf(ConnectionError);
    expect(timeout).toBeInstanceOf(OutdialError);
    expect(timeout.name).toBe('RequestTimeoutError');
    expect(new ConnectionError('x')).not.toBeInstanceOf(RequestTimeoutError);
    const abort = new AbortError('why');
    expect(abort).toBeInstanceOf(OutdialError);
    expect(abort).not.toBeInstanceOf(ApiError);
    expect(abort.cause).toBe('why');
    const wait = new WaitTimeoutError(undefined, 5);
    expect(wait).toBeInstanceOf(OutdialError);
    expect(wait.message).toContain('last status: none');
  });

  it('instanceof matches by brand, so a second copy of the classes recognises these errors', async () => {
    // What the CJS and ESM builds loaded side by side amount to: two distinct module instances.
    vi.resetModules();
    const copy = await import('./errors');
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const foreign = copy.ApiError.from(404, undefined, new Headers());
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(ApiError);
    expect(foreign).not.toBeInstanceOf(RateLimitError);
    expect(new BadRequestError(400, undefined, new Headers())).toBeInstanceOf(copy.OutdialError);
  });

  it('does not match unrelated values', () => {
    for (const value of [null, undefined, 42, 'NotFoundError', {}, new Error('x'), Object.create(null)]) {
      expect(value).not.toBeInstanceOf(OutdialError);
    }
  });
});
