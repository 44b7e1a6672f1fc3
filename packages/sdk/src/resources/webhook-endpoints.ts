/**
 * @module
 * `outdial.webhookEndpoints`: the URLs that receive your organization's events, signed, and
 * their delivery logs.
 */
import type { ApiPromise } from '../core/api-promise';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { ApiResource } from '../core/resource';
import type {
  CreateWebhookEndpointParams,
  DeletedWebhookEndpoint,
  ListWebhookDeliveriesParams,
  ListWebhookEndpointsParams,
  RotatedWebhookSecret,
  UpdateWebhookEndpointParams,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../models';

/**
 * The webhook endpoints resource, as `outdial.webhookEndpoints`. Verify what they receive with
 * `verifyWebhook` from `@outdial/sdk/webhooks`.
 *
 * @example
 * ```ts
 * const { id, secret } = await outdial.webhookEndpoints.create({ url: 'https://example.com/outdial/webhooks' });
 * ```
 */
export class WebhookEndpoints extends ApiResource {
  /**
   * Registers a URL for your events (default: every `call.*` type). The signing `secret` is in
   * this response only: store it.
   *
   * @example
   * ```ts
   * const endpoint = await outdial.webhookEndpoints.create({ url: 'https://example.com/hooks', enabledEvents: ['call.completed'] });
   * ```
   */
  create(
    params: CreateWebhookEndpointParams,
    options?: RequestOptions,
  ): ApiPromise<WebhookEndpointWithSecret> {
    return this._client.post('/api/v1/webhook-endpoints', { body: params }, options);
  }

  /**
   * Lists your endpoints, newest first, lazily, like `calls.list`.
   *
   * @example
   * ```ts
   * for await (const endpoint of outdial.webhookEndpoints.list()) console.log(endpoint.url, endpoint.status);
   * ```
   */
  list(params: ListWebhookEndpointsParams = {}, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this._client.getList('/api/v1/webhook-endpoints', 'webhookEndpoints', params, options);
  }

  /**
   * Gets an endpoint (without its secret).
   *
   * @example
   * ```ts
   * const endpoint = await outdial.webhookEndpoints.get('we_01JD7ZK5W9A1B2C3D4E5F6G7H8');
   * ```
   */
  get(endpointId: string, options?: RequestOptions): ApiPromise<WebhookEndpoint> {
    return this._client.get(
      '/api/v1/webhook-endpoints/{endpointId}',
      { params: { path: { endpointId } } },
      options,
    );
  }

  /**
   * Changes only the fields sent; `status: 'enabled'` re-enables a disabled endpoint.
   *
   * @example
   * ```ts
   * await outdial.webhookEndpoints.update(endpoint.id, { enabledEvents: ['call.failed'] });
   * ```
   */
  update(
    endpointId: string,
    params: UpdateWebhookEndpointParams,
    options?: RequestOptions,
  ): ApiPromise<WebhookEndpoint> {
    return this._client.patch(
      '/api/v1/webhook-endpoints/{endpointId}',
      { params: { path: { endpointId } }, body: params },
      options,
    );
  }

  /**
   * Deletes an endpoint and its delivery log; nothing more is sent to it.
   *
   * @example
   * ```ts
   * await outdial.webhookEndpoints.delete(endpoint.id); // { id, deleted: true }
   * ```
   */
  delete(endpointId: string, options?: RequestOptions): ApiPromise<DeletedWebhookEndpoint> {
    return this._client.delete(
      '/api/v1/webhook-endpoints/{endpointId}',
      { params: { path: { endpointId } } },
      options,
    );
  }

  /**
   * Issues a new signing secret. The previous one keeps signing every delivery too, until
   * `previousSecretExpiresAt` (24 h), so your receiver can switch without a gap.
   *
   * @example
   * ```ts
   * const { secret, previousSecretExpiresAt } = await outdial.webhookEndpoints.rotateSecret(endpoint.id);
   * ```
   */
  rotateSecret(endpointId: string, options?: RequestOptions): ApiPromise<RotatedWebhookSecret> {
    return this._client.post(
      '/api/v1/webhook-endpoints/{endpointId}/rotate-secret',
      { params: { path: { endpointId } } },
      options,
    );
  }

  /**
   * The endpoint's delivery log, newest first, lazily, each delivery with its attempts.
   *
   * @example
   * ```ts
   * for await (const delivery of outdial.webhookEndpoints.listDeliveries(endpoint.id, { status: 'failed' })) {
   *   console.log(delivery.eventType, delivery.attempts.at(-1)?.error);
   * }
   * ```
   */
  listDeliveries(
    endpointId: string,
    params: ListWebhookDeliveriesParams = {},
    options?: RequestOptions,
  ): PagePromise<WebhookDelivery> {
    return this._client.getList(
      '/api/v1/webhook-endpoints/{endpointId}/deliveries',
      'deliveries',
      params,
      options,
      { endpointId },
    );
  }

  /**
   * Sends a delivery's event again now, with the same `webhook-id`, whatever its status.
   *
   * @example
   * ```ts
   * await outdial.webhookEndpoints.retryDelivery(endpoint.id, delivery.id);
   * ```
   */
  retryDelivery(
    endpointId: string,
    deliveryId: string,
    options?: RequestOptions,
  ): ApiPromise<WebhookDelivery> {
    return this._client.post(
      '/api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry',
      { params: { path: { endpointId, deliveryId } } },
      options,
    );
  }

  /**
   * Sends a signed `webhook.test` event to the endpoint, logged as a delivery.
   *
   * @example
   * ```ts
   * const delivery = await outdial.webhookEndpoints.sendTest(endpoint.id);
   * ```
   */
  sendTest(endpointId: string, options?: RequestOptions): ApiPromise<WebhookDelivery> {
    return this._client.post(
      '/api/v1/webhook-endpoints/{endpointId}/test',
      { params: { path: { endpointId } } },
      options,
    );
  }
}
