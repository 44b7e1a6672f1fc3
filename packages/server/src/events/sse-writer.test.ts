/**
 * The SSE writer on a real Node response: a frame is on the socket when `send` returns, not held
 * in the socket's buffer until the next process tick (which waits for every queued microtask).
 */
import { createServer, get, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventResource } from './event-resource';
import { SseWriter } from './sse-writer';

const EVENT = {
  id: 'evt_01JZ0000000000000000000000',
  type: 'call.queued',
  timestamp: '2026-01-01T00:00:00.000Z',
  sequence: 1,
  data: { id: 'call_1' },
} as unknown as EventResource;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Opens a stream, sends one event and reports what the socket held right after `send`. */
function sendOne(): Promise<{ corked: number; buffered: number; received: string }> {
  return new Promise((resolve, reject) => {
    let seen: { corked: number; buffered: number } | undefined;
    server = createServer((_req, res: ServerResponse) => {
      const writer = new SseWriter(res, { keepAliveMs: 60_000 });
      writer.open();
      writer.send(EVENT);
      seen = { corked: res.socket?.writableCorked ?? -1, buffered: res.socket?.writableLength ?? -1 };
      setTimeout(() => writer.end(), 10);
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = (server as Server).address() as AddressInfo;
      get(`http://127.0.0.1:${port}/`, (res) => {
        let received = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received += chunk;
        });
        res.on('end', () => resolve({ ...(seen as { corked: number; buffered: number }), received }));
      }).on('error', reject);
    });
  });
}

describe('SseWriter', () => {
  it('puts each frame on the socket as it is sent: nothing corked, nothing left buffered', async () => {
    const { corked, buffered, received } = await sendOne();
    expect(corked).toBe(0);
    expect(buffered).toBe(0);
    expect(received).toBe(
      `retry: 3000\n\nid: ${EVENT.id}\nevent: call.queued\ndata: ${JSON.stringify(EVENT)}\n\n`,
    );
  });
});
