/**
 * @module
 * The webhook endpoints resource: POST/GET /api/v1/webhook-endpoints, GET/PATCH/DELETE
 * /api/v1/webhook-endpoints/{endpointId} and POST …/rotate-secret. Scoped to the organization:
 * another organization's endpoint is not found. The secret is shown only on create and rotation.
 */
import {
  apiError,
  CALL_EVENT_TYPES,
  type components,
  resolvePointer,
  type SchemaNode,
} from '@outdial/contract';
import { paginate } from './cursor';
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';
import { RotatingSecret } from './rotating-secret';
import type { StoredEndpoint, WebhookEndpoint } from './webhook-registry';

type CreateBody = components['schemas']['CreateWebhookEndpointRequest'];
type UpdateBody = components['schemas']['UpdateWebhookEndpointRequest'];

const DELETED_MESSAGE = resolvePointer<SchemaNode>('#/components/schemas/DeleteWebhookEndpointResponse')
  .properties?.message?.const as string;

/** The caller's endpoint named by the path, or the catalog's 404. */
export function findOwnEndpoint(request: OperationRequest): StoredEndpoint {
  const stored = request.runtime.webhooks.endpoint(
    organizationOf(request).id,
    request.params.endpointId as string,
  );
  if (!stored) throw apiError('webhook_endpoint_not_found');
  return stored;
}

const shown = (stored: StoredEndpoint) => structuredClone(stored.endpoint);

/**
 * createWebhookEndpoint.
 *
 * @example
 * createWebhookEndpoint(request); // { status: 201, body: { data: { …endpoint, secret } } }
 */
export function createWebhookEndpoint(request: OperationRequest): OperationResult {
  const { runtime } = request;
  const body = request.body as CreateBody;
  const now = runtime.now();
  const endpoint: WebhookEndpoint = {
    id: runtime.ids.webhookEndpointId(now.getTime()),
    url: body.url,
    description: body.description ?? null,
    // Every `call.*` type (`batch.*` only when named), as the server.
    enabledEvents: body.enabledEvents ?? [...CALL_EVENT_TYPES],
    status: 'enabled',
    disabledReason: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const secret = new RotatingSecret(runtime.ids.webhookSecret());
  runtime.webhooks.endpoints.set(endpoint.id, {
    endpoint,
    organizationId: organizationOf(request).id,
    secret,
  });
  return { status: 201, body: { data: { ...structuredClone(endpoint), secret: secret.current } } };
}

/**
 * listWebhookEndpoints: newest first, keyset-paginated like calls.
 *
 * @example
 * listWebhookEndpoints(request); // { status: 200, body: { data: { webhookEndpoints, pagination } } }
 */
export function listWebhookEndpoints(request: OperationRequest): OperationResult {
  const organization = organizationOf(request);
  const limit = request.params.limit as number;
  const own = [...request.runtime.webhooks.endpoints.values()].filter(
    (s) => s.organizationId === organization.id,
  );
  const { page, hasMore, nextCursor } = paginate(
    own,
    ({ endpoint }) => ({ t: endpoint.createdAt, i: endpoint.id }),
    limit,
    request.params.cursor as string | undefined,
  );
  return {
    status: 200,
    body: { data: { webhookEndpoints: page.map(shown), pagination: { limit, hasMore, nextCursor } } },
  };
}

/** getWebhookEndpoint. @example getWebhookEndpoint(request); // { status: 200, body: { data } } */
export function getWebhookEndpoint(request: OperationRequest): OperationResult {
  return { status: 200, body: { data: shown(findOwnEndpoint(request)) } };
}

/**
 * updateWebhookEndpoint: changes only the fields sent. Enabling clears `disabledReason`;
 * disabling fails the deliveries still pending (nothing is sent to a disabled endpoint).
 *
 * @example
 * updateWebhookEndpoint(request); // { status: 200, body: { data } }
 */
export function updateWebhookEndpoint(request: OperationRequest): OperationResult {
  const { runtime } = request;
  const stored = findOwnEndpoint(request);
  const changes = request.body as UpdateBody;
  const endpoint = { ...stored.endpoint, ...changes, updatedAt: runtime.now().toISOString() };
  if (changes.status !== undefined) endpoint.disabledReason = null;
  stored.endpoint = endpoint;
  if (endpoint.status === 'disabled') {
    for (const delivery of runtime.webhooks.deliveriesOf(endpoint.id)) {
      if (delivery.delivery.status !== 'pending') continue;
      clearTimeout(delivery.timer);
      delivery.delivery.status = 'failed';
      delivery.delivery.nextAttemptAt = null;
    }
  }
  return { status: 200, body: { data: shown(stored) } };
}

/**
 * deleteWebhookEndpoint, with its delivery log.
 *
 * @example
 * deleteWebhookEndpoint(request); // { status: 200, body: { data: { id, deleted: true }, message } }
 */
export function deleteWebhookEndpoint(request: OperationRequest): OperationResult {
  const { webhooks } = request.runtime;
  const stored = findOwnEndpoint(request);
  for (const delivery of webhooks.deliveriesOf(stored.endpoint.id)) {
    clearTimeout(delivery.timer);
    webhooks.deliveries.delete(delivery.delivery.id);
  }
  webhooks.endpoints.delete(stored.endpoint.id);
  return { status: 200, body: { data: { id: stored.endpoint.id, deleted: true }, message: DELETED_MESSAGE } };
}

/**
 * rotateWebhookEndpointSecret: a new secret; the previous one signs too for 24 h.
 *
 * @example
 * rotateWebhookEndpointSecret(request); // { status: 200, body: { data: { secret, previousSecretExpiresAt } } }
 */
export function rotateWebhookEndpointSecret(request: OperationRequest): OperationResult {
  const { runtime } = request;
  const stored = findOwnEndpoint(request);
  return {
    status: 200,
    body: { data: stored.secret.rotate(runtime.ids.webhookSecret(), runtime.now().getTime()) },
  };
}
