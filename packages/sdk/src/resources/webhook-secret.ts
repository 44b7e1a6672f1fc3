/**
 * @module
 * `outdial.webhookSecret`: the organization's webhook secret, which signs the deliveries to each
 * call's own `webhookUrl`.
 */
import type { ApiPromise } from '../core/api-promise';
import type { RequestOptions } from '../core/request-options';
import { ApiResource } from '../core/resource';
import type { RotatedWebhookSecret } from '../models';

/**
 * The organization webhook secret resource, as `outdial.webhookSecret`.
 *
 * @example
 * ```ts
 * const { secret } = await outdial.webhookSecret.rotate();
 * ```
 */
export class WebhookSecret extends ApiResource {
  /**
   * Issues a new organization webhook secret, shown only here. The previous one keeps signing
   * too until `previousSecretExpiresAt` (24 h).
   *
   * @example
   * ```ts
   * const { secret, previousSecretExpiresAt } = await outdial.webhookSecret.rotate();
   * ```
   */
  rotate(options?: RequestOptions): ApiPromise<RotatedWebhookSecret> {
    return this._client.post('/api/v1/webhook-secret/rotate', {}, options);
  }
}
