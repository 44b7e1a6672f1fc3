/**
 * Webhook receiver: an Express app that verifies Outdial's signed webhooks (Standard Webhooks)
 * with `verifyWebhook` and handles each event once.
 *
 *   export OUTDIAL_WEBHOOK_SECRET=whsec_…   # from webhookEndpoints.create, or `pnpm start` for a call's webhookUrl
 *   node --import tsx examples/webhook-receiver.ts   # listens on PORT, default 4000
 *
 * The one rule: verify the body exactly as it arrived. `express.raw` keeps it as bytes; a JSON
 * body parser in front of this route would re-serialize it, and no signature would match.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type OutdialEvent,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '@outdial/sdk/webhooks';
import express from 'express';
import { isMain } from './example-env';

export interface WebhookReceiverOptions {
  /** The endpoint's secret; two during a rotation (the new one and the old one). */
  secret: string | string[];
  /** Called once per event: a retry repeats its `webhook-id`, and is acknowledged without a second call. */
  onEvent: (event: WebhookEvent) => void | Promise<void>;
  port?: number;
  log?: (line: string) => void;
}

export function webhookReceiverApp({ secret, onEvent, log = console.log }: WebhookReceiverOptions) {
  // A real receiver keeps these in its database, with the work the event caused.
  const handled = new Set<string>();
  const app = express();
  app.post('/outdial/webhooks', express.raw({ type: 'application/json' }), async (req, res) => {
    let event: WebhookEvent;
    try {
      // `req.body` is a Buffer of the raw bytes; `req.headers` has webhook-id, -timestamp and -signature.
      event = await verifyWebhook(req.body, req.headers, secret);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      log(`rejected ${error.reason}`);
      return res.status(400).send(error.message);
    }
    if (handled.has(event.id)) return res.sendStatus(204); // a retry of one already handled
    handled.add(event.id);
    await onEvent(event);
    log(`${event.type} ${summary(event)}`);
    return res.sendStatus(204); // any 2xx within 15 s acknowledges it
  });
  return app;
}

function summary(event: WebhookEvent): string {
  if (event.type === 'webhook.test') return `from endpoint ${event.data.endpointId}`;
  const call: OutdialEvent['data'] = event.data;
  return `${call.id} ${call.status}${event.type === 'call.completed' ? ` after ${event.data.duration} s` : ''}`;
}

/** Starts the receiver; resolves with its URL once it listens. */
export async function startWebhookReceiver(
  options: WebhookReceiverOptions,
): Promise<{ url: string; server: Server }> {
  const app = webhookReceiverApp(options);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/outdial/webhooks`, server };
}

if (isMain(import.meta.url)) {
  const secret = process.env.OUTDIAL_WEBHOOK_SECRET;
  if (!secret) throw new Error('Set OUTDIAL_WEBHOOK_SECRET to your endpoint’s secret (whsec_…).');
  const { url } = await startWebhookReceiver({
    secret,
    port: Number(process.env.PORT ?? 4000),
    onEvent: () => {},
  });
  console.log(`Receiving Outdial webhooks at ${url}`);
}
