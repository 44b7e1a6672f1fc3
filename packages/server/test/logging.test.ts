/**
 * Structured request logs, without API keys or webhook tokens in them.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

const lines: string[] = [];
let t: TestServer;
beforeAll(async () => {
  const logger = pino({ level: 'trace' }, { write: (line: string) => lines.push(line) });
  t = await startTestServer({ logger });
});
afterAll(() => t?.close());

describe('request logs', () => {
  it('logs one structured line per request, with its id, and never the API key', async () => {
    const ok = await t.request('/api/v1/agents');
    await t.request('/api/v1/agents', { key: null, headers: { authorization: `Bearer ${t.globex.apiKey}` } });
    await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: 'nope' },
    });
    // The finish event fires right after the response is written.
    await new Promise((resolve) => setImmediate(resolve));
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requests.find((l) => l.requestId === ok.headers.get('x-request-id'))).toMatchObject({
      method: 'GET',
      path: '/api/v1/agents',
      status: 200,
      organizationId: t.acme.id,
    });
    expect(requests.some((l) => l.status === 400)).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain(t.acme.apiKey);
    expect(all).not.toContain(t.globex.apiKey);
  });
});
