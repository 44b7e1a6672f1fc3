/**
 * @module
 * An endpoint's deliveries: GET …/deliveries (the log), POST …/deliveries/{deliveryId}/retry
 * and POST …/test (a signed `webhook.test` event, logged as a delivery). Both sends answer 202 at
 * once, with the delivery due now; the attempt follows.
 */
import { apiError } from '@outdial/contract';
import { paginate } from './cursor';
import type { OperationRequest, OperationResult } from './operation-context';
import { findOwnEndpoint } from './webhook-endpoint-operations';
import type { StoredDelivery, StoredEndpoint } from './webhook-registry';

function enabledEndpoint(request: OperationRequest): StoredEndpoint {
  const stored = findOwnEndpoint(request);
  if (stored.endpoint.status !== 'enabled') throw apiError('webhook_endpoint_disabled');
  return stored;
}

const dueNow = (request: OperationRequest, stored: StoredDelivery): OperationResult => ({
  status: 202,
  body: {
    data: {
      ...structuredClone(stored.delivery),
      status: 'pending',
      nextAttemptAt: request.runtime.now().toISOString(),
    },
  },
});

/**
 * listWebhookDeliveries: newest first, filtered by `status`, keyset-paginated.
 *
 * @example
 * listWebhookDeliveries(request); // { status: 200, body: { data: { deliveries, pagination } } }
 */
export function listWebhookDeliveries(request: OperationRequest): OperationResult {
  const endpoint = findOwnEndpoint(request);
  const limit = request.params.limit as number;
  const status = request.params.status as string | undefined;
  const deliveries = request.runtime.webhooks
    .deliveriesOf(endpoint.endpoint.id)
    .filter((stored) => status === undefined || stored.delivery.status === status);
  const { page, hasMore, nextCursor } = paginate(
    deliveries,
    ({ delivery }) => ({ t: delivery.createdAt, i: delivery.id }),
    limit,
    request.params.cursor as string | undefined,
  );
  return {
    status: 200,
    body: {
      data: {
        deliveries: page.map((stored) => structuredClone(stored.delivery)),
        pagination: { limit, hasMore, nextCursor },
      },
    },
  };
}

/**
 * retryWebhookDelivery: sends the event again now, with the same `webhook-id`, whatever its status.
 *
 * @example
 * retryWebhookDelivery(request); // { status: 202, body: { data: delivery } }
 */
export function retryWebhookDelivery(request: OperationRequest): OperationResult {
  const { webhooks, webhookSender } = request.runtime;
  const endpoint = findOwnEndpoint(request);
  const stored = webhooks.delivery(endpoint.endpoint.id, request.params.deliveryId as string);
  if (!stored) throw apiError('webhook_delivery_not_found');
  enabledEndpoint(request);
  const answer = dueNow(request, stored);
  stored.delivery.status = 'pending';
  stored.delivery.nextAttemptAt = request.runtime.now().toISOString();
  webhookSender.sendNow(stored, false);
  return answer;
}

/**
 * sendTestWebhook: a `webhook.test` event, signed like every delivery, logged as one.
 *
 * @example
 * sendTestWebhook(request); // { status: 202, body: { data: delivery } }
 */
export function sendTestWebhook(request: OperationRequest): OperationResult {
  const { runtime } = request;
  const endpoint = enabledEndpoint(request);
  const now = runtime.now();
  const event = {
    id: runtime.ids.eventId(now.getTime()),
    type: 'webhook.test' as const,
    timestamp: now.toISOString(),
    data: { endpointId: endpoint.endpoint.id },
  };
  const stored = runtime.webhookSender.logDelivery(endpoint.organizationId, endpoint.endpoint.id, event);
  const answer = dueNow(request, stored);
  runtime.webhookSender.sendNow(stored, true);
  return answer;
}
