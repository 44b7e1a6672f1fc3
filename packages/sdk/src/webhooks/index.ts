/**
 * @module
 * `@outdial/sdk/webhooks`: verify the webhooks Outdial sends (Standard Webhooks signatures, on
 * WebCrypto) and get their events typed. A separate entry point, so apps that only place calls
 * do not ship it.
 *
 * @example
 * ```ts
 * import { verifyWebhook, WebhookVerificationError } from '@outdial/sdk/webhooks';
 *
 * export async function POST(request: Request): Promise<Response> {
 *   try {
 *     const event = await verifyWebhook(await request.text(), request.headers, process.env.OUTDIAL_WEBHOOK_SECRET as string);
 *     console.log(event.type);
 *     return new Response(null, { status: 204 });
 *   } catch (error) {
 *     if (error instanceof WebhookVerificationError) return new Response(error.message, { status: 400 });
 *     throw error;
 *   }
 * }
 * ```
 */
export type { OutdialEvent, WebhookEvent, WebhookTestEvent } from '../models';
export { type VerifyWebhookOptions, verifyWebhook, type WebhookHeaders } from './verify-webhook';
export { WebhookVerificationError, type WebhookVerificationFailure } from './webhook-verification-error';
