import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BODY_BYTES, sendWebhook } from './webhook-sender';

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      server?.closeAllConnections();
      server?.close(() => resolve());
      if (!server) resolve();
      server = undefined;
    }),
);

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const request = (url: string) => ({ url, headers: { 'webhook-id': 'evt_1' }, body: '{"a":1}' });

describe('sendWebhook', () => {
  it('posts the body with the headers and keeps the answer', async () => {
    let seen: { method?: string; type?: string; id?: string; body?: string } = {};
    const url = await listen(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      seen = {
        method: req.method,
        type: req.headers['content-type'],
        id: String(req.headers['webhook-id']),
        body,
      };
      res.writeHead(201).end('thanks');
    });
    const result = await sendWebhook(request(url), { allowPrivate: true });
    expect(result).toMatchObject({ statusCode: 201, error: null, responseBody: 'thanks' });
    expect(seen).toEqual({ method: 'POST', type: 'application/json', id: 'evt_1', body: '{"a":1}' });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const url = await listen(() => {});
    const result = await sendWebhook(request(url), { allowPrivate: true, timeoutMs: 50 });
    expect(result).toMatchObject({ statusCode: null, error: 'timed out after 50 ms', responseBody: null });
  });

  it('keeps at most 64 KiB of a streamed answer', async () => {
    const url = await listen((_req, res) => {
      res.writeHead(500);
      for (let i = 0; i < 40; i++) res.write('y'.repeat(4096));
      res.end();
    });
    const result = await sendWebhook(request(url), { allowPrivate: true });
    expect(result).toMatchObject({ statusCode: 500, error: 'HTTP 500' });
    expect(result.responseBody).toHaveLength(MAX_RESPONSE_BODY_BYTES);
  });

  it('refuses a non-http scheme and a forbidden address without connecting', async () => {
    let connections = 0;
    const url = await listen((_req, res) => {
      connections += 1;
      res.end();
    });
    expect((await sendWebhook(request('ftp://example.com/x'), { allowPrivate: true })).error).toBe(
      'unsupported scheme ftp:',
    );
    expect((await sendWebhook(request(url), { allowPrivate: false })).error).toMatch(
      /^refused: 127\.0\.0\.1 resolves/,
    );
    expect(connections).toBe(0);
  });

  it('reports a connection error', async () => {
    const url = await listen(() => {});
    server?.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const result = await sendWebhook(request(url), { allowPrivate: true });
    expect(result).toMatchObject({ statusCode: null, error: 'ECONNREFUSED' });
  });
});
