/**
 * @module
 * A real webhook receiver on a loopback HTTP server, for the webhook tests: it records every
 * request (headers and exact body) and answers as the test says, now or when the test releases
 * it. Counts the requests open at once, to judge concurrency.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** `webhook-id`. */
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
  json: any;
}

export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks`. */
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** The most requests open at once so far. */
  maxOpen(): number;
  /** How to answer from now on: a fixed answer, or one chosen per request (may wait). */
  answerWith(answer: Answer | ((request: ReceivedWebhook) => Answer | Promise<Answer>)): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  initial: Answer = { status: 200, body: 'ok' },
): Promise<WebhookReceiver> {
  let answer: Answer | ((request: ReceivedWebhook) => Answer | Promise<Answer>) = initial;
  const received: ReceivedWebhook[] = [];
  const open = new Set<ServerResponse>();
  let maxOpen = 0;
  const server = createServer(async (req, res) => {
    open.add(res);
    maxOpen = Math.max(maxOpen, open.size);
    res.once('close', () => open.delete(res));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const request = { headers: req.headers, body, id: String(req.headers['webhook-id']), json };
    received.push(request);
    const {
      status,
      body: text = '',
      headers = {},
    } = typeof answer === 'function' ? await answer(request) : answer;
    open.delete(res);
    res.writeHead(status, headers).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    maxOpen: () => maxOpen,
    answerWith(next) {
      answer = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
