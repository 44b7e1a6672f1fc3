/**
 * The per-API-key rate limit: draft-6 RateLimit-* headers on every authenticated answer, 429 with
 * Retry-After once the key's budget is spent, and other keys unaffected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ rateLimit: { windowMs: 60_000, limit: 3 } });
});
afterAll(() => t?.close());

describe('rate limit', () => {
  it('counts per key and answers 429 rate_limited with Retry-After', async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await t.request('/api/v1/agents');
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await t.request('/api/v1/calls');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({
      code: 429,
      type: 'rate_limited',
      message: 'Too many requests, please retry later',
      requestId: limited.headers.get('x-request-id'),
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');

    // Another organization's key has its own budget.
    expect((await t.request('/api/v1/agents', { key: t.globex.apiKey })).status).toBe(200);
  });

  it('does not limit (or count) unauthenticated routes', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await t.request('/healthz', { key: null });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBeNull();
    }
  });

  it('answers 401 before counting an unknown key', async () => {
    const response = await t.request('/api/v1/agents', { key: 'od_unknown' });
    expect(response.status).toBe(401);
    expect(response.headers.get('ratelimit-limit')).toBeNull();
  });
});
