import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Cross-checks of openapi.yaml that a generic OpenAPI linter cannot know about.
const spec = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'));
const operations = Object.entries(
  spec.paths as Record<string, Record<string, { operationId?: string }>>,
).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'post', 'patch', 'delete', 'put'].includes(method))
    .map(([method, op]) => ({ path, method, op: op as Record<string, unknown> })),
);

describe('openapi.yaml', () => {
  it('has every operation of the Calls API contract', () => {
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(
      [
        'cancelCall',
        'createAgent',
        'createOutboundCall',
        'deleteAgent',
        'getAgent',
        'getCall',
        'getHealth',
        'getOpenApiDocument',
        'getQueue',
        'createBatch',
        'listBatches',
        'getBatch',
        'pauseBatch',
        'resumeBatch',
        'cancelBatch',
        'getReadiness',
        'listAgents',
        'listCalls',
        'listCallEvents',
        'listEvents',
        'receiveLivekitWebhook',
        'updateAgent',
        'createWebhookEndpoint',
        'listWebhookEndpoints',
        'getWebhookEndpoint',
        'updateWebhookEndpoint',
        'deleteWebhookEndpoint',
        'rotateWebhookEndpointSecret',
        'listWebhookDeliveries',
        'retryWebhookDelivery',
        'sendTestWebhook',
        'rotateWebhookSecret',
      ].sort(),
    );
  });

  it('keeps the contract messages byte for byte in the error catalog', () => {
    const catalog = spec['x-error-catalog'] as Record<
      string,
      { status: number; type: string; message: string }
    >;
    expect(catalog.invalid_phone_number?.message).toBe(
      'Validation error: Phone number must be in E.164 format (+1234567890)',
    );
    expect(catalog.invalid_agent_id?.message).toBe('Validation error: Invalid agent ID format');
    expect(catalog.agent_not_found?.message).toBe('Agent not found or access denied');
    expect(catalog.agent_not_voice?.message).toBe('Agent must be a voice agent for outbound calls');
    expect(catalog.agent_inactive?.message).toBe('Agent must be active to make calls');
    expect(catalog.livekit_not_configured?.message).toBe(
      'LiveKit service is not configured. Please contact support.',
    );
    expect(catalog.queue_failed?.message).toBe('Failed to queue call: {reason}');
    expect(catalog.call_not_found?.message).toBe('Call not found');
    expect(catalog.call_forbidden?.message).toBe('Access denied - call belongs to different organization');
    expect(catalog.call_not_cancellable?.message).toBe('Cannot cancel call with status: {status}');
    expect(catalog.unauthorized?.message).toBe('Unauthorized');
    expect(catalog.agent_has_no_caller_id).toEqual({
      status: 400,
      type: 'agent_has_no_caller_id',
      message: 'Agent has no phone numbers to use as caller ID',
    });
    expect(catalog.request_headers_too_large?.status).toBe(431);
  });

  it('states the metadata limits once, and the messages agree with them', () => {
    const catalog = spec['x-error-catalog'] as Record<string, { message: string }>;
    const metadata = spec.components.schemas.CreateOutboundCallRequest.properties.metadata;
    expect(catalog.metadata_too_large?.message).toContain(`${metadata['x-max-serialized-bytes']} bytes`);
    expect(catalog.metadata_too_deep?.message).toContain(`at most ${metadata['x-max-depth']} levels`);
    expect(metadata.description).toContain(String(metadata['x-max-depth']));
  });

  it('lets every query parameter carry unencoded reserved characters (`:` in a date-time)', () => {
    const resolve = (p: { $ref?: string; in?: string; name?: string; allowReserved?: boolean }) =>
      p.$ref ? spec.components.parameters[p.$ref.split('/').at(-1) as string] : p;
    for (const { path, op } of operations) {
      for (const parameter of ((op.parameters as object[]) ?? []).map(resolve)) {
        if (parameter.in === 'query') expect(parameter.allowReserved, `${path} ${parameter.name}`).toBe(true);
      }
    }
  });

  it('documents the errors any request can get before it reaches a route', () => {
    for (const { path, method, op } of operations) {
      const responses = op.responses as Record<string, unknown>;
      for (const status of ['400', '408', '431']) {
        expect(responses[status], `${method.toUpperCase()} ${path} ${status}`).toBeDefined();
      }
    }
  });

  it('uses only the contract error types, and every type has a catalog entry', () => {
    const types: string[] = spec.components.schemas.ErrorType.enum;
    const catalog = Object.values(spec['x-error-catalog'] as Record<string, { type: string }>);
    for (const entry of catalog) expect(types).toContain(entry.type);
    for (const type of types) expect(catalog.map((e) => e.type)).toContain(type);
  });

  it('gives every operation an operationId, examples and an error response', () => {
    for (const { path, method, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, where).toBeTypeOf('string');
      const responses = op.responses as Record<string, unknown>;
      expect(
        Object.keys(responses).some((s) => Number(s) >= 400),
        where,
      ).toBe(true);
      const ok = Object.entries(responses).find(([s]) => s.startsWith('2'))?.[1] as {
        content?: Record<string, { examples?: object }>;
      };
      for (const media of Object.values(ok.content ?? {})) expect(media.examples, where).toBeDefined();
    }
  });

  it('secures every /api/v1 operation with both API key schemes, and the webhook with LiveKit', () => {
    expect(spec.security).toEqual([{ ApiKeyAuth: [] }, { BearerAuth: [] }]);
    for (const { path, op } of operations) {
      if (path === '/api/v1/livekit/webhook') expect(op.security).toEqual([{ LiveKitWebhookSignature: [] }]);
      else if (path.startsWith('/api/v1/')) expect(op.security).toBeUndefined();
      else expect(op.security).toEqual([]);
    }
  });
});

describe('the call status machine in openapi.yaml', () => {
  const schema = spec.components.schemas.CallStatus as {
    enum: string[];
    'x-terminal': string[];
    'x-cancellable': string[];
    'x-transitions': Record<string, string[]>;
  };

  it('has a row for every status, and moves only to known statuses', () => {
    expect(Object.keys(schema['x-transitions']).sort()).toEqual([...schema.enum].sort());
    for (const targets of Object.values(schema['x-transitions'])) {
      for (const to of targets) expect(schema.enum).toContain(to);
    }
  });

  it('lets nothing leave a terminal status, and cancels exactly the live ones', () => {
    for (const status of schema['x-terminal']) expect(schema['x-transitions'][status]).toEqual([]);
    expect([...schema['x-cancellable']].sort()).toEqual(
      schema.enum.filter((s) => !schema['x-terminal'].includes(s)).sort(),
    );
    for (const status of schema['x-cancellable'])
      expect(schema['x-transitions'][status]).toContain('cancelled');
  });
});
