import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { CallEventRow, CallRow, CallStatus } from '../../ports/call-store';
import type { BatchEventType, EventFilters, EventRow, EventStore, EventType } from '../../ports/event-store';
import { newestEventId } from './event-ids';
import type { BatchEventSnapshot, BatchEventsTable, Database } from './sqlite-schema';

/** Rows deleted per statement when purging, so the write lock is never held for long. */
const PURGE_BATCH = 1000;

type CallEventQuery = SelectQueryBuilder<Database, 'call_events', CallEventRow>;
type BatchEventQuery = SelectQueryBuilder<Database, 'batch_events', BatchEventsTable>;

/**
 * The events are the call events that carry an event id (see migration 0004) and the batch
 * events (migration 0009). Each read asks both tables for the same page by event id, through
 * their (organization_id, event_id) indexes, and merges the two: the ids share one order.
 */
export class SqliteEventStore implements EventStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(
    organizationId: string,
    filters: EventFilters,
    { limit, before }: { limit: number; before?: string | undefined },
  ): Promise<EventRow[]> {
    const calls = this.#callFeed(organizationId, filters);
    const batches = this.#batchFeed(organizationId, filters);
    const [callRows, batchRows] = [
      calls &&
        (await (before ? calls.where('event_id', '<', before) : calls)
          .orderBy('event_id', 'desc')
          .limit(limit + 1)
          .execute()),
      batches &&
        (await (before ? batches.where('event_id', '<', before) : batches)
          .orderBy('event_id', 'desc')
          .limit(limit + 1)
          .execute()),
    ];
    return merged(callRows, batchRows)
      .reverse()
      .slice(0, limit + 1);
  }

  async listAfter(
    organizationId: string,
    filters: EventFilters,
    after: string | null,
    limit: number,
  ): Promise<EventRow[]> {
    const calls = this.#callFeed(organizationId, filters);
    const batches = this.#batchFeed(organizationId, filters);
    const [callRows, batchRows] = [
      calls &&
        (await (after ? calls.where('event_id', '>', after) : calls)
          .orderBy('event_id')
          .limit(limit)
          .execute()),
      batches &&
        (await (after ? batches.where('event_id', '>', after) : batches)
          .orderBy('event_id')
          .limit(limit)
          .execute()),
    ];
    return merged(callRows, batchRows).slice(0, limit);
  }

  async find(organizationId: string, eventId: string): Promise<EventRow | undefined> {
    const call = await (this.#callFeed(organizationId, {}) as CallEventQuery)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (call) return toCallEvent(call);
    const batch = await (this.#batchFeed(organizationId, {}) as BatchEventQuery)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return batch && toBatchEvent(batch);
  }

  newestId(organizationId: string): Promise<string | undefined> {
    return newestEventId(this.db, organizationId);
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const before = cutoff.toISOString();
    let deleted = 0;
    for (;;) {
      const result = await this.db
        .deleteFrom('call_events')
        .where('id', 'in', (eb) =>
          eb.selectFrom('call_events').select('id').where('at', '<', before).limit(PURGE_BATCH),
        )
        .executeTakeFirst();
      const rows = Number(result.numDeletedRows);
      deleted += rows;
      if (rows < PURGE_BATCH) break;
    }
    for (;;) {
      const result = await this.db
        .deleteFrom('batch_events')
        .where('event_id', 'in', (eb) =>
          eb.selectFrom('batch_events').select('event_id').where('at', '<', before).limit(PURGE_BATCH),
        )
        .executeTakeFirst();
      const rows = Number(result.numDeletedRows);
      deleted += rows;
      if (rows < PURGE_BATCH) return deleted;
    }
  }

  /** The call events the filters admit, or undefined when they admit none. */
  #callFeed(organizationId: string, { types, callId, batchId }: EventFilters): CallEventQuery | undefined {
    const statuses = types?.filter(isCallEventType).map((type) => type.slice('call.'.length) as CallStatus);
    if (statuses?.length === 0) return undefined;
    // organization_id is null on rows that are not events, so this also keeps events only.
    let query = this.db.selectFrom('call_events').selectAll().where('organization_id', '=', organizationId);
    if (statuses) query = query.where('to_status', 'in', statuses);
    if (callId) query = query.where('call_id', '=', callId);
    if (batchId) {
      query = query.where('call_id', 'in', (eb) =>
        eb
          .selectFrom('calls')
          .select('calls.id')
          .where('calls.batch_id', '=', batchId)
          .where('calls.organization_id', '=', organizationId),
      );
    }
    return query;
  }

  /** The batch events the filters admit, or undefined when they admit none (a call's feed). */
  #batchFeed(organizationId: string, { types, callId, batchId }: EventFilters): BatchEventQuery | undefined {
    const batchTypes = types?.filter((type) => !isCallEventType(type));
    if (callId || batchTypes?.length === 0) return undefined;
    let query = this.db.selectFrom('batch_events').selectAll().where('organization_id', '=', organizationId);
    if (batchTypes) query = query.where('type', 'in', batchTypes);
    if (batchId) query = query.where('batch_id', '=', batchId);
    return query;
  }
}

function isCallEventType(type: EventType): boolean {
  return type.startsWith('call.');
}

/** Both kinds, oldest first by event id (each list given oldest or newest first, consistently). */
function merged(calls: CallEventRow[] | undefined, batches: BatchEventsTable[] | undefined): EventRow[] {
  const rows: EventRow[] = [...(calls ?? []).map(toCallEvent), ...(batches ?? []).map(toBatchEvent)];
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function toCallEvent(row: CallEventRow): EventRow {
  if (row.event_id === null || row.organization_id === null || row.sequence === null || !row.call_snapshot)
    throw new Error(`call event ${row.id} is not an event`);
  return {
    kind: 'call',
    id: row.event_id,
    organization_id: row.organization_id,
    call_id: row.call_id,
    status: row.to_status as CallStatus,
    sequence: row.sequence,
    at: row.at,
    call: JSON.parse(row.call_snapshot) as CallRow,
  };
}

function toBatchEvent(row: BatchEventsTable): EventRow {
  const { batch, counts } = JSON.parse(row.snapshot) as BatchEventSnapshot;
  return {
    kind: 'batch',
    id: row.event_id,
    organization_id: row.organization_id,
    batch_id: row.batch_id,
    type: row.type as BatchEventType,
    sequence: Number(row.sequence),
    at: row.at,
    batch,
    counts,
  };
}
