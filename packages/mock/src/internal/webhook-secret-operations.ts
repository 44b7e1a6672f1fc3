/**
 * @module
 * POST /api/v1/webhook-secret/rotate: the organization's webhook secret, which signs the
 * deliveries to each call's own `webhookUrl`. The previous one signs too for 24 h.
 */
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';

/**
 * rotateWebhookSecret.
 *
 * @example
 * rotateWebhookSecret(request); // { status: 200, body: { data: { secret, previousSecretExpiresAt } } }
 */
export function rotateWebhookSecret(request: OperationRequest): OperationResult {
  const { runtime } = request;
  const secret = runtime.webhooks.organizationSecret(organizationOf(request).id);
  return { status: 200, body: { data: secret.rotate(runtime.ids.webhookSecret(), runtime.now().getTime()) } };
}
