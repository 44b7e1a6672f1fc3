/**
 * The stream client over real HTTP: a node:http server on an ephemeral port scripts each
 * connection, so reconnects, `Last-Event-ID`, `retry:`, chunking and closed sockets are the real
 * thing rather than a fetch stub.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventFixture as event, sseFrame as frame } from '../../test/mock-server';
import { AuthenticationError, NotFoundError, StreamUnavailableError } from '../core/errors';
import { Outdial } from '../index';
import type { OutdialEvent } from '../models';

// Records every wait the stream makes (the client's own request retries are off: maxRetries 0).
const sleeps = vi.hoisted((): number[] => []);
vi.mock('./sleep', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./sleep')>();
  return {
    ...actual,
    sleep: (ms: number, signal?: AbortSignal) => {
      sleeps.push(ms);
      return actual.sleep(ms, signal);
    },
  };
});

type Connection = { req: IncomingMessage; res: ServerResponse; closed: Promise<void> };
type Script = (connection: Connection, index: number) => void;

let server: Server;
let baseUrl: string;
let script: Script = () => {};
let connections: Connection[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const closed = new Promise<void>((resolve) => res.on('close', resolve));
    const connection = { req, res, closed };
    connections.push(connection);
    script(connection, connections.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const { res } of connections) res.destroy();
  connections = [];
  sleeps.length = 0;
  vi.restoreAllMocks();
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});

const client = () => new Outdial({ apiKey: 'test-key', baseUrl, maxRetries: 0 });

function openStream(res: ServerResponse, retryMs = 5) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  res.write(`retry: ${retryMs}\n\n`);
}

/** Collects what a stream yields, up to `count` events. */
async function take(stream: AsyncIterable<OutdialEvent>, count = Number.POSITIVE_INFINITY) {
  const seen: OutdialEvent[] = [];
  for await (const e of stream) {
    if (seen.push(e) >= count) break;
  }
  return seen;
}

describe('the event stream client', () => {
  it('asks for an event stream with the API key, and yields its events, skipping comments and frames that are not events', async () => {
    const [queued, ringing] = [event('queued'), event('ringing', 2)];
    script = ({ res }) => {
      openStream(res);
      res.write(': keep-alive\n\n');
      res.write('data: not json\n\n');
      res.write(`data: ${JSON.stringify({ ...queued, id: undefined })}\n\n`); // no id
      res.write(`data: ${JSON.stringify({ ...queued, type: 'call.active' })}\n\n`); // type ≠ status
      // One frame split mid-line across writes, with CRLF line ends.
      const split = frame(queued).replaceAll('\n', '\r\n');
      res.write(split.slice(0, 17));
      res.write(split.slice(17));
      res.write(': keep-alive\n\n');
      res.write(frame(ringing));
    };
    const seen = await take(client().events.stream(), 2);
    expect(seen).toEqual([queued, ringing]);
    const { headers, url } = connections[0]?.req ?? {};
    expect(url).toBe('/api/v1/events');
    expect(headers?.accept).toBe('text/event-stream');
    expect(headers?.['x-api-key']).toBe('test-key');
    expect(headers?.['last-event-id']).toBeUndefined();
  });

  it('sends the filters as the spec names them, and lastEventId as Last-Event-ID', async () => {
    const completed = event('completed');
    script = ({ res }) => {
      openStream(res);
      res.write(frame(completed));
    };
    const stream = client().events.stream({
      types: ['call.completed', 'call.failed'],
      callId: 'call_1',
      lastEventId: 'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8',
    });
    expect(await take(stream, 1)).toEqual([completed]);
    const { headers, url } = connections[0]?.req ?? {};
    expect(url).toBe('/api/v1/events?type=call.completed&type=call.failed&callId=call_1');
    expect(headers?.['last-event-id']).toBe('evt_01JD7ZK5W9A1B2C3D4E5F6G7H8');
  });

  it("yields a batch's events, whose data is the Batch, and sends batchId", async () => {
    const started = {
      id: 'evt_01JD7ZK5W9A1B2C3D4E5F6G7H9',
      type: 'batch.started',
      timestamp: '2025-12-01T15:30:00.000Z',
      sequence: 1,
      data: { id: 'batch_1', status: 'running', counters: { total: 2 } },
    } as unknown as OutdialEvent;
    const queued = event('queued');
    script = ({ res }) => {
      openStream(res);
      res.write(`data: ${JSON.stringify({ ...started, data: undefined })}\n\n`); // no data: skipped
      res.write(frame(started));
      res.write(frame(queued));
    };
    expect(await take(client().events.stream({ batchId: 'batch_1' }), 2)).toEqual([started, queued]);
    expect(connections[0]?.req.url).toBe('/api/v1/events?batchId=batch_1');
  });

  it("reconnects after a dropped connection with the last event's id, waiting the server's retry:", async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter
    const events = [event('queued'), event('connecting', 2), event('ringing', 3)];
    script = ({ res }, index) => {
      openStream(res, 7);
      if (index === 0) {
        // The connection drops once the two frames are out.
        res.write(frame(events[0] as OutdialEvent) + frame(events[1] as OutdialEvent), () => res.destroy());
      } else res.write(frame(events[2] as OutdialEvent));
    };
    expect(await take(client().events.stream(), 3)).toEqual(events);
    expect(connections).toHaveLength(2);
    expect(connections[1]?.req.headers['last-event-id']).toBe(events[1]?.id);
    expect(sleeps).toEqual([7]);
  });

  it('backs off from retry: while reconnections keep failing, then resumes where it was', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const [first, second] = [event('queued'), event('connecting', 2)];
    script = ({ res }, index) => {
      if (index === 0) {
        openStream(res, 10);
        res.end(frame(first)); // a clean close: the org stream never ends by itself
      } else if (index < 3) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Unavailable', code: 503, type: 'internal_error' } }));
      } else {
        openStream(res, 10);
        res.write(frame(second));
      }
    };
    expect(await take(client().events.stream(), 2)).toEqual([first, second]);
    expect(sleeps).toEqual([10, 10, 20]); // after the close, then after each 503
    expect(connections.slice(1).map((c) => c.req.headers['last-event-id'])).toEqual([
      first.id,
      first.id,
      first.id,
    ]);
  });

  it('ends quietly when the signal aborts, and closes the connection', async () => {
    const controller = new AbortController();
    script = ({ res }) => {
      openStream(res);
      res.write(frame(event('queued')));
    };
    const seen: OutdialEvent[] = [];
    for await (const e of client().events.stream({ signal: controller.signal })) {
      seen.push(e);
      controller.abort(); // the next read is pending when the abort lands
    }
    expect(seen).toHaveLength(1);
    await connections[0]?.closed;
    expect(connections).toHaveLength(1);
  });

  it('ends quietly when aborted while waiting for the next event', async () => {
    const controller = new AbortController();
    script = ({ res }) => {
      openStream(res);
      res.write(': keep-alive\n\n');
    };
    const done = take(client().events.stream({ signal: controller.signal }));
    await new Promise((resolve) => server.once('request', () => setImmediate(resolve)));
    controller.abort();
    expect(await done).toEqual([]);
    await connections[0]?.closed;
  });

  it('closes the connection when the loop breaks', async () => {
    script = ({ res }) => {
      openStream(res);
      res.write(frame(event('queued')) + frame(event('connecting', 2)));
    };
    expect(await take(client().events.stream(), 1)).toHaveLength(1);
    await connections[0]?.closed; // resolves only once the client has hung up
    expect(connections).toHaveLength(1);
  });

  it('throws the first connection’s error status as its ApiError', async () => {
    script = ({ res }) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Call not found', code: 404, type: 'not_found' } }));
    };
    await expect(take(client().calls.stream('call_1'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('throws StreamUnavailableError when the answer is not an event stream', async () => {
    script = ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { events: [] } }));
    };
    const error = await take(client().calls.stream('call_1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamUnavailableError);
    expect((error as Error).message).toBe('Not an event stream: application/json');
  });

  it('throws a reconnection’s error that retrying cannot fix', async () => {
    script = ({ res }, index) => {
      if (index === 0) {
        openStream(res);
        res.end(frame(event('queued')));
      } else {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Unauthorized', code: 401, type: 'unauthorized' } }));
      }
    };
    const seen: OutdialEvent[] = [];
    const error = await (async () => {
      for await (const e of client().events.stream()) seen.push(e);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(AuthenticationError);
  });
});

describe("a call's stream", () => {
  it('ends after the terminal event, though the connection stays open', async () => {
    const events = [event('queued'), event('active', 2), event('completed', 3)];
    script = ({ res }) => {
      openStream(res);
      res.write(events.map(frame).join(''));
    };
    expect(await take(client().calls.stream('call_1'))).toEqual(events);
    expect(connections[0]?.req.url).toBe('/api/v1/calls/call_1/events');
    await connections[0]?.closed;
  });

  it('resumes after a drop, and ends when a connection closes having sent nothing (the call is over)', async () => {
    const queued = event('queued');
    script = ({ res }, index) => {
      openStream(res);
      if (index === 0) res.end(frame(queued));
      else res.end();
    };
    const stream = client().calls.stream('call_1', { lastEventId: 'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8' });
    expect(await take(stream)).toEqual([queued]);
    expect(connections.map((c) => c.req.headers['last-event-id'])).toEqual([
      'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8',
      queued.id,
    ]);
  });

  it('rejects a bad call id before any request', async () => {
    await expect(take(client().calls.stream(''))).rejects.toThrow('callId must be a non-empty string');
    expect(connections).toHaveLength(0);
  });
});
