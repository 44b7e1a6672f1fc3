/**
 * Malformed and refused requests, with the exact status, `type` and message both the mock and
 * the real server must give. The messages come from openapi.yaml (x-error-catalog and
 * x-error-message); they are spelled out here so a change to the spec shows up as a test diff.
 */
export interface BadRequestCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /**
   * Path under the target's base URL; `{voice}` etc. are replaced with the seeded agents' ids
   * (`{numberless}` is a voice agent without phone numbers, created by the suite).
   */
  path: string;
  /** 'none' sends no credentials, 'unknown' a key no one has; the default is the seeded key. */
  auth?: 'none' | 'unknown-api-key' | 'unknown-bearer';
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string (placeholders filled in) or bytes are sent as they are. */
  body?: unknown;
  expect: { status: number; type: string; message: string };
}

const VALID_CALL = { agentId: '{voice}', phoneNumber: '+14155552671' };
const v = (message: string) => ({
  status: 400,
  type: 'validation_error',
  message: `Validation error: ${message}`,
});
const PHONE = 'Phone number must be in E.164 format (+1234567890)';
const LIMIT = 'Limit must be an integer between 1 and 100';
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
  // The body of POST /calls/outbound.
  post('phone number without +', { ...VALID_CALL, phoneNumber: '14155552671' }, v(PHONE)),
  post('phone number starting +0', { ...VALID_CALL, phoneNumber: '+0123456' }, v(PHONE)),
  post('phone number too long', { ...VALID_CALL, phoneNumber: '+1234567890123456' }, v(PHONE)),
  post('phone number as a number', { ...VALID_CALL, phoneNumber: 14155552671 }, v(PHONE)),
  post('agent id not a UUID', { ...VALID_CALL, agentId: 'agent-1' }, v('Invalid agent ID format')),
  post(
    'agent id and phone both bad: agentId first',
    { agentId: 'nope', phoneNumber: 'nope' },
    v('Invalid agent ID format'),
  ),
  post('agentId missing', { phoneNumber: '+14155552671' }, v('agentId is required')),
  post('phoneNumber missing', { agentId: '{voice}' }, v('phoneNumber is required')),
  post(
    'priority above 10',
    { ...VALID_CALL, priority: 11 },
    v('Priority must be an integer between 0 and 10'),
  ),
  post(
    'priority below 0',
    { ...VALID_CALL, priority: -1 },
    v('Priority must be an integer between 0 and 10'),
  ),
  post(
    'priority not an integer',
    { ...VALID_CALL, priority: 2.5 },
    v('Priority must be an integer between 0 and 10'),
  ),
  post(
    'priority as a string',
    { ...VALID_CALL, priority: '1' },
    v('Priority must be an integer between 0 and 10'),
  ),
  post(
    'ring timeout too short',
    { ...VALID_CALL, ringTimeoutSeconds: 4 },
    v('Ring timeout must be an integer between 5 and 120 seconds'),
  ),
  post(
    'max duration too short',
    { ...VALID_CALL, maxDurationSeconds: 5 },
    v('Max duration must be an integer between 10 and 14400 seconds'),
  ),
  post(
    'caller id not E.164',
    { ...VALID_CALL, callerId: 'abc' },
    v('Caller ID must be in E.164 format (+1234567890)'),
  ),
  post('metadata not an object', { ...VALID_CALL, metadata: 'vip' }, v('Metadata must be an object')),
  post(
    'variables not strings',
    { ...VALID_CALL, variables: { first_name: 1 } },
    v('Variables must be a map of strings'),
  ),
  post('unknown field', { ...VALID_CALL, to: '+14155552671' }, v('Unknown field: to')),
  post('body is an array', [VALID_CALL], v('Request body must be a JSON object')),
  post('malformed JSON', '{"agentId": ', v('Request body is not valid JSON'), {
    headers: { 'content-type': 'application/json' },
  }),
  post('not JSON', 'agentId=x', v('Content-Type must be application/json'), {
    headers: { 'content-type': 'text/plain' },
  }),
  post(
    'metadata over 16 KiB',
    { ...VALID_CALL, metadata: { notes: 'x'.repeat(17_000) } },
    v('Metadata must be at most 16384 bytes when serialized as JSON'),
  ),
  // Deep enough to overflow the stack of anything that walks it recursively.
  post(
    'metadata nested 4,500 levels deep',
    callWithMetadata(nested(4500)),
    v('Metadata must be nested at most 32 levels deep'),
    { headers: JSON_TYPE },
  ),
  post(
    'metadata nested 33 levels deep',
    callWithMetadata(nested(33)),
    v('Metadata must be nested at most 32 levels deep'),
    { headers: JSON_TYPE },
  ),
  // JSON.parse reads 1e400 as Infinity, which is not an integer between 0 and 10.
  post(
    'priority 1e400',
    '{"agentId":"{voice}","phoneNumber":"+14155552671","priority":1e400}',
    v('Priority must be an integer between 0 and 10'),
    { headers: JSON_TYPE },
  ),
  // Content-Encoding: gzip and deflate bodies are decoded; anything else is refused.
  post(
    'corrupt gzip body',
    new TextEncoder().encode('this is not gzip'),
    v('Request body could not be decoded with its Content-Encoding'),
    { headers: { ...JSON_TYPE, 'content-encoding': 'gzip' } },
  ),
  post(
    'body in an unsupported Content-Encoding',
    new TextEncoder().encode('{}'),
    v('Content-Encoding must be gzip, deflate or identity'),
    { headers: { ...JSON_TYPE, 'content-encoding': 'compress' } },
  ),
  post(
    'no API key and a corrupt gzip body',
    new TextEncoder().encode('this is not gzip'),
    { status: 401, type: 'unauthorized', message: 'Unauthorized' },
    { auth: 'none', headers: { ...JSON_TYPE, 'content-encoding': 'gzip' } },
  ),
  post('Idempotency-Key too long', VALID_CALL, v('Idempotency-Key must be 1 to 255 characters'), {
    headers: { 'Idempotency-Key': 'k'.repeat(256) },
  }),
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
  post(
    'caller id not the agent’s',
    { ...VALID_CALL, callerId: '+19995550000' },
    {
      status: 400,
      type: 'caller_id_not_allowed',
      message: "Caller ID must be one of the agent's phone numbers",
    },
  ),
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
    {
      status: 400,
      type: 'caller_id_not_allowed',
      message: "Caller ID must be one of the agent's phone numbers",
    },
  ),
  // Query parameters of GET /calls.
  ...(
    [
      ['limit=0', LIMIT],
      ['limit=101', LIMIT],
      ['limit=ten', LIMIT],
      // Number('Infinity') and Number('1e400') are Infinity: no page size.
      ['limit=Infinity', LIMIT],
      ['limit=1e400', LIMIT],
      ['limit=-Infinity', LIMIT],
      ['status=dialing', 'status is invalid'],
      ['agentId=agent-1', 'Invalid agent ID format'],
      ['phoneNumber=555-1234', PHONE],
      ['startDate=yesterday', 'startDate is invalid'],
      // Date-times a lenient `format: date-time` lets through, but that name no instant (the
      // colons are encoded so that only the date-time rule is tested).
      ['startDate=2025-12-31T23%3A59%3A60Z', 'startDate is invalid'],
      ['startDate=2025-19-01T00%3A00%3A00Z', 'startDate is invalid'],
      ['startDate=2025-02-30T00%3A00%3A00Z', 'startDate is invalid'],
      ['endDate=2025-12-01T00%3A00%3A00%2B00', 'endDate is invalid'],
      ['endDate=2025-12-01T00%3A00%3A00%2B0000', 'endDate is invalid'],
      // 9999-12-31T23:59:59-23:59 is in the year 10000 in UTC.
      [
        'startDate=9999-12-31T23%3A59%3A59-23%3A59',
        'startDate must be between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z',
      ],
      [
        'endDate=0000-01-01T00%3A00%3A00%2B00%3A01',
        'endDate must be between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z',
      ],
      ['cursor=not-a-cursor', 'Invalid cursor'],
    ] as const
  ).map(
    ([query, message]): BadRequestCase => ({
      name: `list with ${query}`,
      method: 'GET',
      path: `/api/v1/calls?${query}`,
      expect: v(message),
    }),
  ),
  {
    name: 'list agents with limit=Infinity',
    method: 'GET',
    path: '/api/v1/agents?limit=Infinity',
    expect: v(LIMIT),
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
    expect: v('Invalid agent ID format'),
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
    expect: v('name is required'),
  },
  {
    name: 'create an agent with an empty name',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: '' },
    expect: v('Name must be 1 to 200 characters'),
  },
  {
    name: 'create an agent of an unknown type',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', type: 'sms' },
    expect: v('Type must be one of: voice, chat'),
  },
  {
    name: 'create an agent with a bad phone number',
    method: 'POST',
    path: '/api/v1/agents',
    body: { name: 'A', phoneNumbers: ['555'] },
    expect: v(PHONE),
  },
  {
    name: 'update an agent with nothing',
    method: 'PATCH',
    path: '/api/v1/agents/{voice}',
    body: {},
    expect: v('Send at least one field to update'),
  },
  // Routes.
  {
    name: 'unknown route',
    method: 'GET',
    path: '/api/v1/nothing-here',
    expect: { status: 404, type: 'not_found', message: 'Not found' },
  },
];
