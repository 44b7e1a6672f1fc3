/**
 * Requests Node's HTTP parser refuses before any route sees them: they are answered in the error
 * envelope (`answerClientErrors`), not with Node's bare status lines.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { openApiDocument } from '@outdial/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientErrors } from '../src/http/client-errors';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(options: Parameters<typeof createServer>[0] = {}): Promise<number> {
  server = createServer(options, (_req, res) => res.end('ok'));
  answerClientErrors(server);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
  body: any;
}

/** Writes `bytes` on a fresh connection and reads until the server closes it. */
function exchange(port: number, bytes: string): Promise<ParsedResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: body ? JSON.parse(body) : undefined,
      });
    });
    socket.write(bytes);
  });
}

const catalog = openApiDocument['x-error-catalog'];

function expectEnvelope(response: ParsedResponse, entry: { status: number; type: string; message: string }) {
  expect(response.status).toBe(entry.status);
  expect(response.headers['content-type']).toBe('application/json');
  expect(response.headers.connection).toBe('close');
  expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{16}$/);
  expect(response.body).toEqual({
    error: {
      message: entry.message,
      code: entry.status,
      type: entry.type,
      requestId: response.headers['x-request-id'],
    },
  });
}

describe('answerClientErrors', () => {
  it('answers header fields over the limit with 431 in the envelope', async () => {
    const port = await listen();
    const response = await exchange(
      port,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`,
    );
    expectEnvelope(response, catalog.request_headers_too_large);
    expect(response.status).toBe(431);
  });

  it('answers a request that is not HTTP with 400 in the envelope', async () => {
    const port = await listen();
    const response = await exchange(port, 'HELLO\r\n\r\n');
    expectEnvelope(response, catalog.malformed_request);
  });

  it('answers a request whose headers never finish with 408 in the envelope', async () => {
    const port = await listen({ headersTimeout: 100, requestTimeout: 100, connectionsCheckingInterval: 20 });
    const response = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n');
    expectEnvelope(response, catalog.request_timeout);
  });

  it('leaves good requests alone', async () => {
    const port = await listen();
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await response.text()).toBe('ok');
  });
});
