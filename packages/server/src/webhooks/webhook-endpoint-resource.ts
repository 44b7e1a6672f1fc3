/**
 * @module
 * How a stored endpoint and a delivery look in the API: the contract's `WebhookEndpoint` (never
 * with its secret, which is shown only on create and rotation) and `WebhookDelivery`.
 */
import type { components } from '@outdial/contract';
import type { WebhookAttemptRecord, WebhookDeliveryRow } from '../ports/webhook-delivery-store';
import type { WebhookEndpointRow } from '../ports/webhook-endpoint-store';

export type WebhookEndpointResource = components['schemas']['WebhookEndpoint'];
export type WebhookDeliveryResource = components['schemas']['WebhookDelivery'];
type EventType = components['schemas']['EventType'];
type WebhookEventType = components['schemas']['WebhookEventType'];

export function toWebhookEndpointResource(row: WebhookEndpointRow): WebhookEndpointResource {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    enabledEvents: JSON.parse(row.enabled_events) as EventType[],
    status: row.status,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toWebhookDeliveryResource(row: WebhookDeliveryRow): WebhookDeliveryResource {
  return {
    id: row.id,
    // Deliveries to a call's own URL have no endpoint, and no listing shows them.
    endpointId: row.endpoint_id ?? '',
    eventId: row.event_id,
    eventType: row.event_type as WebhookEventType,
    status: row.status,
    attempts: JSON.parse(row.attempts) as WebhookAttemptRecord[],
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
  };
}
