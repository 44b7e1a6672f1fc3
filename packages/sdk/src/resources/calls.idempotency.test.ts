import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  advance,
  callFixture,
  client,
  errorResponse,
  url,
  useFakeClock,
  useMockServer,
} from '../../test/mock-server';
import { UnprocessableEntityError } from '../core/errors';
import type { CreateCallParams } from '../models';

const server = useMockServer();
const params: CreateCallParams = {
  agentId: '550e8400-e29b-41d4-a716-446655440000',
  phoneNumber: '+14155552671',
};

/**
 * A server that honours Idempotency-Key like the real one: the same key and body replay the
 * first call. `dropFirstResponse` makes it create the call, then lose the response (a reset).
 */
function idempotentServer({ dropFirstResponse = false, failFirst = 0 } = {}) {
  const calls = new Map<string, { body: string; id: string }>();
  const keys: (string | null)[] = [];
  let created = 0;
  server.use(
    http.post(url('/calls/outbound'), async ({ request }) => {
      const key = request.headers.get('idempotency-key');
      keys.push(key);
      if (keys.length <= failFirst) return errorResponse(503, 'internal_error', 'Internal server error');
      const body = await request.text();
      const existing = key ? calls.get(key) : undefined;
      if (existing && existing.body !== body)
        return errorResponse(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different request',
        );
      if (existing)
        return HttpResponse.json(
          { data: callFixture({ id: existing.id }) },
          { status: 201, headers: { 'Idempotent-Replayed': 'true' } },
        );
      const id = `call_${++created}`;
      if (key) calls.set(key, { body, id });
      if (dropFirstResponse && created === 1) return HttpResponse.error(); // processed, response lost
      return HttpResponse.json({ data: callFixture({ id }) }, { status: 201 });
    }),
  );
  return { keys, created: () => created };
}

describe('Idempotency-Key on POST /calls/outbound', () => {
  it('is always sent, generated once and reused on every retry', async () => {
    useFakeClock();
    const api = idempotentServer({ failFirst: 2 });
    const pending = client().calls.create(params);
    await advance(10_000);
    await expect(pending).resolves.toMatchObject({ id: 'call_1' });
    expect(api.keys).toHaveLength(3);
    expect(api.keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(new Set(api.keys).size).toBe(1);
  });

  it('is fresh for each logical call', async () => {
    const api = idempotentServer();
    await client().calls.create(params);
    await client().calls.create(params);
    expect(api.keys[0]).not.toBe(api.keys[1]);
    expect(api.created()).toBe(2);
  });

  it("uses the caller's key when given", async () => {
    const api = idempotentServer();
    await client().calls.create(params, { idempotencyKey: 'order-42' });
    expect(api.keys).toEqual(['order-42']);
  });

  it('places exactly one call when the server processes the first POST and the response is lost', async () => {
    useFakeClock();
    const api = idempotentServer({ dropFirstResponse: true });
    const pending = client().calls.create(params);
    await advance(10_000);
    const call = await pending;
    expect(call.id).toBe('call_1'); // the replay of the call the lost response was about
    expect(api.created()).toBe(1);
    expect(api.keys).toHaveLength(2);
    expect(api.keys[1]).toBe(api.keys[0]);
  });

  it('surfaces a reused key with a different body as UnprocessableEntityError', async () => {
    idempotentServer();
    await client().calls.create(params, { idempotencyKey: 'k1' });
    await expect(
      client().calls.create({ ...params, priority: 0 }, { idempotencyKey: 'k1' }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it('reuses the key across the retries of createAndWait', async () => {
    useFakeClock();
    const api = idempotentServer({ dropFirstResponse: true });
    server.use(
      http.get(url('/calls/call_1'), () => HttpResponse.json({ data: callFixture({ status: 'completed' }) })),
    );
    const pending = client().calls.createAndWait(params);
    await advance(10_000);
    await expect(pending).resolves.toMatchObject({ id: 'call_1', status: 'completed' });
    expect(api.created()).toBe(1);
    expect(new Set(api.keys).size).toBe(1);
  });
});
