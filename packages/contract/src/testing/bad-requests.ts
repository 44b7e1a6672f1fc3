/**
 * @module
 * Malformed and refused requests, with the exact status, `type`, message and `details` every
 * target must give: the root contract suite (test/contract/) sends each one to the mock and to
 * the real server. The messages come from openapi.yaml (x-error-catalog and x-error-message);
 * they are spelled out here so a change to the spec shows up as a test diff. A case belongs here
 * unless only one target can show it (a raw socket, a configured limit, a database fault).
 */
import type { ErrorDetail } from '../error-catalog';

/** One malformed or refused request and the error the contract answers it with. */
export interface BadRequestCase {
  name: string;
  /** PUT is no method of any API path: a request with it must get the unknown-route 404. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * Path under the target's base URL; `{voice}` etc. are replaced with the seeded agents' ids
   * (`{numberless}` is a voice agent without phone numbers, created by the suite).
   */
  path: string;
  /** 'none' sends no credentials, 'unknown' a key no one has; the default is the seeded key. */
  auth?: 'none' | 'unknown-api-key' | 'unknown-bearer';
  /** Sent as they are, except that `{apiKey}` in a value is replaced with the seeded key. */
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string (placeholders filled in) or bytes are sent as they are. */
  body?: unknown;
  /** The envelope's `status`, `type`, `message` and `details` (absent: the envelope has none). */
  expect: { status: number; type: string; message: string; details?: ErrorDetail[] };
}

const VALID_CALL = { agentId: '{voice}', phoneNumber: '+14155552671' };
/** A 400 validation error on `field`; `more` are the details after the first, in contract order. */
const v = (field: string, message: string, ...more: ErrorDetail[]): BadRequestCase['expect'] => ({
  status: 400,
  type: 'validation_error',
  message: `Validation error: ${message}`,
  details: [{ field, message }, ...more],
});
/** A 400 validation error about the request as a whole: no field to point at, so no details. */
const whole = (message: string): BadRequestCase['expect'] => ({
  status: 400,
  type: 'validation_error',
  message: `Validation error: ${message}`,
});
const PHONE = 'Phone number must be in E.164 format (+1234567890)';
const LIMIT = 'Limit must be an integer between 1 and 100';
const PRIORITY = 'Priority must be an integer between 0 and 10';
const CALL_ID = 'Call ID must be 1 to 64 characters';
const RANGE = 'must be between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z';
const CALLER_ID_NOT_ALLOWED: BadRequestCase['expect'] = {
  status: 400,
  type: 'caller_id_not_allowed',
  message: "Caller ID must be one of the agent's phone numbers",
  details: [{ field: 'callerId', message: "Caller ID must be one of the agent's phone numbers" }],
};
const UNKNOWN_UUID = '6f1c2b7e-1d2a-4c1e-9a8b-0c3d4e5f6a7b';
/** `{"a":{"a":…{}}}`, `levels` objects deep, spelled out: JSON.stringify itself overflows on deep values. */
const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
const callWithMetadata = (metadata: string) =>
  `{"agentId":"{voice}","phoneNumber":"+14155552671","metadata":${metadata}}`;
const JSON_TYPE = { 'content-type': 'application/json' };

const post = (
  name: string,
  body: unknown,
  expect: BadRequestCase['expect'],
  extra: Partial<BadRequestCase> = {},
) => ({ name, method: 'POST', path: '/api/v1/calls/outbound', body, expect, ...extra }) as BadRequestCase;

export const BAD_REQUESTS: BadRequestCase[] = [
  // Authentication comes first, before any validation.
  post(
    'no API key',
    VALID_CALL,
    { status: 401, type: 'unauthorized', message: 'Unauthorized' },
    { auth: 'none' },
  ),
  post(
    'unknown x-api-key',
    VALID_CALL,
    { status: 401, type: 'unauthorized', message: 'Unauthorized' },
    { auth: 'unknown-api-key' },
  ),
  post(
    'unknown bearer key',
    VALID_CALL,
    { status: 401, type: 'unauthorized', message: 'Unauthorized' },
    { auth: 'unknown-bearer' },
  ),
  post(
    'no API key and an invalid body',
    { phoneNumber: 'x' },
    { status: 401, type: 'unauthorized', message: 'Unauthorized' },
    { auth: 'none' },
  ),
  {
    name: 'list without a key',
    method: 'GET',
    path: '/api/v1/calls',
    auth: 'none',
    expect: { status: 401, type: 'unauthorized', message: 'Unauthorized' },
  },
  {
    name: 'Basic instead of Bearer',
    method: 'GET',
    path: '/api/v1/calls',
    auth: 'none',
    headers: { authorization: 'Basic b2Rfbm90X2Ffa2V5Og==' },
    expect: { status: 401, type: 'unauthorized', message: 'Unauthorized' },
  },
  {
    // The case above sends an unknown key, refused whatever its scheme: this one a key that
    // works as x-api-key or Bearer.
    name: 'a good key, but as Basic instead of Bearer',
    method: 'GET',
    path: '/api/v1/calls',
    auth: 'none',
    headers: { authorization: 'Basic {apiKey}' },
    expect: { status: 401, type: 'unauthorized', message: 'Unauthorized' },
  },
  post(
    'no API key and malformed JSON',
    '{oops',
    { status: 401, type: 'unauthorized', message: 'Unauthorized' },
    { auth: 'none', headers: JSON_TYPE },
  ),
  // The body of POST /calls/outbound.
  post('phone number without +', { ...VALID_CALL, phoneNumber: '14155552671' }, v('phoneNumber', PHONE)),
  post('phone number starting +0', { ...VALID_CALL, phoneNumber: '+0123456' }, v('phoneNumber', PHONE)),
  post('phone number too long', { ...VALID_CALL, phoneNumber: '+1234567890123456' }, v('phoneNumber', PHONE)),
  post('phone number as a number', { ...VALID_CALL, phoneNumber: 14155552671 }, v('phoneNumber', PHONE)),
  post('agent id not a UUID', { ...VALID_CALL, agentId: 'agent-1' }, v('agentId', 'Invalid agent ID format')),
  post('agent id not a string', { ...VALID_CALL, agentId: 42 }, v('agentId', 'Invalid agent ID format')),
  post(
    'agent id and phone both bad: agentId first',
    { agentId: 'nope', phoneNumber: 'nope' },
    v('agentId', 'Invalid agent ID format', { field: 'phoneNumber', message: PHONE }),
  ),
  post('agentId missing', { phoneNumber: '+14155552671' }, v('agentId', 'agentId is required')),
  post('phoneNumber missing', { agentId: '{voice}' }, v('phoneNumber', 'phoneNumber is required')),
  post('priority above 10', { ...VALID_CALL, priority: 11 }, v('priority', PRIORITY)),
  post('priority below 0', { ...VALID_CALL, priority: -1 }, v('priority', PRIORITY)),
  post('priority not an integer', { ...VALID_CALL, priority: 2.5 }, v('priority', PRIORITY)),
  post('priority as a string', { ...VALID_CALL, priority: '1' }, v('priority', PRIORITY)),
  post(
    'ring timeout too short',
    { ...VALID_CALL, ringTimeoutSeconds: 4 },
    v('ringTimeoutSeconds', 'Ring timeout must be an integer between 5 and 120 seconds'),
  ),
  post(
    'max duration too short',
    { ...VALID_CALL, maxDurationSeconds: 5 },
    v('maxDurationSeconds', 'Max duration must be an integer between 10 and 14400 seconds'),
  ),
  post(
    'caller id not E.164',
    { ...VALID_CALL, callerId: 'abc' },
    v('callerId', 'Caller ID must be in E.164 format (+1234567890)'),
  ),
  post(
    'metadata not an object',
    { ...VALID_CALL, metadata: 'vip' },
    v('metadata', 'Metadata must be an object'),
  ),
  post(
    'variables not strings',
    { ...VALID_CALL, variables: { first_name: 1 } },
    v('variables.first_name', 'Variables must be a map of strings'),
  ),
  post('unknown field', { ...VALID_CALL, to: '+14155552671' }, v('to', 'Unknown field: to')),
  post(
    'both required fields missing: details in schema order',
    {},
    v('agentId', 'agentId is required', { field: 'phoneNumber', message: 'phoneNumber is required' }),
  ),
  post(
    'several errors: details in schema order, unknown fields last, message from the first',
    { extra: 1, priority: -1, phoneNumber: 'x', agentId: 'y' },
    v(
      'agentId',
      'Invalid agent ID format',
      { field: 'phoneNumber', message: PHONE },
      { field: 'priority', message: PRIORITY },
      { field: 'extra', message: 'Unknown field: extra' },
    ),
  ),
  post(
    'Idempotency-Key too long and a bad body field: the header first',
    { ...VALID_CALL, phoneNumber: 'x' },
    v('Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters', {
      field: 'phoneNumber',
      message: PHONE,
    }),
    { headers: { 'Idempotency-Key': 'k'.repeat(256) } },
  ),
  post('body is null', null, v('body', 'Request body must be a JSON object')),
  post('body is a string', '"hi"', v('body', 'Request body must be a JSON object'), { headers: JSON_TYPE }),
  post(
    'no body at all',
    undefined,
    { ...whole('Request body is required'), details: [] },
    { headers: JSON_TYPE },
  ),
  post('no body and no Content-Type', undefined, { ...whole('Request body is required'), details: [] }),
  post('body is an array', [VALID_CALL], v('body', 'Request body must be a JSON object')),
  post('malformed JSON', '{"agentId": ', whole('Request body is not valid JSON'), {
    headers: { 'content-type': 'application/json' },
  }),
  post('not JSON', 'agentId=x', whole('Content-Type must be application/json'), {
    headers: { 'content-type': 'text/plain' },
  }),
  post(
    'metadata over 16 KiB',
    { ...VALID_CALL, metadata: { notes: 'x'.repeat(17_000) } },
    v('metadata', 'Metadata must be at most 16384 bytes when serialized as JSON'),
  ),
  // Deep enough to overflow the stack of anything that walks it recursively.
  post(
    'metadata nested 4,500 levels deep',
    callWithMetadata(nested(4500)),
    v('metadata', 'Metadata must be nested at most 32 levels deep'),
    { headers: JSON_TYPE },
  ),
  post(
    'metadata nested 33 levels deep',
    callWithMetadata(nested(33)),
    v('metadata', 'Metadata must be nested at most 32 levels deep'),
    { headers: JSON_TYPE },
  ),
  // JSON.parse reads 1e400 as Infinity, which is not an integer between 0 and 10.
  post(
    'priority 1e400',
    '{"agentId":"{voice}","phoneNumber":"+14155552671","priority":1e400}',
    v('priority', PRIORITY),
    { headers: JSON_TYPE },
  ),
  // Content-Encoding: gzip and deflate bodies are decoded; anything else is refused.
  post(
    'corrupt gzip body',
    new TextEncoder().encode('this is not gzip'),
    whole('Request body could not be decoded with its Content-Encoding'),
    { headers: { ...JSON_TYPE, 'content-encoding': 'gzip' } },
  ),
  post(
    'body in an unsupported Content-Encoding',
    new TextEncoder().encode('{}'),
    whole('Content-Encoding must be gzip, deflate or identity'),
    { headers: { ...JSON_TYPE, 'content-encoding': 'compress' } },
  ),
  post(
    'no API key and a corrupt gzip body',
    new TextEncoder().encode('this is not gzip'),
    { status: 401, type: 'unauthorized', message: 'Unauthorized' },
    { auth: 'none', headers: { ...JSON_TYPE, 'content-encoding': 'gzip' } },
  ),
  post(
    'Idempotency-Key too long',
    VALID_CALL,
    v('Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters'),
    {
      headers: { 'Idempotency-Key': 'k'.repeat(256) },
    },
  ),
  // The agent checks, in the contract's order.
  post(
    'unknown agent',
    { ...VALID_CALL, agentId: UNKNOWN_UUID },
    { status: 404, type: 'agent_not_found', message: 'Agent not found or access denied' },
  ),
  post(
    "another organization's agent",
    { ...VALID_CALL, agentId: '{other}' },
    { status: 404, type: 'agent_not_found', message: 'Agent not found or access denied' },
  ),
  post(
    'chat agent',
    { ...VALID_CALL, agentId: '{chat}' },
    { status: 400, type: 'agent_not_voice', message: 'Agent must be a voice agent for outbound calls' },
  ),
  post(
    'inactive agent',
    { ...VALID_CALL, agentId: '{inactive}' },
    { status: 400, type: 'agent_inactive', message: 'Agent must be active to make calls' },
  ),
  post('caller id not the agent’s', { ...VALID_CALL, callerId: '+19995550000' }, CALLER_ID_NOT_ALLOWED),
  post(
    'agent without phone numbers, no caller id',
    { ...VALID_CALL, agentId: '{numberless}' },
    {
      status: 400,
      type: 'agent_has_no_caller_id',
      message: 'Agent has no phone numbers to use as caller ID',
    },
  ),
  post(
    'agent without phone numbers, with a caller id',
    { ...VALID_CALL, agentId: '{numberless}', callerId: '+14155551234' },
    CALLER_ID_NOT_ALLOWED,
  ),
  // Query parameters of GET /calls and GET /agents: each parameter's rule, on both targets.
  ...(
    [
      ['limit=0', 'limit', LIMIT],
      ['limit=101', 'limit', LIMIT],
      ['limit=ten', 'limit', LIMIT],
      ['limit=5.5', 'limit', LIMIT],
      // Number('Infinity') and Number('1e400') are Infinity: no page size.
      ['limit=Infinity', 'limit', LIMIT],
      ['limit=1e400', 'limit', LIMIT],
      ['limit=-Infinity', 'limit', LIMIT],
      ['status=dialing', 'status', 'status is invalid'],
      ['agentId=agent-1', 'agentId', 'Invalid agent ID format'],
      ['phoneNumber=555-1234', 'phoneNumber', PHONE],
      ['startDate=yesterday', 'startDate', 'startDate is invalid'],
      ['endDate=tomorrow', 'endDate', 'endDate is invalid'],
      // A date alone names a day, not an instant.
      ['startDate=2025-12-01', 'startDate', 'startDate is invalid'],
      // Date-times a lenient `format: date-time` lets through, but that name no instant (the
      // colons are encoded so that only the date-time rule is tested).
      ['startDate=2025-12-31T23%3A59%3A60Z', 'startDate', 'startDate is invalid'],
      ['startDate=2025-19-01T00%3A00%3A00Z', 'startDate', 'startDate is invalid'],
      ['startDate=2025-02-30T00%3A00%3A00Z', 'startDate', 'startDate is invalid'],
      ['endDate=2025-12-01T00%3A00%3A00%2B00', 'endDate', 'endDate is invalid'],
      ['endDate=2025-12-01T00%3A00%3A00%2B0000', 'endDate', 'endDate is invalid'],
      // 9999-12-31T23:59:59-23:59 is in the year 10000 in UTC.
      ['startDate=9999-12-31T23%3A59%3A59-23%3A59', 'startDate', `startDate ${RANGE}`],
      ['endDate=0000-01-01T00%3A00%3A00%2B00%3A01', 'endDate', `endDate ${RANGE}`],
      ['cursor=not-a-cursor', 'cursor', 'Invalid cursor'],
      // base64url of `not-a-cursor`: decodes, but to no position.
      ['cursor=bm90LWEtY3Vyc29y', 'cursor', 'Invalid cursor'],
      ['cursor=%21%21', 'cursor', 'Invalid cursor'],
      // Longer than the Cursor parameter's maxLength (512): refused by the schema, not the codec.
      [`cursor=${'a'.repeat(513)}`, 'cursor', 'Invalid cursor'],
    ] as const
  ).map(
    ([query, field, message]): BadRequestCase => ({
      name: `list with ${query.length > 60 ? `${query.slice(0, 20)}… (${query.length} characters)` : query}`,
      method: 'GET',
      path: `/api/v1/calls?${query}`,
      expect: v(field, message),
    }),
  ),
  {
    // Several bad parameters: one detail each, in the spec's parameter order, not the query's.
    name: 'list with limit=0 and startDate=yesterday',
    method: 'GET',
    path: '/api/v1/calls?limit=0&startDate=yesterday',
    expect: v('startDate', 'startDate is invalid', { field: 'limit', message: LIMIT }),
  },
  {
    name: 'list with both date filters unusable, each for its own reason',
    method: 'GET',
    path: '/api/v1/calls?endDate=0000-01-01T00%3A00%3A00%2B01%3A00&startDate=2025-12-31T23%3A59%3A60Z',
    expect: v('startDate', 'startDate is invalid', { field: 'endDate', message: `endDate ${RANGE}` }),
  },
  {
    // Every value of a repeated parameter is checked, not only the first or the last.
    name: 'list with status=active&status=bogus',
    method: 'GET',
    path: '/api/v1/calls?status=active&status=bogus',
    expect: v('status', 'status is invalid'),
  },
  {
    name: 'list with status=dialing and agentId=agent-1',
    method: 'GET',
    path: '/api/v1/calls?status=dialing&agentId=agent-1',
    expect: v('agentId', 'Invalid agent ID format', { field: 'status', message: 'status is invalid' }),
  },
  {
    name: 'list with limit=500, endDate=soon and agentId=x',
    method: 'GET',
    path: '/api/v1/calls?limit=500&endDate=soon&agentId=x',
    expect: v(
      'agentId',
      'Invalid agent ID format',
      { field: 'endDate', message: 'endDate is invalid' },
      { field: 'limit', message: LIMIT },
    ),
  },
  ...(['limit=Infinity', 'limit=0', 'cursor=not-a-cursor'] as const).map(
    (query): BadRequestCase => ({
      name: `list agents with ${query}`,
      method: 'GET',
      path: `/api/v1/agents?${query}`,
      expect: query.startsWith('limit') ? v('limit', LIMIT) : v('cursor', 'Invalid cursor'),
    }),
  ),
  // The callId path parameter is 1 to 64 characters.
  {
    name: 'get a call by an id longer than 64 characters',
    method: 'GET',
    path: `/api/v1/calls/call_${'x'.repeat(60)}`,
    expect: v('callId', CALL_ID),
  },
  {
    name: 'cancel a call by an id longer than 64 characters',
    method: 'DELETE',
    path: `/api/v1/calls/call_${'x'.repeat(60)}`,
    expect: v('callId', CALL_ID),
  },
  // Calls by id.
  {
    name: 'get an unknown call',
    method: 'GET',
    path: '/api/v1/calls/call_unknown',
    expect: { status: 404, type: 'not_found', message: 'Call not found' },
  },
  {
    name: 'cancel an unknown call',
    method: 'DELETE',
    path: '/api/v1/calls/call_unknown',
    expect: { status: 404, type: 'not_found', message: 'Call not found' },
  },
  // Agents.
  {
    name: 'agent id not a UUID',
    method: 'GET',
    path: '/api/v1/agents/agent-1',
    expect: v('agentId', 'Invalid agent ID format'),
  },
  {
    name: 'unknown agent',
    method: 'GET',
    path: `/api/v1/agents/${UNKNOWN_UUID}`,
    expect: { status: 404, type: 'agent_not_found', message: 'Agent not found or access denied' },
  },
  {
    name: "another organization's agent",
    method: 'GET',
    path: '/api/v1/agents/{other}',
    expect: { status: 404, type: 'agent_not_found', message: 'Agent not found or access denied' },
  },
  {
    name: 'create an agent without a name',
    method: 'POST',
    path: '/api/v1/agents',
    body: { type: 'voice' },
    expect: v('name', 'name is required'),
  },
  {
    name: 'create an agent with an empty name',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: '' },
    expect: v('name', 'Name must be 1 to 200 characters'),
  },
  {
    name: 'create an agent of an unknown type',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', type: 'sms' },
    expect: v('type', 'Type must be one of: voice, chat'),
  },
  {
    name: 'create an agent with a bad phone number',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', phoneNumbers: ['555'] },
    expect: v('phoneNumbers.0', PHONE),
  },
  {
    name: 'create an agent with a bad second phone number',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', phoneNumbers: ['+14155551234', 'bad'] },
    expect: v('phoneNumbers.1', PHONE),
  },
  {
    name: 'create an agent with duplicate phone numbers',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', phoneNumbers: ['+14155551234', '+14155551234'] },
    expect: v('phoneNumbers', 'Phone numbers must be a list of distinct E.164 numbers (+1234567890)'),
  },
  {
    name: 'create an agent with an empty LiveKit agent name',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', livekitAgentName: '' },
    expect: v('livekitAgentName', 'LiveKit agent name must be 1 to 128 characters'),
  },
  {
    name: 'update an agent with a bad status',
    method: 'PATCH',
    path: '/api/v1/agents/{voice}',
    body: { status: 'paused' },
    expect: v('status', 'Status must be one of: active, inactive'),
  },
  {
    name: 'update an agent: the path parameter before body fields',
    method: 'PATCH',
    path: '/api/v1/agents/nope',
    body: { sipTrunkId: '' },
    expect: v('agentId', 'Invalid agent ID format', {
      field: 'sipTrunkId',
      message: 'SIP trunk ID must be 1 to 128 characters',
    }),
  },
  {
    name: 'update an agent with nothing',
    method: 'PATCH',
    path: '/api/v1/agents/{voice}',
    body: {},
    expect: v('body', 'Send at least one field to update'),
  },
  // Routes.
  {
    name: 'unknown route',
    method: 'GET',
    path: '/api/v1/nothing-here',
    expect: { status: 404, type: 'not_found', message: 'Not found' },
  },
  {
    name: 'a method the path does not have',
    method: 'PUT',
    path: '/api/v1/calls/outbound',
    body: {},
    expect: { status: 404, type: 'not_found', message: 'Not found' },
  },
];
