/**
 * /readyz without LiveKit, and what the server logs about it.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

const lines: string[] = [];
let t: TestServer;
beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  t = await startTestServer({ livekit: null, logger });
});
afterAll(() => t?.close());

it('is never ready without LiveKit, and says why', async () => {
  const readiness = await t.request('/readyz');
  expect(readiness.status).toBe(503);
  expect(readiness.body).toEqual({
    status: 'not_ready',
    checks: { database: 'ok', dialQueue: 'stopped', livekit: 'not_configured' },
  });
});

it('warns once, naming --emulate-livekit, with its component named once', () => {
  const warnings = lines.filter((line) => line.includes('LiveKit is not configured'));
  expect(warnings).toHaveLength(1);
  const [warning] = warnings as [string];
  expect(warning).toContain('--emulate-livekit');
  expect(warning.match(/"component"/g)).toHaveLength(1);
  expect(JSON.parse(warning)).toMatchObject({ level: 40, component: 'dial-queue' });
});
