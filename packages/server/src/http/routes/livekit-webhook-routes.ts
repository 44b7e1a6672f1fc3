/**
 * @module
 * POST /api/v1/livekit/webhook: LiveKit's room and participant events. The signed JWT in
 * `Authorization` covers the SHA-256 of the raw body, so the handler gets the bytes as received.
 */
import { apiError } from '@outdial/contract';
import { Router } from 'express';
import { WebhookVerificationError } from '../../dial/livekit-webhook-handler';

/** What the route needs of the webhook handler (src/dial/livekit-webhook-handler.ts). */
export interface WebhookReceiver {
  receive(rawBody: string, authorization: string | undefined): Promise<void>;
}

/** @param receiver null when LiveKit is not configured: nothing can be verified, so nothing is accepted. */
export function livekitWebhookRoutes(receiver: WebhookReceiver | null): Router {
  const router = Router();
  router.post('/api/v1/livekit/webhook', async (req, res) => {
    if (!receiver) throw apiError('unauthorized');
    try {
      await receiver.receive(req.rawBody?.toString('utf8') ?? '', req.get('authorization'));
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw apiError('unauthorized');
      throw error;
    }
    res.json({ data: { received: true } });
  });
  return router;
}
