/**
 * @module
 * The webhook deliveries an event owes, inserted in the transaction that writes the event: one per
 * enabled endpoint of the organization subscribed to the event's type, and one to the call's (or,
 * for a batch event, the batch's) own `webhook_url`. Recording them with the event (rather than deriving them later from the outbox
 * through a cursor per endpoint) makes "owed" a row that exists exactly when the event does, so a
 * crash at any moment loses none, and the delivery log shows pending deliveries at once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { BatchRow } from '../../ports/batch-store';
import type { CallRow, CallStatus } from '../../ports/call-store';
import type { BatchEventType } from '../../ports/event-store';
import type { WebhookDeliveryRow } from '../../ports/webhook-delivery-store';
import { newWebhookDeliveryId } from '../ids';
import { PrecompiledQuery } from './precompiled-query';
import type { Database } from './sqlite-schema';

export interface CommittedEvent {
  eventId: string;
  status: CallStatus;
  sequence: number;
  at: string;
  call: CallRow;
}

/**
 * @param endpoints the organization's enabled endpoints (enabledEndpointsOf), read in this
 *   transaction before the event-id lock, so that PostgreSQL holds it for one statement less
 */
export async function insertOwedWebhookDeliveries(
  trx: Transaction<Database>,
  event: CommittedEvent,
  endpoints: readonly SubscribedEndpoint[],
): Promise<number> {
  const rows = owedWebhookDeliveries(endpoints, event);
  if (rows.length > 0) await trx.insertInto('webhook_deliveries').values(rows).execute();
  return rows.length;
}

/** Read for every event written. */
const enabledEndpoints = new PrecompiledQuery<
  { organizationId: string },
  { id: string; enabled_events: string }
>((db, arg) =>
  db
    .selectFrom('webhook_endpoints')
    .select(['id', 'enabled_events'])
    .where('organization_id', '=', arg('organizationId'))
    .where('status', '=', 'enabled'),
);

/** An organization's enabled endpoints, with the event types each subscribes to. */
export type SubscribedEndpoint = { id: string; enabledEvents: readonly string[] };

export async function enabledEndpointsOf(
  trx: Kysely<Database>,
  organizationId: string,
): Promise<SubscribedEndpoint[]> {
  const endpoints = await enabledEndpoints.rows(trx, { organizationId });
  return endpoints.map((endpoint) => ({
    id: endpoint.id,
    enabledEvents: JSON.parse(endpoint.enabled_events) as string[],
  }));
}

/**
 * The deliveries `event` owes `endpoints` (those subscribed to its type) and the call's own
 * `webhook_url`: what a writer of many events at once (a batch) inserts in bulk.
 */
export function owedWebhookDeliveries(
  endpoints: readonly SubscribedEndpoint[],
  { eventId, status, sequence, at, call }: CommittedEvent,
): WebhookDeliveryRow[] {
  return owedDeliveries(endpoints, {
    organizationId: call.organization_id,
    eventId,
    type: `call.${status}`,
    subjectId: call.id,
    sequence,
    at,
    webhookUrl: call.webhook_url ?? null,
  });
}

export interface CommittedBatchEvent {
  eventId: string;
  type: BatchEventType;
  sequence: number;
  at: string;
  batch: BatchRow;
}

/**
 * The deliveries a batch event owes: endpoints that name its type (the default subscription is
 * every `call.*` type only) and the batch's own `webhook_url`. The batch id stands in the
 * deliveries' `call_id`, the subject whose events go out in `sequence` order.
 */
export function owedBatchEventDeliveries(
  endpoints: readonly SubscribedEndpoint[],
  { eventId, type, sequence, at, batch }: CommittedBatchEvent,
): WebhookDeliveryRow[] {
  return owedDeliveries(endpoints, {
    organizationId: batch.organization_id,
    eventId,
    type,
    subjectId: batch.id,
    sequence,
    at,
    webhookUrl: batch.webhook_url,
  });
}

interface OwedEvent {
  organizationId: string;
  eventId: string;
  type: string;
  /** The call or batch the event is about. */
  subjectId: string;
  sequence: number;
  at: string;
  webhookUrl: string | null;
}

function owedDeliveries(
  endpoints: readonly SubscribedEndpoint[],
  { organizationId, eventId, type, subjectId, sequence, at, webhookUrl }: OwedEvent,
): WebhookDeliveryRow[] {
  const owed = (target: string, endpointId: string | null, url: string | null): WebhookDeliveryRow => ({
    id: newWebhookDeliveryId(),
    organization_id: organizationId,
    endpoint_id: endpointId,
    url,
    target,
    event_id: eventId,
    event_type: type,
    call_id: subjectId,
    sequence,
    payload: null,
    status: 'pending',
    attempts: '[]',
    next_attempt_at: at,
    claimed_until: null,
    created_at: at,
  });
  const rows = endpoints
    .filter((endpoint) => endpoint.enabledEvents.includes(type))
    .map((endpoint) => owed(endpoint.id, endpoint.id, null));
  if (webhookUrl) rows.push(owed(webhookUrl, null, webhookUrl));
  return rows;
}
