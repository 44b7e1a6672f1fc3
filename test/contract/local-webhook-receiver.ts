/**
 * @module
 * A webhook receiver on a local node:http server, for the contract cases that follow a delivery
 * from either target: it records each POST's raw body and headers, answers the statuses it is
 * told to, and hands each path's requests over in arrival order (`next(path)` waits for one,
 * so no case sleeps or polls).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface LocalWebhookReceiver {
  /** The receiver's base URL; any path under it is recorded. */
  url: string;
  /** The next request to `path` not handed over yet, waiting for it to arrive if need be. */
  next(path: string): Promise<ReceivedWebhook>;
  /** The statuses of the next answers, in order (then 204). */
  answer(...statuses: number[]): void;
  close(): Promise<void>;
}

async function read(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLocalWebhookReceiver(): Promise<LocalWebhookReceiver> {
  const arrived = new Map<string, ReceivedWebhook[]>();
  const waiting = new Map<string, ((received: ReceivedWebhook) => void)[]>();
  const queue = <T>(map: Map<string, T[]>, path: string): T[] => {
    const list = map.get(path) ?? [];
    map.set(path, list);
    return list;
  };
  const statuses: number[] = [];
  const server = createServer(async (request, response) => {
    const received: ReceivedWebhook = {
      path: request.url ?? '/',
      body: await read(request),
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      ),
    };
    response.writeHead(statuses.shift() ?? 204).end();
    const waiter = queue(waiting, received.path).shift();
    if (waiter) waiter(received);
    else queue(arrived, received.path).push(received);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    next: (path) => {
      const first = queue(arrived, path).shift();
      return first ? Promise.resolve(first) : new Promise((resolve) => queue(waiting, path).push(resolve));
    },
    answer: (...next) => statuses.push(...next),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
