/**
 * Cross-origin requests from browsers, over HTTP: answered only for the configured origins, with
 * preflights answered before authentication and validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

const APP = 'https://app.example.com';
const ELSEWHERE = 'https://evil.example.net';

const preflight = (t: TestServer, origin: string, path = '/api/v1/calls/outbound') =>
  fetch(`${t.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-api-key, content-type, idempotency-key',
    },
  });

const corsHeaders = (response: { headers: Headers }) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('with allowed origins', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ corsOrigins: [APP] });
  });
  afterAll(() => t?.close());

  it('answers a preflight from an allowed origin with 204, before authentication', async () => {
    const response = await preflight(t, APP);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,PATCH,DELETE,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual([
      'x-api-key',
      'authorization',
      'content-type',
      'idempotency-key',
      'x-request-id',
    ]);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('exposes the headers the API sends to an allowed origin', async () => {
    const response = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      headers: { origin: APP },
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-expose-headers')?.split(',')).toEqual([
      'x-request-id',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'RateLimit-Policy',
      'Retry-After',
      'Idempotent-Replayed',
    ]);
    // Errors too: a browser can only read the envelope with the header.
    const refused = await t.request('/api/v1/calls', { key: null, headers: { origin: APP } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('gives another origin no CORS headers at all, and its preflight the usual 404', async () => {
    const response = await t.request('/api/v1/agents', { headers: { origin: ELSEWHERE } });
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual([]);
    expect(response.headers.get('vary')).toMatch(/origin/i);
    const refused = await preflight(t, ELSEWHERE);
    expect(refused.status).toBe(404);
    expect(corsHeaders(refused)).toEqual([]);
    expect(((await refused.json()) as { error: { type: string } }).error.type).toBe('not_found');
  });

  it('treats an OPTIONS without Origin as no preflight', async () => {
    const response = await fetch(`${t.url}/api/v1/calls`, { method: 'OPTIONS' });
    expect(response.status).toBe(404);
    expect(corsHeaders(response)).toEqual([]);
  });
});

describe("with ['*']", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ corsOrigins: ['*'] });
  });
  afterAll(() => t?.close());

  it('allows any origin, without credentials', async () => {
    const response = await preflight(t, ELSEWHERE);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const get = await t.request('/healthz', { key: null, headers: { origin: ELSEWHERE } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('without corsOrigins (the default)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  it('sends no CORS headers, and a preflight gets 404', async () => {
    const response = await t.request('/api/v1/agents', { headers: { origin: APP } });
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual([]);
    const refused = await preflight(t, APP);
    expect(refused.status).toBe(404);
    expect(corsHeaders(refused)).toEqual([]);
  });
});
