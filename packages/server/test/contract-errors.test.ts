/**
 * Every error the contract names, produced over HTTP by the real server, with its exact status,
 * `type`, message and details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  TERMINAL,
  type TestRequestInit,
  type TestServer,
  waitForCall,
} from './support/test-server';

let t: TestServer;
/** A voice agent set up before its phone numbers were bought. */
let numberlessAgentId: string;
beforeAll(async () => {
  t = await startTestServer();
  numberlessAgentId = (await t.server.admin.createAgent(t.acme.id, { name: 'No numbers', phoneNumbers: [] }))
    .id;
});
afterAll(() => t?.close());

const OUTBOUND = '/api/v1/calls/outbound';
const UNKNOWN_AGENT = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';
const PHONE_MESSAGE = 'Phone number must be in E.164 format (+1234567890)';
const LIMIT_MESSAGE = 'Limit must be an integer between 1 and 100';
const DATE_RANGE = 'must be between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z';
const nestedMetadata = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;

interface ErrorCase {
  name: string;
  path: string | (() => string);
  init: () => TestRequestInit;
  status: number;
  type: string;
  message: string;
  details?: { field: string; message: string }[];
}

const call = (body: Record<string, unknown>): TestRequestInit => ({
  method: 'POST',
  body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671', ...body },
});
const validation = (field: string, message: string) => ({
  status: 400,
  type: 'validation_error',
  message: `Validation error: ${message}`,
  details: [{ field, message }],
});

const CASES: ErrorCase[] = [
  // Authentication
  {
    name: 'no API key',
    path: OUTBOUND,
    init: () => ({ ...call({}), key: null }),
    status: 401,
    type: 'unauthorized',
    message: 'Unauthorized',
  },
  {
    name: 'unknown x-api-key',
    path: OUTBOUND,
    init: () => ({ ...call({}), key: 'od_nope' }),
    status: 401,
    type: 'unauthorized',
    message: 'Unauthorized',
  },
  {
    name: 'unknown Bearer key',
    path: OUTBOUND,
    init: () => ({ ...call({}), key: null, headers: { authorization: 'Bearer od_nope' } }),
    status: 401,
    type: 'unauthorized',
    message: 'Unauthorized',
  },
  {
    name: 'Basic instead of Bearer',
    path: '/api/v1/calls',
    init: () => ({ key: null, headers: { authorization: `Basic ${t.acme.apiKey}` } }),
    status: 401,
    type: 'unauthorized',
    message: 'Unauthorized',
  },
  {
    name: 'unauthenticated with a malformed body still gets 401 first',
    path: OUTBOUND,
    init: () => ({ method: 'POST', key: null, body: '{oops' }),
    status: 401,
    type: 'unauthorized',
    message: 'Unauthorized',
  },
  // Body validation
  {
    name: 'phone number not E.164',
    path: OUTBOUND,
    init: () => call({ phoneNumber: '4155552671' }),
    ...validation('phoneNumber', PHONE_MESSAGE),
  },
  {
    name: 'agent id not a UUID',
    path: OUTBOUND,
    init: () => call({ agentId: 'agent-1' }),
    ...validation('agentId', 'Invalid agent ID format'),
  },
  {
    name: 'agent id not a string',
    path: OUTBOUND,
    init: () => call({ agentId: 42 }),
    ...validation('agentId', 'Invalid agent ID format'),
  },
  {
    name: 'missing agentId',
    path: OUTBOUND,
    init: () => ({ method: 'POST', body: { phoneNumber: '+14155552671' } }),
    ...validation('agentId', 'agentId is required'),
  },
  {
    name: 'both required fields missing, in schema order',
    path: OUTBOUND,
    init: () => ({ method: 'POST', body: { priority: 1 } }),
    status: 400,
    type: 'validation_error',
    message: 'Validation error: agentId is required',
    details: [
      { field: 'agentId', message: 'agentId is required' },
      { field: 'phoneNumber', message: 'phoneNumber is required' },
    ],
  },
  {
    name: 'several invalid fields, ordered by the schema not the body',
    path: OUTBOUND,
    init: () => ({ method: 'POST', body: { priority: 99, phoneNumber: 'x', agentId: 'y', zebra: 1 } }),
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid agent ID format',
    details: [
      { field: 'agentId', message: 'Invalid agent ID format' },
      { field: 'phoneNumber', message: PHONE_MESSAGE },
      { field: 'priority', message: 'Priority must be an integer between 0 and 10' },
      { field: 'zebra', message: 'Unknown field: zebra' },
    ],
  },
  {
    name: 'unknown field',
    path: OUTBOUND,
    init: () => call({ foo: 1 }),
    ...validation('foo', 'Unknown field: foo'),
  },
  {
    name: 'caller id not E.164',
    path: OUTBOUND,
    init: () => call({ callerId: '555' }),
    ...validation('callerId', 'Caller ID must be in E.164 format (+1234567890)'),
  },
  {
    name: 'priority above 10',
    path: OUTBOUND,
    init: () => call({ priority: 11 }),
    ...validation('priority', 'Priority must be an integer between 0 and 10'),
  },
  {
    name: 'priority as a string (bodies are not coerced)',
    path: OUTBOUND,
    init: () => call({ priority: '5' }),
    ...validation('priority', 'Priority must be an integer between 0 and 10'),
  },
  {
    name: 'priority not an integer',
    path: OUTBOUND,
    init: () => call({ priority: 1.5 }),
    ...validation('priority', 'Priority must be an integer between 0 and 10'),
  },
  {
    name: 'ring timeout too short',
    path: OUTBOUND,
    init: () => call({ ringTimeoutSeconds: 4 }),
    ...validation('ringTimeoutSeconds', 'Ring timeout must be an integer between 5 and 120 seconds'),
  },
  {
    name: 'max duration too short',
    path: OUTBOUND,
    init: () => call({ maxDurationSeconds: 9 }),
    ...validation('maxDurationSeconds', 'Max duration must be an integer between 10 and 14400 seconds'),
  },
  {
    name: 'metadata not an object',
    path: OUTBOUND,
    init: () => call({ metadata: 'vip' }),
    ...validation('metadata', 'Metadata must be an object'),
  },
  {
    name: 'variables with a non-string value',
    path: OUTBOUND,
    init: () => call({ variables: { first_name: 7 } }),
    ...validation('variables.first_name', 'Variables must be a map of strings'),
  },
  {
    name: 'metadata over 16 KiB',
    path: OUTBOUND,
    init: () => call({ metadata: { blob: 'x'.repeat(16384) } }),
    ...validation('metadata', 'Metadata must be at most 16384 bytes when serialized as JSON'),
  },
  {
    name: 'metadata nested 4,500 levels deep (deeper than any recursive walk survives)',
    path: OUTBOUND,
    init: () => ({
      method: 'POST',
      body: `{"agentId":"${t.acme.voiceAgentId}","phoneNumber":"+14155552671","metadata":${nestedMetadata(4500)}}`,
    }),
    ...validation('metadata', 'Metadata must be nested at most 32 levels deep'),
  },
  {
    name: 'metadata nested 33 levels deep',
    path: OUTBOUND,
    init: () => ({
      method: 'POST',
      body: `{"agentId":"${t.acme.voiceAgentId}","phoneNumber":"+14155552671","metadata":${nestedMetadata(33)}}`,
    }),
    ...validation('metadata', 'Metadata must be nested at most 32 levels deep'),
  },
  {
    name: 'priority 1e400 (Infinity once parsed)',
    path: OUTBOUND,
    init: () => ({
      method: 'POST',
      body: `{"agentId":"${t.acme.voiceAgentId}","phoneNumber":"+14155552671","priority":1e400}`,
    }),
    ...validation('priority', 'Priority must be an integer between 0 and 10'),
  },
  {
    name: 'body is an array',
    path: OUTBOUND,
    init: () => ({ method: 'POST', body: '[1,2]' }),
    ...validation('body', 'Request body must be a JSON object'),
  },
  {
    name: 'body is a string',
    path: OUTBOUND,
    init: () => ({ method: 'POST', body: '"hi"' }),
    ...validation('body', 'Request body must be a JSON object'),
  },
  {
    name: 'malformed JSON',
    path: OUTBOUND,
    init: () => ({ method: 'POST', body: '{"agentId": ' }),
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Request body is not valid JSON',
  },
  {
    name: 'not JSON',
    path: OUTBOUND,
    init: () => ({ method: 'POST', body: 'agentId=1', headers: { 'content-type': 'text/plain' } }),
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Content-Type must be application/json',
  },
  {
    name: 'no body',
    path: OUTBOUND,
    init: () => ({ method: 'POST' }),
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Request body is required',
    details: [],
  },
  {
    name: 'body over the limit',
    path: OUTBOUND,
    init: () => call({ metadata: { blob: 'x'.repeat(200_000) } }),
    status: 413,
    type: 'payload_too_large',
    message: 'Request body is too large',
  },
  {
    name: 'Idempotency-Key too long',
    path: OUTBOUND,
    init: () => ({ ...call({}), headers: { 'Idempotency-Key': 'k'.repeat(256) } }),
    ...validation('Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters'),
  },
  // Agent checks, in the contract's order
  {
    name: 'unknown agent',
    path: OUTBOUND,
    init: () => call({ agentId: UNKNOWN_AGENT }),
    status: 404,
    type: 'agent_not_found',
    message: 'Agent not found or access denied',
  },
  {
    name: "another organization's agent",
    path: OUTBOUND,
    init: () => call({ agentId: t.globex.voiceAgentId }),
    status: 404,
    type: 'agent_not_found',
    message: 'Agent not found or access denied',
  },
  {
    name: 'chat agent',
    path: OUTBOUND,
    init: () => call({ agentId: t.acme.chatAgentId }),
    status: 400,
    type: 'agent_not_voice',
    message: 'Agent must be a voice agent for outbound calls',
  },
  {
    name: 'inactive agent',
    path: OUTBOUND,
    init: () => call({ agentId: t.acme.inactiveAgentId }),
    status: 400,
    type: 'agent_inactive',
    message: 'Agent must be active to make calls',
  },
  {
    name: 'voice agent without phone numbers, no caller id sent: nothing to point at',
    path: OUTBOUND,
    init: () => call({ agentId: numberlessAgentId }),
    status: 400,
    type: 'agent_has_no_caller_id',
    message: 'Agent has no phone numbers to use as caller ID',
  },
  {
    name: 'voice agent without phone numbers, caller id sent',
    path: OUTBOUND,
    init: () => call({ agentId: numberlessAgentId, callerId: '+14155551000' }),
    status: 400,
    type: 'caller_id_not_allowed',
    message: "Caller ID must be one of the agent's phone numbers",
    details: [{ field: 'callerId', message: "Caller ID must be one of the agent's phone numbers" }],
  },
  {
    name: "caller id not one of the agent's numbers",
    path: OUTBOUND,
    init: () => call({ callerId: '+14155559999' }),
    status: 400,
    type: 'caller_id_not_allowed',
    message: "Caller ID must be one of the agent's phone numbers",
    details: [{ field: 'callerId', message: "Caller ID must be one of the agent's phone numbers" }],
  },
  // listCalls parameters
  {
    name: 'limit 0',
    path: '/api/v1/calls?limit=0',
    init: () => ({}),
    ...validation('limit', 'Limit must be an integer between 1 and 100'),
  },
  {
    name: 'limit 101',
    path: '/api/v1/calls?limit=101',
    init: () => ({}),
    ...validation('limit', 'Limit must be an integer between 1 and 100'),
  },
  {
    name: 'limit not a number',
    path: '/api/v1/calls?limit=abc',
    init: () => ({}),
    ...validation('limit', 'Limit must be an integer between 1 and 100'),
  },
  ...['Infinity', '1e400', '-Infinity'].map(
    (limit): ErrorCase => ({
      name: `limit ${limit}`,
      path: `/api/v1/calls?limit=${limit}`,
      init: () => ({}),
      ...validation('limit', LIMIT_MESSAGE),
    }),
  ),
  {
    name: 'agents limit Infinity',
    path: '/api/v1/agents?limit=Infinity',
    init: () => ({}),
    ...validation('limit', LIMIT_MESSAGE),
  },
  {
    name: 'unknown status',
    path: '/api/v1/calls?status=active&status=bogus',
    init: () => ({}),
    ...validation('status', 'status is invalid'),
  },
  {
    name: 'agentId filter not a UUID',
    path: '/api/v1/calls?agentId=nope',
    init: () => ({}),
    ...validation('agentId', 'Invalid agent ID format'),
  },
  {
    name: 'phoneNumber filter not E.164',
    path: '/api/v1/calls?phoneNumber=123',
    init: () => ({}),
    ...validation('phoneNumber', PHONE_MESSAGE),
  },
  {
    name: 'startDate not a date-time',
    path: '/api/v1/calls?startDate=yesterday',
    init: () => ({}),
    ...validation('startDate', 'startDate is invalid'),
  },
  ...[
    ['a leap second', '2025-12-31T23%3A59%3A60Z'],
    ['month 19', '2025-19-01T00%3A00%3A00Z'],
    ['30 February', '2025-02-30T00%3A00%3A00Z'],
    ['an offset without minutes', '2025-12-01T00%3A00%3A00%2B00'],
    ['an offset without a colon', '2025-12-01T00%3A00%3A00%2B0000'],
  ].map(
    ([what, value]): ErrorCase => ({
      name: `startDate with ${what}`,
      path: `/api/v1/calls?startDate=${value}`,
      init: () => ({}),
      ...validation('startDate', 'startDate is invalid'),
    }),
  ),
  {
    name: 'startDate in the year 10000 once in UTC',
    path: '/api/v1/calls?startDate=9999-12-31T23%3A59%3A59-23%3A59',
    init: () => ({}),
    ...validation('startDate', `startDate ${DATE_RANGE}`),
  },
  {
    name: 'both date filters unusable, in spec order',
    path: '/api/v1/calls?endDate=0000-01-01T00%3A00%3A00%2B01%3A00&startDate=2025-12-31T23%3A59%3A60Z',
    init: () => ({}),
    status: 400,
    type: 'validation_error',
    message: 'Validation error: startDate is invalid',
    details: [
      { field: 'startDate', message: 'startDate is invalid' },
      { field: 'endDate', message: `endDate ${DATE_RANGE}` },
    ],
  },
  {
    name: 'parameters in spec order',
    path: '/api/v1/calls?limit=0&agentId=x',
    init: () => ({}),
    status: 400,
    type: 'validation_error',
    message: 'Validation error: Invalid agent ID format',
    details: [
      { field: 'agentId', message: 'Invalid agent ID format' },
      { field: 'limit', message: 'Limit must be an integer between 1 and 100' },
    ],
  },
  {
    name: 'cursor we never issued',
    path: '/api/v1/calls?cursor=bm90LWEtY3Vyc29y',
    init: () => ({}),
    ...validation('cursor', 'Invalid cursor'),
  },
  {
    name: 'cursor with bad characters',
    path: '/api/v1/calls?cursor=%21%21',
    init: () => ({}),
    ...validation('cursor', 'Invalid cursor'),
  },
  // Calls by id
  {
    name: 'unknown call',
    path: '/api/v1/calls/call_nope',
    init: () => ({}),
    status: 404,
    type: 'not_found',
    message: 'Call not found',
  },
  {
    name: 'cancel an unknown call',
    path: '/api/v1/calls/call_nope',
    init: () => ({ method: 'DELETE' }),
    status: 404,
    type: 'not_found',
    message: 'Call not found',
  },
  {
    name: 'call id too long',
    path: `/api/v1/calls/call_${'x'.repeat(70)}`,
    init: () => ({}),
    ...validation('callId', 'Call ID must be 1 to 64 characters'),
  },
  // Agents
  {
    name: 'agent path id not a UUID',
    path: '/api/v1/agents/abc',
    init: () => ({}),
    ...validation('agentId', 'Invalid agent ID format'),
  },
  {
    name: 'get an unknown agent',
    path: `/api/v1/agents/${UNKNOWN_AGENT}`,
    init: () => ({}),
    status: 404,
    type: 'agent_not_found',
    message: 'Agent not found or access denied',
  },
  {
    name: 'create an agent without a name',
    path: '/api/v1/agents',
    init: () => ({ method: 'POST', body: {} }),
    ...validation('name', 'name is required'),
  },
  {
    name: 'create an agent with a bad second number',
    path: '/api/v1/agents',
    init: () => ({ method: 'POST', body: { name: 'A', phoneNumbers: ['+14155551234', 'bad'] } }),
    ...validation('phoneNumbers.1', PHONE_MESSAGE),
  },
  {
    name: 'create an agent of an unknown type',
    path: '/api/v1/agents',
    init: () => ({ method: 'POST', body: { name: 'A', type: 'sms' } }),
    ...validation('type', 'Type must be one of: voice, chat'),
  },
  {
    name: 'update an agent with nothing',
    path: () => `/api/v1/agents/${t.acme.voiceAgentId}`,
    init: () => ({ method: 'PATCH', body: {} }),
    ...validation('body', 'Send at least one field to update'),
  },
  // Routes
  {
    name: 'unknown route',
    path: '/api/v1/nope',
    init: () => ({}),
    status: 404,
    type: 'not_found',
    message: 'Not found',
  },
  {
    name: 'method the path does not have',
    path: OUTBOUND,
    init: () => ({ method: 'PUT', body: {} }),
    status: 404,
    type: 'not_found',
    message: 'Not found',
  },
  {
    name: 'outside the API',
    path: '/favicon.ico',
    init: () => ({ key: null }),
    status: 404,
    type: 'not_found',
    message: 'Not found',
  },
];

describe('contract errors', () => {
  it.each(CASES)('$name → $status $type', async (c) => {
    const response = await t.request(typeof c.path === 'string' ? c.path : c.path(), c.init());
    expect(response.status).toBe(c.status);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const expected: Record<string, unknown> = { message: c.message, code: c.status, type: c.type, requestId };
    if (c.details) expected.details = c.details;
    expect(response.body).toEqual({ error: expected });
  });

  it('cancelling a finished call names its status', async () => {
    const created = await t.request(OUTBOUND, call({}));
    expect(created.status).toBe(201);
    const done = await waitForCall(t, created.body.data.id, (c) => TERMINAL.includes(c.status));
    expect(done.status).toBe('completed');
    const response = await t.request(`/api/v1/calls/${done.id}`, { method: 'DELETE' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      message: 'Cannot cancel call with status: completed',
      code: 400,
      type: 'call_not_cancellable',
    });
  });
});
