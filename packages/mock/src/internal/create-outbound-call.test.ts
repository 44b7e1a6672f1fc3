import { describe, expect, test } from 'vitest';
import { useMock } from '../../test/support/mock-client';

let release: (() => void) | undefined;
let entered: (() => void) | undefined;
// Holds each createOutboundCall open until the test releases it, so the in-flight window is
// deterministic (no timing).
const gate = { enabled: false };
let clockOffsetMs = 0;
const { mock, request } = useMock({
  now: () => new Date(Date.now() + clockOffsetMs),
  createLatency: () => {
    if (!gate.enabled) return Promise.resolve();
    entered?.();
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  },
});

const create = (
  body: Record<string, unknown>,
  init: { headers?: Record<string, string>; apiKey?: string } = {},
) => request('POST', '/api/v1/calls/outbound', { body: { agentId: mock.agents.voice.id, ...body }, ...init });

describe('createOutboundCall', () => {
  test('201 with the contract body', async () => {
    const response = await create({ phoneNumber: '+14155552671', metadata: { customerName: 'John Doe' } });
    expect(response.status).toBe(201);
    expect(response.body.message).toBe(
      'Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress.',
    );
    const data = response.body.data;
    expect(data).toEqual({
      id: expect.stringMatching(/^call_[0-9A-Z]{26}$/),
      status: 'queued',
      agentId: mock.agents.voice.id,
      phoneNumber: '+14155552671',
      callerId: '+14155551234',
      startedAt: expect.any(String),
      agent: { id: mock.agents.voice.id, name: 'Customer Support Agent', type: 'voice' },
      metadata: {
        customerName: 'John Doe',
        caller_id: '+14155551234',
        from_phone_number: '+14155551234',
        priority: 5,
      },
      scheduledAt: null,
    });
    // The caller's keys first, then the API's (`callMetadata` in @outdial/contract), as the server does.
    expect(Object.keys(data.metadata)).toEqual([
      'customerName',
      'caller_id',
      'from_phone_number',
      'priority',
    ]);
    expect(response.headers.get('Idempotent-Replayed')).toBeNull();
  });

  test('stores the options and defaults on the call', async () => {
    const plain = await create({ phoneNumber: '+14155552671' });
    expect(mock.calls.get(plain.body.data.id)).toMatchObject({
      priority: 5,
      ringTimeoutSeconds: 30,
      maxDurationSeconds: null,
      variables: {},
      queuePosition: 1,
    });
    const custom = await create({
      phoneNumber: '+14155552671',
      callerId: '+14155551235',
      priority: 0,
      ringTimeoutSeconds: 25,
      maxDurationSeconds: 900,
      variables: { first_name: 'John' },
    });
    expect(mock.calls.get(custom.body.data.id)).toMatchObject({
      callerId: '+14155551235',
      priority: 0,
      ringTimeoutSeconds: 25,
      maxDurationSeconds: 900,
      variables: { first_name: 'John' },
      metadata: { caller_id: '+14155551235', priority: 0 },
      // Priority 0 jumps the queue.
      queuePosition: 1,
    });
    expect(mock.calls.get(plain.body.data.id)?.queuePosition).toBe(2);
  });

  test("the server's metadata keys win over custom ones", async () => {
    const response = await create({
      phoneNumber: '+14155552671',
      metadata: { priority: 'high', caller_id: 'me' },
    });
    expect(response.body.data.metadata).toEqual({
      caller_id: '+14155551234',
      from_phone_number: '+14155551234',
      priority: 5,
    });
  });

  test('metadata of exactly 16384 bytes is accepted; multi-byte characters count as bytes', async () => {
    const overhead = JSON.stringify({ b: '' }).length;
    expect(
      (await create({ phoneNumber: '+14155552671', metadata: { b: 'x'.repeat(16384 - overhead) } })).status,
    ).toBe(201);
    const euros = Math.ceil((16384 - overhead) / 3) + 1; // '€' is 3 bytes in UTF-8
    const tooLarge = await create({ phoneNumber: '+14155552671', metadata: { b: '€'.repeat(euros) } });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error.details).toEqual([
      { field: 'metadata', message: 'Metadata must be at most 16384 bytes when serialized as JSON' },
    ]);
  });
});

describe('agent checks, in the contract order', () => {
  test.each([
    [
      'an unknown agent',
      () => '00000000-0000-4000-8000-000000000000',
      404,
      'agent_not_found',
      'Agent not found or access denied',
    ],
    [
      "another organization's agent",
      () => mock.otherOrganization.agent.id,
      404,
      'agent_not_found',
      'Agent not found or access denied',
    ],
    [
      'a chat agent',
      () => mock.agents.chat.id,
      400,
      'agent_not_voice',
      'Agent must be a voice agent for outbound calls',
    ],
    [
      'an inactive agent',
      () => mock.agents.inactive.id,
      400,
      'agent_inactive',
      'Agent must be active to make calls',
    ],
  ])('%s', async (_name, agentId, status, type, message) => {
    const response = await create({ agentId: agentId(), phoneNumber: '+14155552671' });
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ type, message, code: status });
    expect(response.body.error.details).toBeUndefined();
  });

  test('a caller ID the agent does not own', async () => {
    const response = await create({ phoneNumber: '+14155552671', callerId: '+19999999999' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      type: 'caller_id_not_allowed',
      message: "Caller ID must be one of the agent's phone numbers",
      details: [{ field: 'callerId', message: "Caller ID must be one of the agent's phone numbers" }],
    });
  });

  test('an agent with no phone numbers: its own error without a caller ID, caller_id_not_allowed with one', async () => {
    const agent = await request('POST', '/api/v1/agents', { body: { name: 'No numbers' } });
    expect(agent.status).toBe(201);
    const response = await create({ agentId: agent.body.data.id, phoneNumber: '+14155552671' });
    expect(response.status).toBe(400);
    // No detail: there is no callerId in the request to point at.
    expect(response.body.error).toEqual({
      message: 'Agent has no phone numbers to use as caller ID',
      code: 400,
      type: 'agent_has_no_caller_id',
      requestId: response.body.error.requestId,
    });
    const withCallerId = await create({
      agentId: agent.body.data.id,
      phoneNumber: '+14155552671',
      callerId: '+14155551234',
    });
    expect(withCallerId.body.error).toMatchObject({
      type: 'caller_id_not_allowed',
      details: [{ field: 'callerId' }],
    });
  });

  test('validation comes before the agent checks, and the agent checks before the caller ID', async () => {
    const invalid = await create({ agentId: mock.agents.chat.id, phoneNumber: 'bad' });
    expect(invalid.body.error.type).toBe('validation_error');
    const chat = await create({
      agentId: mock.agents.chat.id,
      phoneNumber: '+14155552671',
      callerId: '+19999999999',
    });
    expect(chat.body.error.type).toBe('agent_not_voice');
  });

  test('metadata size is checked before the agent', async () => {
    const response = await create({
      agentId: '00000000-0000-4000-8000-000000000000',
      phoneNumber: '+14155552671',
      metadata: { blob: 'x'.repeat(20_000) },
    });
    expect(response.body.error.message).toBe(
      'Validation error: Metadata must be at most 16384 bytes when serialized as JSON',
    );
  });
});

describe('Idempotency-Key', () => {
  const key = { 'Idempotency-Key': 'key-1' };

  test('same key and same body: the original 201, replayed, and no second call', async () => {
    const first = await create({ phoneNumber: '+14155552671', metadata: { a: 1, b: 2 } }, { headers: key });
    mock.advance(first.body.data.id);
    // Key order does not make a different request.
    const replay = await request('POST', '/api/v1/calls/outbound', {
      body: { metadata: { b: 2, a: 1 }, phoneNumber: '+14155552671', agentId: mock.agents.voice.id },
      headers: key,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(mock.calls.list()).toHaveLength(1);
  });

  test('same key, different body: 422', async () => {
    await create({ phoneNumber: '+14155552671' }, { headers: key });
    const reused = await create({ phoneNumber: '+14155552672' }, { headers: key });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({
      type: 'idempotency_key_reused',
      message: 'This Idempotency-Key was already used with a different request',
    });
    expect(mock.calls.list()).toHaveLength(1);
  });

  test('a duplicate while the first is in flight: 409 with Retry-After, then the first completes', async () => {
    gate.enabled = true;
    try {
      const inFlight = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const first = create({ phoneNumber: '+14155552671' }, { headers: key });
      await inFlight;
      const duplicate = await create({ phoneNumber: '+14155552671' }, { headers: key });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error).toMatchObject({
        type: 'idempotency_in_progress',
        message: 'A request with this Idempotency-Key is still being processed',
      });
      expect(duplicate.headers.get('Retry-After')).toBe('1');
      // Another body is a reuse whether or not the first is done: 422, as on the server.
      const reused = await create({ phoneNumber: '+14155552672' }, { headers: key });
      expect(reused.status).toBe(422);
      expect(reused.body.error).toMatchObject({ type: 'idempotency_key_reused' });
      release?.();
      expect((await first).status).toBe(201);
    } finally {
      gate.enabled = false;
    }
    const replay = await create({ phoneNumber: '+14155552671' }, { headers: key });
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
  });

  test('keys are scoped to the organization', async () => {
    await create({ phoneNumber: '+14155552671' }, { headers: key });
    const other = await request('POST', '/api/v1/calls/outbound', {
      apiKey: mock.otherOrganization.apiKey,
      body: { agentId: mock.otherOrganization.agent.id, phoneNumber: '+14155552671' },
      headers: key,
    });
    expect(other.status).toBe(201);
    expect(other.headers.get('Idempotent-Replayed')).toBeNull();
  });

  test('a request that fails the agent checks does not use up the key', async () => {
    const failed = await create(
      { agentId: mock.agents.chat.id, phoneNumber: '+14155552671' },
      { headers: key },
    );
    expect(failed.status).toBe(400);
    expect((await create({ phoneNumber: '+14155552672' }, { headers: key })).status).toBe(201);
  });

  test('records expire after 24 hours', async () => {
    await create({ phoneNumber: '+14155552671' }, { headers: key });
    try {
      clockOffsetMs = 24 * 60 * 60 * 1000 - 1000;
      expect((await create({ phoneNumber: '+14155552672' }, { headers: key })).status).toBe(422);
      clockOffsetMs = 24 * 60 * 60 * 1000 + 1;
      const later = await create({ phoneNumber: '+14155552672' }, { headers: key });
      expect(later.status).toBe(201);
      expect(later.headers.get('Idempotent-Replayed')).toBeNull();
    } finally {
      clockOffsetMs = 0;
    }
  });
});
