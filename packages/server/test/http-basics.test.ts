/**
 * Cross-cutting HTTP behaviour: request ids, both authentication schemes, health and readiness,
 * the served spec, response validation, and the LiveKit webhook's authentication.
 */
import { createHash } from 'node:crypto';
import { openApiYaml } from '@outdial/contract';
import { DEFAULT_API_KEY, DEFAULT_API_SECRET } from '@outdial/livekit-emulator';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advancingClock } from './support/advancing-clock';
import { startTestServer, type TestServer } from './support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe('x-request-id', () => {
  it('is generated for every response, success or error', async () => {
    const ok = await t.request('/healthz', { key: null });
    const error = await t.request('/api/v1/calls', { key: null });
    expect(ok.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
    expect(error.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
    expect(error.body.error.requestId).toBe(error.headers.get('x-request-id'));
    expect(ok.headers.get('x-request-id')).not.toBe(error.headers.get('x-request-id'));
  });

  it('keeps a sane incoming id and replaces an unsafe one', async () => {
    const kept = await t.request('/api/v1/nope', { headers: { 'x-request-id': 'trace-42.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42.abc');
    expect(kept.body.error.requestId).toBe('trace-42.abc');
    const replaced = await t.request('/healthz', { key: null, headers: { 'x-request-id': 'a b<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^req_/);
  });
});

describe('caching headers', () => {
  it('sends no ETag, and answers a conditional GET in full (openapi.yaml promises neither)', async () => {
    const first = await t.request('/api/v1/agents');
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBeNull();
    const again = await t.request('/api/v1/agents', { headers: { 'if-none-match': 'W/"anything"' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });
});

describe('authentication', () => {
  it('accepts the key as a Bearer token too', async () => {
    const response = await t.request('/api/v1/agents', {
      key: null,
      headers: { authorization: `Bearer ${t.acme.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.body.data.agents).toHaveLength(3);
  });

  it('stores only the hash and a short prefix of a key', async () => {
    const rows = await t.db.selectFrom('api_keys').selectAll().execute();
    const serialized = JSON.stringify(rows);
    expect(serialized).not.toContain(t.acme.apiKey);
    const acme = rows.find((r) => r.organization_id === t.acme.id);
    expect(acme?.prefix).toBe(t.acme.apiKey.slice(0, 8));
    expect(acme?.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a key revoked here at once', async () => {
    const { key, id } = await t.server.admin.createApiKey(t.acme.id);
    expect((await t.request('/api/v1/agents', { key })).status).toBe(200);
    await t.server.admin.revokeApiKey(id);
    expect((await t.request('/api/v1/agents', { key })).status).toBe(401);
  });

  it('refuses a key revoked by another process once its cache window has passed', async () => {
    const clock = advancingClock();
    const other = await startTestServer({ clock, apiKeyCacheMs: 5_000 });
    try {
      const { key } = await other.server.admin.createApiKey(other.acme.id);
      expect((await other.request('/api/v1/agents', { key })).status).toBe(200);
      // As `outdial keys revoke` in another process does: the row only, no word to this server.
      await other.db
        .updateTable('api_keys')
        .set({ revoked_at: clock.now().toISOString() })
        .where('prefix', '=', key.slice(0, 8))
        .execute();
      clock.advance(4_000);
      expect((await other.request('/api/v1/agents', { key })).status).toBe(200);
      clock.advance(1_001);
      expect((await other.request('/api/v1/agents', { key })).status).toBe(401);
      // Unknown keys are never remembered: a key made a moment ago elsewhere works at once.
      expect((await other.request('/api/v1/agents', { key: 'od_unknown' })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('health and spec', () => {
  it('answers /healthz and /readyz without a key', async () => {
    expect((await t.request('/healthz', { key: null })).body).toEqual({ status: 'ok' });
    const ready = await t.request('/readyz', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      checks: { database: 'ok', dialQueue: 'ok', livekit: 'ok' },
    });
  });

  it('serves openapi.yaml byte for byte', async () => {
    const response = await t.request('/openapi.yaml', { key: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(response.text).toBe(openApiYaml);
  });
});

describe('response validation', () => {
  it('turns a response that breaks openapi.yaml into a 500 instead of sending it', async () => {
    const created = await t.request('/api/v1/agents', { method: 'POST', body: { name: 'Broken' } });
    expect(created.status).toBe(201);
    // A row no API write can produce: `type` outside the AgentType enum.
    await t.db
      .updateTable('agents')
      .set({ type: 'fax' as 'voice' })
      .where('id', '=', created.body.data.id)
      .execute();
    const response = await t.request(`/api/v1/agents/${created.body.data.id}`);
    expect(response.status).toBe(500);
    expect(response.body.error).toMatchObject({
      code: 500,
      type: 'internal_error',
      message: 'Internal server error',
    });
  });
});

describe('LiveKit webhook', () => {
  const event = JSON.stringify({ event: 'room_started', room: { name: 'outdial-call_x', sid: 'RM_1' } });

  it('refuses a missing or forged signature with 401', async () => {
    const headers = { 'content-type': 'application/webhook+json' };
    const missing = await t.request('/api/v1/livekit/webhook', {
      method: 'POST',
      key: null,
      body: event,
      headers,
    });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 401, type: 'unauthorized', message: 'Unauthorized' });
    const forged = await t.request('/api/v1/livekit/webhook', {
      method: 'POST',
      key: null,
      body: event,
      headers: { ...headers, authorization: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' },
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error.type).toBe('unauthorized');
  });

  it('in emulate mode, refuses webhooks signed with the emulator’s public default credentials', async () => {
    // The in-process emulator gets fresh credentials per process, so nobody who knows the
    // published defaults can end a live call.
    expect(t.emulator?.apiSecret).not.toBe(DEFAULT_API_SECRET);
    expect(t.emulator?.apiSecret.length).toBeGreaterThanOrEqual(32);
    const token = new AccessToken(DEFAULT_API_KEY, DEFAULT_API_SECRET);
    token.sha256 = createHash('sha256').update(event).digest('base64');
    const forged = await t.request('/api/v1/livekit/webhook', {
      method: 'POST',
      key: null,
      body: event,
      headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
    });
    expect(forged.status).toBe(401);
  });

  it('accepts the emulator’s signed webhooks (the call completes through them)', async () => {
    const created = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' },
    });
    await expect
      .poll(async () => (await t.request(`/api/v1/calls/${created.body.data.id}`)).body.data.status, {
        interval: 20,
        timeout: 4_500, // within the test's own 5 s
      })
      .toBe('completed');
    const forCall = (t.emulator?.webhooks ?? []).filter((w) => w.room?.includes(created.body.data.id));
    expect(forCall.map((w) => w.event)).toContain('participant_joined');
    for (const w of forCall.filter((w) => w.status !== 'pending')) {
      expect(w).toMatchObject({ status: 'delivered', httpStatus: 200 });
    }
  });
});
