/**
 * @module
 * Test helper: a webhook receiver on an ephemeral port that verifies every delivery with
 * livekit-server-sdk's WebhookReceiver, exactly as an application would.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';

export interface ReceivedWebhook {
  readonly contentType: string | undefined;
  /** The verified event, or undefined when verification failed. */
  readonly event: WebhookEvent | undefined;
  readonly error?: string;
}

export interface WebhookSink {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Resolves once `count` webhooks have arrived. */
  waitFor(count: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** Starts a sink that verifies with `apiKey`/`apiSecret` and answers `status` (200 by default). */
export async function startWebhookSink(
  apiKey: string,
  apiSecret: string,
  status = 200,
): Promise<WebhookSink> {
  const receiver = new WebhookReceiver(apiKey, apiSecret);
  const received: ReceivedWebhook[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const contentType = req.headers['content-type'];
    try {
      const event = await receiver.receive(body, req.headers.authorization);
      received.push({ contentType, event });
    } catch (error) {
      received.push({ contentType, event: undefined, error: String(error) });
    }
    res.writeHead(status).end();
    for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    waitFor(count) {
      if (received.length >= count) return Promise.resolve(received.slice());
      return new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received.slice()) }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
