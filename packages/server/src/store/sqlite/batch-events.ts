/**
 * @module
 * Writing a batch event inside the transaction of the batch change that causes it: its id (after
 * every event of the organization, either kind), its place among the batch's events, the batch and
 * its counters as that transaction sees them, and the webhook deliveries it owes, all committed
 * with the change or not at all.
 */
import { CALL_STATUSES } from '@outdial/contract';
import type { Kysely } from 'kysely';
import type { BatchRow } from '../../ports/batch-store';
import type { BatchEventType } from '../../ports/event-store';
import { batchCallCounts } from './batch-call-counts';
import { lockEventIds, nextEventId } from './event-ids';
import type { BatchEventSnapshot, Database } from './sqlite-schema';
import { enabledEndpointsOf, owedBatchEventDeliveries } from './webhook-deliveries-of-event';

/** What {@link insertBatchEvent} wrote: what the channel message says after the commit. */
export interface WrittenBatchEvent {
  organizationId: string;
  batchId: string;
  eventId: string;
  type: BatchEventType;
  webhookDeliveries: number;
}

/** @param batch the batch as this transaction wrote it (or read it, for `batch.started`) */
export async function insertBatchEvent(
  trx: Kysely<Database>,
  batch: BatchRow,
  type: BatchEventType,
  now: Date,
): Promise<WrittenBatchEvent> {
  await lockEventIds(trx, batch.organization_id);
  const eventId = await nextEventId(trx, batch.organization_id, now);
  const previous = await trx
    .selectFrom('batch_events')
    .select('sequence')
    .where('batch_id', '=', batch.id)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  const sequence = (previous?.sequence ?? 0) + 1;
  const at = now.toISOString();
  const snapshot: BatchEventSnapshot = { batch, counts: await batchCallCounts(trx, batch.id) };
  await trx
    .insertInto('batch_events')
    .values({
      event_id: eventId,
      organization_id: batch.organization_id,
      batch_id: batch.id,
      type,
      sequence,
      at,
      snapshot: JSON.stringify(snapshot),
    })
    .execute();
  const deliveries = owedBatchEventDeliveries(await enabledEndpointsOf(trx, batch.organization_id), {
    eventId,
    type,
    sequence,
    at,
    batch,
  });
  if (deliveries.length > 0) await trx.insertInto('webhook_deliveries').values(deliveries).execute();
  return {
    organizationId: batch.organization_id,
    batchId: batch.id,
    eventId,
    type,
    webhookDeliveries: deliveries.length,
  };
}

/**
 * `batch.started` for the batch of a call that just left `scheduled` (or `initiated`) for a status
 * other than `scheduled` or `cancelled`, unless the batch has started already: the batch's first
 * calls became due, so `getBatch` reads it `running` from now on. A paused batch starts when it
 * is resumed instead ({@link insertBatchStartedIfDue}).
 */
export async function insertBatchStartedIfFirst(
  trx: Kysely<Database>,
  batchId: string,
  now: Date,
): Promise<WrittenBatchEvent | undefined> {
  if (await hasStarted(trx, batchId)) return undefined;
  const batch = await trx.selectFrom('batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (batch?.status !== 'active') return undefined;
  return insertBatchEvent(trx, batch, 'batch.started', now);
}

/** The statuses of a batch call that has fallen due (left `scheduled`, not cancelled). */
const DUE_STATUSES = CALL_STATUSES.filter((s) => s !== 'initiated' && s !== 'scheduled' && s !== 'cancelled');

/**
 * `batch.started` for a batch just resumed (`batch` as this transaction wrote it), when it was
 * paused before any of its calls fell due and some have since: it starts now.
 */
export async function insertBatchStartedIfDue(
  trx: Kysely<Database>,
  batch: BatchRow,
  now: Date,
): Promise<WrittenBatchEvent | undefined> {
  if (batch.status !== 'active' || (await hasStarted(trx, batch.id))) return undefined;
  const due = await trx
    .selectFrom('calls')
    .select('id')
    .where('batch_id', '=', batch.id)
    // Listed, not `not in`: ranges of the calls_by_batch index instead of a walk through calls
    // that are all still scheduled.
    .where('status', 'in', DUE_STATUSES)
    .limit(1)
    .executeTakeFirst();
  return due && insertBatchEvent(trx, batch, 'batch.started', now);
}

async function hasStarted(trx: Kysely<Database>, batchId: string): Promise<boolean> {
  const started = await trx
    .selectFrom('batch_events')
    .select('event_id')
    .where('batch_id', '=', batchId)
    .where('type', '=', 'batch.started')
    .limit(1)
    .executeTakeFirst();
  return started !== undefined;
}
