import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { CallEventRow, CallRow, CallStatus } from '../../ports/call-store';
import type { EventFilters, EventRow, EventStore } from '../../ports/event-store';
import type { Database } from './sqlite-schema';

/** Rows deleted per statement when purging, so the write lock is never held for long. */
const PURGE_BATCH = 1000;

type EventQuery = SelectQueryBuilder<Database, 'call_events', CallEventRow>;

/** The events are the call events that carry an event id (see migration 0004). */
export class SqliteEventStore implements EventStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(
    organizationId: string,
    filters: EventFilters,
    { limit, before }: { limit: number; before?: string | undefined },
  ): Promise<EventRow[]> {
    let query = this.#feed(organizationId, filters);
    if (before) query = query.where('event_id', '<', before);
    const rows = await query
      .orderBy('event_id', 'desc')
      .limit(limit + 1)
      .execute();
    return rows.map(toEventRow);
  }

  async listAfter(
    organizationId: string,
    filters: EventFilters,
    after: string | null,
    limit: number,
  ): Promise<EventRow[]> {
    let query = this.#feed(organizationId, filters);
    if (after) query = query.where('event_id', '>', after);
    const rows = await query.orderBy('event_id').limit(limit).execute();
    return rows.map(toEventRow);
  }

  async find(organizationId: string, eventId: string): Promise<EventRow | undefined> {
    const row = await this.#feed(organizationId, {}).where('event_id', '=', eventId).executeTakeFirst();
    return row && toEventRow(row);
  }

  async newestId(organizationId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('call_events')
      .select('event_id')
      .where('organization_id', '=', organizationId)
      .orderBy('event_id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.event_id ?? undefined;
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
      if (rows < PURGE_BATCH) return deleted;
    }
  }

  #feed(organizationId: string, { statuses, callId }: EventFilters): EventQuery {
    // organization_id is null on rows that are not events, so this also keeps events only.
    let query = this.db.selectFrom('call_events').selectAll().where('organization_id', '=', organizationId);
    if (statuses && statuses.length > 0) query = query.where('to_status', 'in', statuses);
    if (callId) query = query.where('call_id', '=', callId);
    return query;
  }
}

function toEventRow(row: CallEventRow): EventRow {
  if (row.event_id === null || row.organization_id === null || row.sequence === null || !row.call_snapshot)
    throw new Error(`call event ${row.id} is not an event`);
  return {
    id: row.event_id,
    organization_id: row.organization_id,
    call_id: row.call_id,
    status: row.to_status as CallStatus,
    sequence: row.sequence,
    at: row.at,
    call: JSON.parse(row.call_snapshot) as CallRow,
  };
}
