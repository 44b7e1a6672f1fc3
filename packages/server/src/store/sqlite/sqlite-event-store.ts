import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { CallEventRow, CallRow, CallStatus } from '../../ports/call-store';
import type { BatchEventType, EventFilters, EventRow, EventStore, EventType } from '../../ports/event-store';
import { isPostgres } from './migrations/dialect';
import type { SqliteReader } from './sqlite-reader';
import type { BatchEventSnapshot, BatchEventsTable, Database } from './sqlite-schema';

/** Rows deleted per statement when purging, so the write lock is never held for long. */
const PURGE_BATCH = 1000;

type CallEventQuery = SelectQueryBuilder<Database, 'call_events', CallEventRow>;
type BatchEventQuery = SelectQueryBuilder<Database, 'batch_events', BatchEventsTable>;

/** The queries of one read: one per kind of event it asks for (none for a kind it excludes). */
interface EventQueries<C, B> {
  calls: SelectQueryBuilder<Database, 'call_events', C> | undefined;
  batches: SelectQueryBuilder<Database, 'batch_events', B> | undefined;
}

/**
 * The events are the call events that carry an event id (see migration 0004) and the batch
 * events (migration 0009). Each read asks both tables for the same page by event id, through
 * their (organization_id, event_id) indexes, and merges the two: the ids share one order.
 */
export class SqliteEventStore implements EventStore {
  readonly #reader: SqliteReader | undefined;
  /** Only with a reader: the live feeds read with it at once (see SqliteReader). */
  readonly listAfterNow?: EventStore['listAfterNow'];

  /**
   * @param db the connection that writes (the purge), and reads when there is no reader; on
   *   PostgreSQL, its pool
   * @param reader a read-only connection to the same SQLite file, for the reads
   */
  constructor(
    private readonly db: Kysely<Database>,
    reader?: SqliteReader,
  ) {
    this.#reader = reader;
    if (reader) {
      this.listAfterNow = (organizationId, filters, after, limit) => {
        const [calls, batches] = readNow(reader, this.#after(this.db, organizationId, filters, after, limit));
        return merged(calls, batches).slice(0, limit);
      };
    }
  }

  async list(
    organizationId: string,
    filters: EventFilters,
    { limit, before }: { limit: number; before?: string | undefined },
  ): Promise<EventRow[]> {
    const [calls, batches] = await this.#read((db) => {
      const calls = this.#callFeed(db, organizationId, filters);
      const batches = this.#batchFeed(db, organizationId, filters);
      return {
        calls:
          calls &&
          (before ? calls.where('event_id', '<', before) : calls)
            .orderBy('event_id', 'desc')
            .limit(limit + 1),
        batches:
          batches &&
          (before ? batches.where('event_id', '<', before) : batches)
            .orderBy('event_id', 'desc')
            .limit(limit + 1),
      };
    });
    return merged(calls, batches)
      .reverse()
      .slice(0, limit + 1);
  }

  async listAfter(
    organizationId: string,
    filters: EventFilters,
    after: string | null,
    limit: number,
  ): Promise<EventRow[]> {
    const [calls, batches] = await this.#read((db) => this.#after(db, organizationId, filters, after, limit));
    return merged(calls, batches).slice(0, limit);
  }

  async find(organizationId: string, eventId: string): Promise<EventRow | undefined> {
    const [calls, batches] = await this.#read((db) => ({
      calls: this.#callFeed(db, organizationId, {})?.where('event_id', '=', eventId).limit(1),
      batches: this.#batchFeed(db, organizationId, {})?.where('event_id', '=', eventId).limit(1),
    }));
    return merged(calls, batches)[0];
  }

  async newestId(organizationId: string): Promise<string | undefined> {
    const [calls, batches] = await this.#read((db) => ({
      calls: db
        .selectFrom('call_events')
        .select('event_id')
        .where('organization_id', '=', organizationId)
        .orderBy('event_id', 'desc')
        .limit(1),
      batches: db
        .selectFrom('batch_events')
        .select('event_id')
        .where('organization_id', '=', organizationId)
        .orderBy('event_id', 'desc')
        .limit(1),
    }));
    return [calls?.[0]?.event_id, batches?.[0]?.event_id]
      .filter((id): id is string => typeof id === 'string')
      .sort()
      .at(-1);
  }

  /** The live feeds' read: both kinds strictly after `after`, oldest first. */
  #after(
    db: Kysely<Database>,
    organizationId: string,
    filters: EventFilters,
    after: string | null,
    limit: number,
  ): EventQueries<CallEventRow, BatchEventsTable> {
    const calls = this.#callFeed(db, organizationId, filters);
    const batches = this.#batchFeed(db, organizationId, filters);
    return {
      calls: calls && (after ? calls.where('event_id', '>', after) : calls).orderBy('event_id').limit(limit),
      batches:
        batches && (after ? batches.where('event_id', '>', after) : batches).orderBy('event_id').limit(limit),
    };
  }

  /**
   * Runs a read's queries in one snapshot: on the reader at once, else through kysely. Read one
   * after the other outside a snapshot, a commit landing in between (a call's terminal event and
   * its batch's `batch.completed`, in one transaction) could be half seen: the later batch event
   * without the earlier call event, and a feed whose cursor moved past it would never send it.
   */
  async #read<C, B>(
    build: (db: Kysely<Database>) => EventQueries<C, B>,
  ): Promise<[C[] | undefined, B[] | undefined]> {
    if (this.#reader) return readNow(this.#reader, build(this.db));
    const alone = build(this.db);
    if (!alone.calls || !alone.batches) return [await alone.calls?.execute(), await alone.batches?.execute()];
    const transaction = this.db.transaction();
    // PostgreSQL's default (read committed) takes a snapshot per statement; on SQLite's one
    // connection, the transaction keeps every other write out until both reads are done.
    return (isPostgres(this.db) ? transaction.setIsolationLevel('repeatable read') : transaction).execute(
      async (trx) => {
        const queries = build(trx);
        return [await queries.calls?.execute(), await queries.batches?.execute()];
      },
    );
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
  #callFeed(
    db: Kysely<Database>,
    organizationId: string,
    { types, callId, batchId }: EventFilters,
  ): CallEventQuery | undefined {
    const statuses = types?.filter(isCallEventType).map((type) => type.slice('call.'.length) as CallStatus);
    if (statuses?.length === 0) return undefined;
    // organization_id is null on rows that are not events, so this also keeps events only.
    let query = db.selectFrom('call_events').selectAll().where('organization_id', '=', organizationId);
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
  #batchFeed(
    db: Kysely<Database>,
    organizationId: string,
    { types, callId, batchId }: EventFilters,
  ): BatchEventQuery | undefined {
    const batchTypes = types?.filter((type) => !isCallEventType(type));
    if (callId || batchTypes?.length === 0) return undefined;
    let query = db.selectFrom('batch_events').selectAll().where('organization_id', '=', organizationId);
    if (batchTypes) query = query.where('type', 'in', batchTypes);
    if (batchId) query = query.where('batch_id', '=', batchId);
    return query;
  }
}

function isCallEventType(type: EventType): boolean {
  return type.startsWith('call.');
}

function readNow<C, B>(
  reader: SqliteReader,
  queries: EventQueries<C, B>,
): [C[] | undefined, B[] | undefined] {
  return reader.snapshot(() => [
    queries.calls && reader.all(queries.calls),
    queries.batches && reader.all(queries.batches),
  ]);
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
