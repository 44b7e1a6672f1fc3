/**
 * The errors the shared table does not send, produced over HTTP by the real server with their
 * exact status, `type`, message and details: what depends on the server's configuration or lies
 * outside the API's base URL (the mock's reach), and a rule of a call's lifetime that no
 * one-request case of the shared table can set up. Every other malformed or refused request is
 * in `BAD_REQUESTS` (`@outdial/contract/testing`), which test/contract/ runs over the server and
 * the mock alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  TERMINAL,
  type TestRequestInit,
  type TestServer,
  waitForCall,
} from './support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const OUTBOUND = '/api/v1/calls/outbound';

interface ErrorCase {
  name: string;
  path: string;
  init: () => TestRequestInit;
  status: number;
  type: string;
  message: string;
  details?: { field: string; message: string }[];
}

const call = (body: Record<string, unknown>): TestRequestInit => ({
  method: 'POST',
  body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671', ...body },
});

const CASES: ErrorCase[] = [
  // Only the server: 413 depends on the configured body limit (64 KiB by default), and the mock
  // answers nothing outside the API's base URL.
  {
    name: 'body over the limit',
    path: OUTBOUND,
    init: () => call({ metadata: { blob: 'x'.repeat(200_000) } }),
    status: 413,
    type: 'payload_too_large',
    message: 'Request body is too large',
  },
  {
    name: 'outside the API',
    path: '/favicon.ico',
    init: () => ({ key: null }),
    status: 404,
    type: 'not_found',
    message: 'Not found',
  },
];

describe('contract errors', () => {
  it.each(CASES)('$name → $status $type', async (c) => {
    const response = await t.request(c.path, c.init());
    expect(response.status).toBe(c.status);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const expected: Record<string, unknown> = { message: c.message, code: c.status, type: c.type, requestId };
    if (c.details) expected.details = c.details;
    expect(response.body).toEqual({ error: expected });
  });

  it('cancelling a finished call names its status', async () => {
    const created = await t.request(OUTBOUND, call({}));
    expect(created.status).toBe(201);
    const done = await waitForCall(t, created.body.data.id, (c) => TERMINAL.includes(c.status));
    expect(done.status).toBe('completed');
    const response = await t.request(`/api/v1/calls/${done.id}`, { method: 'DELETE' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      message: 'Cannot cancel call with status: completed',
      code: 400,
      type: 'call_not_cancellable',
    });
  });
});
