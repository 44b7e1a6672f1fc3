/**
 * @module
 * The webhook deliveries an event owes, inserted in the transaction that writes the event: one per
 * enabled endpoint of the organization subscribed to the event's type, and one to the call's own
 * `webhook_url`. Recording them with the event (rather than deriving them later from the outbox
 * through a cursor per endpoint) makes "owed" a row that exists exactly when the event does, so a
 * crash at any moment loses none, and the delivery log shows pending deliveries at once.
 */
import type { Transaction } from 'kysely';
import type { CallRow, CallStatus } from '../../ports/call-store';
import type { WebhookDeliveryRow } from '../../ports/webhook-delivery-store';
import { newWebhookDeliveryId } from '../ids';
import type { Database } from './sqlite-schema';

export interface CommittedEvent {
  eventId: string;
  status: CallStatus;
  sequence: number;
  at: string;
  call: CallRow;
}

export async function insertOwedWebhookDeliveries(
  trx: Transaction<Database>,
  event: CommittedEvent,
): Promise<number> {
  const rows = owedWebhookDeliveries(await enabledEndpointsOf(trx, event.call.organization_id), event);
  if (rows.length > 0) await trx.insertInto('webhook_deliveries').values(rows).execute();
  return rows.length;
}

/** An organization's enabled endpoints, with the event types each subscribes to. */
export type SubscribedEndpoint = { id: string; enabledEvents: readonly string[] };

export async function enabledEndpointsOf(
  trx: Transaction<Database>,
  organizationId: string,
): Promise<SubscribedEndpoint[]> {
  const endpoints = await trx
    .selectFrom('webhook_endpoints')
    .select(['id', 'enabled_events'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'enabled')
    .execute();
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
  const type = `call.${status}`;
  const owed = (target: string, endpointId: string | null, url: string | null): WebhookDeliveryRow => ({
    id: newWebhookDeliveryId(),
    organization_id: call.organization_id,
    endpoint_id: endpointId,
    url,
    target,
    event_id: eventId,
    event_type: type,
    call_id: call.id,
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
  if (call.webhook_url) rows.push(owed(call.webhook_url, null, call.webhook_url));
  return rows;
}
