/**
 * Requests as raw HTTP clients send them, which fetch and the SDK never do: unencoded reserved
 * characters in the query, bodies on GET, DELETE and the health routes, compressed bodies, and
 * HEAD. Sent with node:http, byte for byte.
 */
import { request } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
  body: any;
}

/** Sends exactly this request line, these headers and these body bytes (with a Content-Length). */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; key?: string | null } = {},
): Promise<RawResponse> {
  const key = options.key === undefined ? t.acme.apiKey : options.key;
  const headers: Record<string, string> = {
    ...(key === null ? {} : { 'x-api-key': key }),
    ...options.headers,
  };
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const callBody = () => JSON.stringify({ agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' });

describe('reserved characters in query values', () => {
  it('accepts date filters with unencoded colons, like the spec’s own example', async () => {
    const created = await raw('POST', '/api/v1/calls/outbound', { headers: JSON_TYPE, body: callBody() });
    expect(created.status).toBe(201);
    const example = await raw('GET', '/api/v1/calls?endDate=2025-12-31T23:59:59Z');
    expect(example.status).toBe(200);
    expect(example.body.data.calls).toEqual([]);
    const around = await raw(
      'GET',
      '/api/v1/calls?startDate=2000-01-01T00:00:00Z&endDate=2999-12-31T23:59:59Z',
    );
    expect(around.status).toBe(200);
    expect(around.body.data.calls.map((c: { id: string }) => c.id)).toContain(created.body.data.id);
  });

  it('accepts the other reserved characters a cursor or filter may carry', async () => {
    const response = await raw('GET', '/api/v1/calls?startDate=2000-01-01T00:00:00.000Z&limit=5');
    expect(response.status).toBe(200);
    // Still validated: a reserved character that makes the value wrong is a 400, not a crash.
    const bad = await raw('GET', '/api/v1/calls?agentId=a:b/c');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'agentId', message: 'Invalid agent ID format' }]);
  });
});

describe('bodies where the operation takes none are ignored', () => {
  const big = JSON.stringify({ blob: 'x'.repeat(200_000) });

  it.each([
    ['GET', '/healthz', null, 200],
    ['GET', '/readyz', null, 200],
    ['GET', '/openapi.yaml', null, 200],
    ['GET', '/api/v1/calls', undefined, 200],
    ['GET', '/api/v1/agents', undefined, 200],
    ['DELETE', '/api/v1/calls/call_unknown', undefined, 404],
  ] as const)(
    '%s %s with a body over the limit, malformed JSON or corrupt gzip',
    async (method, path, key, status) => {
      for (const [headers, body] of [
        [JSON_TYPE, big],
        [JSON_TYPE, '{oops'],
        [{ ...JSON_TYPE, 'content-encoding': 'gzip' }, 'not gzip at all'],
        [{ ...JSON_TYPE, 'content-encoding': 'compress' }, '{}'],
      ] as const) {
        const response = await raw(method, path, { key, headers, body });
        expect(response.status, `${headers['content-type']} ${body.slice(0, 10)}`).toBe(status);
      }
    },
  );

  it('keeps the connection usable after an ignored body', async () => {
    // Node discards the unread body before the next request on the same connection.
    const first = await raw('GET', '/healthz', { key: null, headers: JSON_TYPE, body: '{"x":1}' });
    const second = await raw('GET', '/healthz', { key: null });
    expect([first.status, second.status]).toEqual([200, 200]);
  });
});

describe('Content-Encoding of request bodies', () => {
  it('decodes gzip and deflate bodies', async () => {
    for (const [encoding, bytes] of [
      ['gzip', gzipSync(callBody())],
      ['deflate', deflateSync(callBody())],
      ['identity', Buffer.from(callBody())],
    ] as const) {
      const response = await raw('POST', '/api/v1/calls/outbound', {
        headers: { ...JSON_TYPE, 'content-encoding': encoding },
        body: bytes,
      });
      expect(response.status, encoding).toBe(201);
    }
  });

  it('answers a corrupt body 400 in the envelope, after authentication', async () => {
    const headers = { ...JSON_TYPE, 'content-encoding': 'gzip' };
    const anonymous = await raw('POST', '/api/v1/calls/outbound', { key: null, headers, body: 'not gzip' });
    expect(anonymous.status).toBe(401);
    const truncated = gzipSync(callBody()).subarray(0, 12);
    for (const body of ['not gzip', truncated]) {
      const response = await raw('POST', '/api/v1/calls/outbound', { headers, body });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        message: 'Validation error: Request body could not be decoded with its Content-Encoding',
        code: 400,
        type: 'validation_error',
        requestId: response.headers['x-request-id'],
      });
    }
  });

  it('refuses other encodings, and decoded bodies over the limit', async () => {
    for (const encoding of ['br', 'compress', 'gzip, gzip']) {
      const response = await raw('POST', '/api/v1/calls/outbound', {
        headers: { ...JSON_TYPE, 'content-encoding': encoding },
        body: '{}',
      });
      expect(response.status, encoding).toBe(400);
      expect(response.body.error.message, encoding).toBe(
        'Validation error: Content-Encoding must be gzip, deflate or identity',
      );
    }
    // Small on the wire, over 64 KiB once decoded.
    const bomb = gzipSync(JSON.stringify({ metadata: { blob: 'x'.repeat(1_000_000) } }));
    const response = await raw('POST', '/api/v1/calls/outbound', {
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(response.status).toBe(413);
    expect(response.body.error.type).toBe('payload_too_large');
  });
});

describe('HEAD', () => {
  it.each([
    ['/healthz', null, 200],
    ['/readyz', null, 200],
    ['/openapi.yaml', null, 200],
    ['/api/v1/calls', undefined, 200],
    ['/api/v1/agents', undefined, 200],
    ['/api/v1/calls', null, 401],
    ['/api/v1/calls?limit=0', undefined, 400],
    ['/api/v1/calls/call_unknown', undefined, 404],
  ] as const)('HEAD %s answers as GET does, without a body', async (path, key, status) => {
    const get = await raw('GET', path, { key });
    const head = await raw('HEAD', path, { key });
    expect(head.status).toBe(status);
    expect(get.status).toBe(status);
    expect(head.text).toBe('');
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['x-request-id']).toBeTruthy();
  });
});
