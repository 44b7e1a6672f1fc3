import { describe, expect, test } from 'vitest';
import { BASE_URL, useMock } from '../test-support/mock-client';

const { mock, request } = useMock();

const VALID = { agentId: '550e8400-e29b-41d4-a716-446655440000', phoneNumber: '+14155552671' };
const AGENT = '550e8400-e29b-41d4-a716-446655440000';

type Row = {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  status: number;
  type: string;
  message: string;
  details?: { field: string; message: string }[];
  /** Why the spec does not document this response (a gap to close in openapi.yaml). */
  undocumented?: string;
};

// The shared table of bad requests: the same rows must give the same status, type and message
// on the real server.
const BAD_REQUESTS: Row[] = [
  {
    name: 'phone number not E.164',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, phoneNumber: '4155552671' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Phone number must be in E.164 format (+1234567890)',
    details: [{ field: 'phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' }],
  },
  {
    name: 'agentId not a UUID',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, agentId: 'agent-1' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid agent ID format',
    details: [{ field: 'agentId', message: 'Invalid agent ID format' }],
  },
  {
    name: 'agentId missing',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { phoneNumber: '+14155552671' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: agentId is required',
  },
  {
    name: 'both required fields missing, in schema order',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: {},
    status: 400,
    type: 'validation_error',
    message: 'Validation error: agentId is required',
    details: [
      { field: 'agentId', message: 'agentId is required' },
      { field: 'phoneNumber', message: 'phoneNumber is required' },
    ],
  },
  {
    name: 'unknown field',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, colour: 'red' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Unknown field: colour',
    details: [{ field: 'colour', message: 'Unknown field: colour' }],
  },
  {
    name: 'callerId not E.164',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, callerId: '555' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Caller ID must be in E.164 format (+1234567890)',
  },
  {
    name: 'metadata not an object',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, metadata: ['a'] },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Metadata must be an object',
  },
  {
    name: 'priority above 10',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, priority: 11 },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Priority must be an integer between 0 and 10',
  },
  {
    name: 'priority not an integer',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, priority: 1.5 },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Priority must be an integer between 0 and 10',
  },
  {
    name: 'priority as a string (bodies are not coerced)',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, priority: '1' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Priority must be an integer between 0 and 10',
  },
  {
    name: 'ring timeout below 5',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, ringTimeoutSeconds: 4 },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Ring timeout must be an integer between 5 and 120 seconds',
  },
  {
    name: 'max duration above 14400',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, maxDurationSeconds: 14401 },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Max duration must be an integer between 10 and 14400 seconds',
  },
  {
    name: 'variables with a non-string value',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, variables: { first_name: 1 } },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Variables must be a map of strings',
    details: [{ field: 'variables.first_name', message: 'Variables must be a map of strings' }],
  },
  {
    name: 'metadata over 16384 bytes',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, metadata: { blob: 'x'.repeat(16_380) } },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Metadata must be at most 16384 bytes when serialized as JSON',
    details: [{ field: 'metadata', message: 'Metadata must be at most 16384 bytes when serialized as JSON' }],
  },
  {
    name: 'several errors: details in schema order, message from the first',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { extra: 1, priority: -1, phoneNumber: 'x', agentId: 'y' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid agent ID format',
    details: [
      { field: 'agentId', message: 'Invalid agent ID format' },
      { field: 'phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' },
      { field: 'priority', message: 'Priority must be an integer between 0 and 10' },
      { field: 'extra', message: 'Unknown field: extra' },
    ],
  },
  {
    name: 'Idempotency-Key longer than 255, before body fields',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: { ...VALID, phoneNumber: 'x' },
    headers: { 'Idempotency-Key': 'k'.repeat(256) },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Idempotency-Key must be 1 to 255 characters',
    details: [
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 characters' },
      { field: 'phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' },
    ],
  },
  {
    name: 'body is an array',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: [VALID],
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Request body must be a JSON object',
    details: [{ field: 'body', message: 'Request body must be a JSON object' }],
  },
  {
    name: 'body is null',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    body: null,
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Request body must be a JSON object',
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    rawBody: '{"agentId":',
    headers: { 'content-type': 'application/json' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Request body is not valid JSON',
    details: [],
  },
  {
    name: 'non-JSON content type',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    rawBody: 'agentId=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Content-Type must be application/json',
  },
  {
    name: 'missing body',
    method: 'POST',
    path: '/api/v1/calls/outbound',
    headers: { 'content-type': 'application/json' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Request body is required',
    details: [],
  },
  {
    name: 'limit not a number',
    method: 'GET',
    path: '/api/v1/calls?limit=abc',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Limit must be an integer between 1 and 100',
    details: [{ field: 'limit', message: 'Limit must be an integer between 1 and 100' }],
  },
  {
    name: 'limit 0',
    method: 'GET',
    path: '/api/v1/calls?limit=0',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Limit must be an integer between 1 and 100',
  },
  {
    name: 'limit 101',
    method: 'GET',
    path: '/api/v1/calls?limit=101',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Limit must be an integer between 1 and 100',
  },
  {
    name: 'unknown status',
    method: 'GET',
    path: '/api/v1/calls?status=active&status=bogus',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: status is invalid',
    details: [{ field: 'status', message: 'status is invalid' }],
  },
  {
    name: 'agentId filter not a UUID',
    method: 'GET',
    path: '/api/v1/calls?agentId=nope',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid agent ID format',
  },
  {
    name: 'phoneNumber filter not E.164',
    method: 'GET',
    path: '/api/v1/calls?phoneNumber=12',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Phone number must be in E.164 format (+1234567890)',
  },
  {
    name: 'startDate not a date-time',
    method: 'GET',
    path: '/api/v1/calls?startDate=yesterday',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: startDate is invalid',
  },
  {
    name: 'query errors in spec order',
    method: 'GET',
    path: '/api/v1/calls?limit=500&endDate=soon&agentId=x',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid agent ID format',
    details: [
      { field: 'agentId', message: 'Invalid agent ID format' },
      { field: 'endDate', message: 'endDate is invalid' },
      { field: 'limit', message: 'Limit must be an integer between 1 and 100' },
    ],
  },
  {
    name: 'cursor that was never issued',
    method: 'GET',
    path: '/api/v1/calls?cursor=not-a-cursor',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid cursor',
  },
  {
    name: 'cursor too long',
    method: 'GET',
    path: `/api/v1/calls?cursor=${'a'.repeat(513)}`,
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid cursor',
  },
  {
    name: 'callId longer than 64',
    method: 'GET',
    path: `/api/v1/calls/${'c'.repeat(65)}`,
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Call ID must be 1 to 64 characters',
  },
  {
    name: 'agent path id not a UUID',
    method: 'GET',
    path: '/api/v1/agents/agent-1',
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid agent ID format',
    details: [{ field: 'agentId', message: 'Invalid agent ID format' }],
  },
  {
    name: 'create agent without a name',
    method: 'POST',
    path: '/api/v1/agents',
    body: { type: 'voice' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: name is required',
  },
  {
    name: 'create agent with an empty name',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: '' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Name must be 1 to 200 characters',
  },
  {
    name: 'create agent with an unknown type',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', type: 'sms' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Type must be one of: voice, chat',
  },
  {
    name: 'create agent with a bad phone number in the list',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', phoneNumbers: ['+14155551234', 'bad'] },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Phone number must be in E.164 format (+1234567890)',
    details: [{ field: 'phoneNumbers.1', message: 'Phone number must be in E.164 format (+1234567890)' }],
  },
  {
    name: 'create agent with duplicate phone numbers',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', phoneNumbers: ['+14155551234', '+14155551234'] },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Phone numbers must be a list of distinct E.164 numbers (+1234567890)',
    details: [
      {
        field: 'phoneNumbers',
        message: 'Phone numbers must be a list of distinct E.164 numbers (+1234567890)',
      },
    ],
  },
  {
    name: 'create agent with an empty LiveKit agent name',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', livekitAgentName: '' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: LiveKit agent name must be 1 to 128 characters',
  },
  {
    name: 'update agent with an empty body object',
    method: 'PATCH',
    path: `/api/v1/agents/${AGENT}`,
    body: {},
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Send at least one field to update',
    details: [{ field: 'body', message: 'Send at least one field to update' }],
  },
  {
    name: 'update agent with a bad status',
    method: 'PATCH',
    path: `/api/v1/agents/${AGENT}`,
    body: { status: 'paused' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Status must be one of: active, inactive',
  },
  {
    name: 'update agent: path parameter before body fields',
    method: 'PATCH',
    path: '/api/v1/agents/nope',
    body: { sipTrunkId: '' },
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid agent ID format',
    details: [
      { field: 'agentId', message: 'Invalid agent ID format' },
      { field: 'sipTrunkId', message: 'SIP trunk ID must be 1 to 128 characters' },
    ],
  },
];

describe('the shared table of bad requests', () => {
  test('has at least 30 rows', () => {
    expect(BAD_REQUESTS.length).toBeGreaterThanOrEqual(30);
  });

  test.each(BAD_REQUESTS)('$name → $status $message', async (row) => {
    const response = await request(row.method, row.path, {
      ...(row.body !== undefined ? { body: row.body } : {}),
      ...(row.rawBody !== undefined ? { rawBody: row.rawBody } : {}),
      ...(row.headers ? { headers: row.headers } : {}),
      ...(row.undocumented ? { undocumented: row.undocumented } : {}),
    });
    expect(response.status).toBe(row.status);
    expect(response.body.error.type).toBe(row.type);
    expect(response.body.error.message).toBe(row.message);
    if (row.details) expect(response.body.error.details).toEqual(row.details);
    expect(response.body.error.requestId).toBe(response.headers.get('x-request-id'));
  });
});

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
