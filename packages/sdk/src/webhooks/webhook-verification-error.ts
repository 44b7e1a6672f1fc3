/**
 * @module
 * `WebhookVerificationError`: a webhook request that must not be trusted.
 */
import { BRAND, OutdialError } from '../core/errors';

/**
 * Why a webhook request failed verification: `WebhookVerificationError.reason`.
 *
 * @example
 * ```ts
 * if (error instanceof WebhookVerificationError && error.reason === 'timestamp_too_old') console.warn('a replay?');
 * ```
 */
export type WebhookVerificationFailure =
  | 'missing_headers'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_signature'
  | 'invalid_payload';

/**
 * Thrown by `verifyWebhook` when a request is not a genuine, fresh Outdial webhook: answer it
 * with 400 and do not act on it. `reason` says which check failed.
 *
 * @example
 * ```ts
 * try {
 *   const event = await verifyWebhook(body, request.headers, secret);
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 });
 *   throw error;
 * }
 * ```
 */
export class WebhookVerificationError extends OutdialError {
  static override readonly [BRAND]: string = 'WebhookVerificationError';
  /** Which check failed. */
  readonly reason: WebhookVerificationFailure;

  constructor(reason: WebhookVerificationFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}
