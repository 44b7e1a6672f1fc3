/**
 * @module
 * An HTTP endpoint that hands each LiveKit webhook to the real handler, as the HTTP layer does,
 * for the Dial queue's suites (which run no HTTP app).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveKitWebhookHandler } from '../../src/dial/livekit-webhook-handler';

export interface WebhookBridge {
  url: string;
  close(): Promise<void>;
}

export async function startWebhookBridge(handler: LiveKitWebhookHandler): Promise<WebhookBridge> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      await handler.receive(Buffer.concat(chunks).toString('utf8'), req.headers.authorization);
      res.writeHead(200).end();
    } catch {
      res.writeHead(401).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
