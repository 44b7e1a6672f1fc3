import { describe, expect, test } from 'vitest';
import { BASE_URL, useMock } from '../../test/support/mock-client';

const { mock, request } = useMock();

const VALID = { agentId: '550e8400-e29b-41d4-a716-446655440000', phoneNumber: '+14155552671' };

// The bad-request table both targets share is @outdial/contract/testing's BAD_REQUESTS, run over
// the mock and the server by the root contract suite (test/contract/). Here: only what the
// mock's own pipeline shows.

describe('authentication', () => {
  test('accepts the key as x-api-key and as a bearer token', async () => {
    expect((await request('GET', '/api/v1/calls')).status).toBe(200);
    const bearer = await request('GET', '/api/v1/calls', {
      apiKey: null,
      headers: { authorization: `Bearer ${mock.apiKey}` },
    });
    expect(bearer.status).toBe(200);
  });

  test.each([
    ['no key', {}],
    ['an unknown x-api-key', { 'x-api-key': 'nope' }],
    ['an unknown bearer token', { authorization: 'Bearer nope' }],
    ['a non-bearer Authorization', { authorization: `Basic ${mock.apiKey}` }],
  ])('401 Unauthorized for %s', async (_name, headers) => {
    const response = await request('GET', '/api/v1/calls', { apiKey: null, headers });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ message: 'Unauthorized', code: 401, type: 'unauthorized' });
    expect(response.body.error.details).toBeUndefined();
  });

  test('authentication comes before validation', async () => {
    const response = await request('POST', '/api/v1/calls/outbound', {
      apiKey: null,
      body: { phoneNumber: 'x' },
    });
    expect(response.status).toBe(401);
  });

  test('health, readiness and the spec need no key', async () => {
    for (const path of ['/healthz', '/readyz', '/openapi.yaml']) {
      expect((await request('GET', path, { apiKey: null })).status).toBe(200);
    }
  });
});

describe('routing', () => {
  test.each([
    ['GET', '/api/v1/nothing'],
    ['PUT', '/api/v1/calls/call_1'],
    ['POST', '/api/v1/livekit/webhook'],
    ['GET', '/'],
  ])('%s %s → 404 Not found, before authentication', async (method, path) => {
    // The LiveKit webhook is in the spec but not in the mock (there is no LiveKit to call it).
    const undocumented = path.includes('webhook')
      ? 'the mock does not serve the internal webhook'
      : undefined;
    const response = await request(method, path, { apiKey: null, ...(undocumented ? { undocumented } : {}) });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ message: 'Not found', type: 'not_found', code: 404 });
  });

  test('every response carries a distinct x-request-id', async () => {
    const a = await request('GET', '/healthz');
    const b = await request('GET', '/healthz');
    expect(a.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  test('a body larger than maxBodyBytes → 413', async () => {
    const response = await request('POST', '/api/v1/agents', { body: { name: 'x'.repeat(1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({
      type: 'payload_too_large',
      message: 'Request body is too large',
    });
  });

  test('query values are coerced: limit=2 is the number 2', async () => {
    const response = await request('GET', '/api/v1/agents?limit=2');
    expect(response.body.data.pagination.limit).toBe(2);
  });
});

describe('what the schemas cannot say about parameter values', () => {
  test('date-times that name no instant, reported in spec order like the server', async () => {
    const response = await request(
      'GET',
      '/api/v1/calls?endDate=0000-01-01T00%3A00%3A00%2B01%3A00&startDate=2025-12-31T23%3A59%3A60Z',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { field: 'startDate', message: 'startDate is invalid' },
      {
        field: 'endDate',
        message: 'endDate must be between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z',
      },
    ]);
  });

  test('only once the schemas pass, as on the server', async () => {
    const response = await request('GET', '/api/v1/calls?limit=0&startDate=2025-12-31T23%3A59%3A60Z');
    expect(response.body.error.details).toEqual([
      { field: 'limit', message: 'Limit must be an integer between 1 and 100' },
    ]);
  });
});

describe('request bodies', () => {
  const post = (body: RequestInit['body'], headers: Record<string, string>) =>
    mock.handle(
      new Request(`${BASE_URL}/api/v1/calls/outbound`, {
        method: 'POST',
        headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json', ...headers },
        body,
      }),
    );
  const gzip = async (text: string) =>
    new Uint8Array(
      await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
    );

  test('gzip and deflate bodies are decoded', async () => {
    const text = JSON.stringify(VALID);
    expect((await post(await gzip(text), { 'content-encoding': 'gzip' })).status).toBe(201);
    const deflated = await new Response(
      new Blob([text]).stream().pipeThrough(new CompressionStream('deflate')),
    ).arrayBuffer();
    expect((await post(deflated, { 'content-encoding': 'DEFLATE' })).status).toBe(201);
  });

  test('a truncated gzip body does not decode; one over maxBodyBytes once decoded is too large', async () => {
    const truncated = (await gzip(JSON.stringify(VALID))).subarray(0, 12);
    const broken = await post(truncated, { 'content-encoding': 'gzip' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toBe(
      'Validation error: Request body could not be decoded with its Content-Encoding',
    );
    const bomb = await gzip(JSON.stringify({ ...VALID, metadata: { blob: 'x'.repeat(2 * 1024 * 1024) } }));
    const tooLarge = await post(bomb, { 'content-encoding': 'gzip' });
    expect(tooLarge.status).toBe(413);
  });

  test('bodies of operations that take none are never read', async () => {
    const response = await mock.handle(
      new Request(`${BASE_URL}/api/v1/calls/call_1`, {
        method: 'DELETE',
        headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: 'not gzip',
      }),
    );
    expect(response.status).toBe(404);
  });
});

describe('HEAD', () => {
  test.each([
    ['/healthz', 200],
    ['/openapi.yaml', 200],
    ['/api/v1/calls', 200],
    ['/api/v1/calls?limit=0', 400],
    ['/api/v1/calls/call_unknown', 404],
  ])('HEAD %s answers as GET does, without a body', async (path, status) => {
    const headers = { 'x-api-key': mock.apiKey };
    const get = await mock.handle(new Request(`${BASE_URL}${path}`, { headers }));
    const head = await mock.handle(new Request(`${BASE_URL}${path}`, { method: 'HEAD', headers }));
    expect([get.status, head.status]).toEqual([status, status]);
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('x-request-id')).toMatch(/^req_/);
  });
});
