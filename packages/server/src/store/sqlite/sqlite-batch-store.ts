import { CALL_STATUSES, isTerminalStatus } from '@outdial/contract';
import type { Insertable, Kysely } from 'kysely';
import type {
  BatchCallCounts,
  BatchRow,
  BatchStore,
  NewBatchCall,
  StoredBatchStatus,
} from '../../ports/batch-store';
import type { CallRow, CallStatus, CallStore } from '../../ports/call-store';
import type { BatchEventType } from '../../ports/event-store';
import type { PageRequest } from '../../ports/page-request';
import { publishBatchEvent } from '../batch-changes';
import { publishCallTransition } from '../call-transitions';
import { newEventIdAfter } from '../ids';
import { batchCallCounts } from './batch-call-counts';
import { insertBatchEvent, insertBatchStartedIfDue, type WrittenBatchEvent } from './batch-events';
import { callCreationRow } from './call-creation-row';
import { nextDialTurn } from './dial-turns';
import { lockEventIds, newestEventId } from './event-ids';
import { isPostgres } from './migrations/dialect';
import type { Database } from './sqlite-schema';
import { enabledEndpointsOf, owedWebhookDeliveries } from './webhook-deliveries-of-event';

/**
 * Rows per multi-row insert: a call has about 30 columns, and SQLite caps bound parameters at
 * 32766 (PostgreSQL at 65535).
 */
const CALLS_PER_INSERT = 500;
const ROWS_PER_INSERT = 1000;

/** A batch's call events and their webhook deliveries, inserted ROWS_PER_INSERT at a time. */
async function insertEventsAndDeliveries(
  trx: Kysely<Database>,
  events: readonly Insertable<Database['call_events']>[],
  deliveries: readonly Insertable<Database['webhook_deliveries']>[],
): Promise<void> {
  for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('call_events')
      .values(events.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
  for (let i = 0; i < deliveries.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('webhook_deliveries')
      .values(deliveries.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
}
const UNFINISHED = CALL_STATUSES.filter((status) => !isTerminalStatus(status));

export class SqliteBatchStore implements BatchStore {
  /** @param calls the store whose transition channel the batch's first status changes are published as */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly calls: CallStore,
  ) {}

  async insertWithCalls(
    batch: BatchRow,
    calls: readonly NewBatchCall[],
    idempotencyKey?: { organizationId: string; key: string },
  ): Promise<CallRow[]> {
    const written = await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('batches').values(batch).execute();
      // Event ids increase in commit order within the organization (event-ids.ts).
      await lockEventIds(trx, batch.organization_id);
      // The queued calls' turns (dial-turns.ts): read once per priority, then consecutive in the
      // order given, so the batch's calls of one priority follow each other in its lane.
      const nextTurn = new Map<number, number>();
      for (const { call, status } of calls) {
        if (status === 'queued' && !nextTurn.has(call.priority))
          nextTurn.set(call.priority, await nextDialTurn(trx, call.priority, batch.id));
      }
      const turnOf = (priority: number): number => {
        const turn = nextTurn.get(priority) as number;
        nextTurn.set(priority, turn + 1);
        return turn;
      };
      const rows: CallRow[] = [];
      for (let i = 0; i < calls.length; i += CALLS_PER_INSERT) {
        const chunk = calls.slice(i, i + CALLS_PER_INSERT);
        const inserted = await trx
          .insertInto('calls')
          .values(
            chunk.map(({ call, status }) => ({
              ...call,
              status,
              dial_turn: status === 'queued' ? turnOf(call.priority) : null,
            })),
          )
          .returningAll()
          .execute();
        // RETURNING promises no order: put the rows back in the order given.
        const byId = new Map(inserted.map((row) => [row.id, row]));
        for (const { call } of chunk) rows.push(byId.get(call.id) as CallRow);
      }
      // Created with calls due now: the batch starts as it is created, its event before its calls'.
      const started = rows.some((row) => row.status !== 'scheduled')
        ? await insertBatchEvent(trx, batch, 'batch.started', new Date(batch.created_at))
        : undefined;
      let eventId = await newestEventId(trx, batch.organization_id);
      const endpoints = await enabledEndpointsOf(trx, batch.organization_id);
      const events = [];
      const deliveries = [];
      const owed: number[] = [];
      for (const row of rows) {
        // The creation row (history, not an event), then the first status change, as
        // insertInitiated and transition write them.
        events.push(callCreationRow(row));
        eventId = newEventIdAfter(eventId, Date.parse(row.updated_at));
        events.push({
          call_id: row.id,
          from_status: 'initiated' as const,
          to_status: row.status,
          at: row.updated_at,
          details: JSON.stringify({ reason: 'batch', batchId: batch.id }),
          event_id: eventId,
          organization_id: row.organization_id,
          sequence: 1,
          call_snapshot: JSON.stringify(row),
        });
        const ofCall = owedWebhookDeliveries(endpoints, {
          eventId,
          status: row.status,
          sequence: 1,
          at: row.updated_at,
          call: row,
        });
        deliveries.push(...ofCall);
        owed.push(ofCall.length);
      }
      await insertEventsAndDeliveries(trx, events, deliveries);
      if (idempotencyKey) {
        // The record's resource link: the batch, for a retry after a crash to find.
        await trx
          .updateTable('idempotency_records')
          .set({ call_id: batch.id })
          .where('organization_id', '=', idempotencyKey.organizationId)
          .where('key', '=', idempotencyKey.key)
          .execute();
      }
      return { rows, owed, started };
    });
    if (written.started) publishBatchEvent({ calls: this.calls, ...written.started });
    written.rows.forEach((call, i) => {
      publishCallTransition({
        calls: this.calls,
        from: 'initiated',
        to: call.status,
        call,
        details: { reason: 'batch', batchId: batch.id },
        webhookDeliveries: written.owed[i] ?? 0,
      });
    });
    return written.rows;
  }

  async cancel(
    batchId: string,
    from: readonly StoredBatchStatus[],
    at: Date,
  ): Promise<{ batch: BatchRow; calls: CallRow[] } | undefined> {
    const when = at.toISOString();
    const details = { reason: 'batch_cancelled', cancellation: 'before_dial', batchId };
    const written = await this.db.transaction().execute(async (trx) => {
      // Marked first, so no retry is made for a call ending meanwhile (BatchProgress reads it).
      const batch = await trx
        .updateTable('batches')
        .set({ status: 'cancelled', updated_at: when, completed_at: when })
        .where('id', '=', batchId)
        .where('status', 'in', from)
        .returningAll()
        .executeTakeFirst();
      if (!batch) return undefined;
      const waiting = await trx
        .selectFrom('calls')
        .select(['id', 'status'])
        .where('batch_id', '=', batchId)
        .where('status', 'in', ['scheduled', 'queued'])
        .$if(isPostgres(trx), (qb) => qb.forUpdate())
        .execute();
      // The organization's row orders its event ids on PostgreSQL (event-ids.ts). Locked after
      // the calls, as CallStore.transition locks its call and then the organization: the other
      // order deadlocks against the Dial queue claiming one of these calls meanwhile.
      await lockEventIds(trx, batch.organization_id);
      const fromOf = new Map(waiting.map((call) => [call.id, call.status]));
      const rows: CallRow[] = [];
      const ids = waiting.map((call) => call.id);
      for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
        rows.push(
          ...(await trx
            .updateTable('calls')
            .set({
              status: 'cancelled',
              cancellation: 'before_dial',
              ended_at: when,
              duration: 0,
              updated_at: when,
            })
            .where('id', 'in', ids.slice(i, i + ROWS_PER_INSERT))
            .where('status', 'in', ['scheduled', 'queued'])
            .returningAll()
            .execute()),
        );
      }
      const sequences = new Map<string, number>();
      for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
        const latest = await trx
          .selectFrom('call_events')
          .select(['call_id', (eb) => eb.fn.max('sequence').as('sequence')])
          .where('call_id', 'in', ids.slice(i, i + ROWS_PER_INSERT))
          .groupBy('call_id')
          .execute();
        for (const row of latest) sequences.set(row.call_id, Number(row.sequence ?? 0));
      }
      let eventId = await newestEventId(trx, batch.organization_id);
      const endpoints = await enabledEndpointsOf(trx, batch.organization_id);
      const events = [];
      const deliveries = [];
      const owed: number[] = [];
      for (const call of rows) {
        eventId = newEventIdAfter(eventId, at.getTime());
        const sequence = (sequences.get(call.id) ?? 0) + 1;
        events.push({
          call_id: call.id,
          from_status: fromOf.get(call.id) ?? 'queued',
          to_status: 'cancelled' as const,
          at: when,
          details: JSON.stringify(details),
          event_id: eventId,
          organization_id: call.organization_id,
          sequence,
          call_snapshot: JSON.stringify(call),
        });
        const ofCall = owedWebhookDeliveries(endpoints, {
          eventId,
          status: 'cancelled',
          sequence,
          at: when,
          call,
        });
        deliveries.push(...ofCall);
        owed.push(ofCall.length);
      }
      await insertEventsAndDeliveries(trx, events, deliveries);
      // After its calls' cancellations, so its counters show them.
      const cancelled = await insertBatchEvent(trx, batch, 'batch.cancelled', at);
      return {
        batch,
        cancelled,
        rows: rows.map((call) => ({ call, from: fromOf.get(call.id) ?? ('queued' as const) })),
        owed,
      };
    });
    if (!written) return undefined;
    written.rows.forEach(({ call, from }, i) => {
      publishCallTransition({
        calls: this.calls,
        from,
        to: 'cancelled',
        call,
        details,
        webhookDeliveries: written.owed[i] ?? 0,
      });
    });
    publishBatchEvent({ calls: this.calls, ...written.cancelled });
    return { batch: written.batch, calls: written.rows.map(({ call }) => call) };
  }

  find(batchId: string): Promise<BatchRow | undefined> {
    return this.db.selectFrom('batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  }

  list(
    organizationId: string,
    statuses: readonly StoredBatchStatus[] | undefined,
    { limit, after }: PageRequest,
  ): Promise<BatchRow[]> {
    let query = this.db.selectFrom('batches').selectAll().where('organization_id', '=', organizationId);
    if (statuses && statuses.length > 0) query = query.where('status', 'in', statuses);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', after.t),
          eb.and([eb('created_at', '=', after.t), eb('id', '<', after.i)]),
        ]),
      );
    }
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  async setStatus(
    batchId: string,
    to: 'paused' | 'active',
    from: readonly StoredBatchStatus[],
    at: Date,
  ): Promise<BatchRow | undefined> {
    const type = to === 'paused' ? 'batch.paused' : 'batch.resumed';
    return this.#changeWithEvent(
      type,
      at,
      (trx) =>
        trx
          .updateTable('batches')
          .set({ status: to, updated_at: at.toISOString() })
          .where('id', '=', batchId)
          .where('status', 'in', from)
          .returningAll()
          .executeTakeFirst(),
      // Paused before its calls fell due, a batch starts when it is resumed.
      to === 'active' ? (trx, batch) => insertBatchStartedIfDue(trx, batch, at) : undefined,
    );
  }

  completeIfFinished(batchId: string, at: Date): Promise<BatchRow | undefined> {
    return this.#changeWithEvent('batch.completed', at, (trx) =>
      trx
        .updateTable('batches')
        .set({ status: 'completed', updated_at: at.toISOString(), completed_at: at.toISOString() })
        .where('id', '=', batchId)
        .where('status', 'in', ['active', 'paused'])
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('calls')
                .select('calls.id')
                .where('calls.batch_id', '=', batchId)
                // The statuses still to finish, listed: a few ranges of the calls_by_batch index,
                // not a walk through every call of the batch.
                .where('calls.status', 'in', UNFINISHED),
            ),
          ),
        )
        .returningAll()
        .executeTakeFirst(),
    );
  }

  /** A guarded batch update and, when it matched, its event, in one transaction; published after. */
  async #changeWithEvent(
    type: BatchEventType,
    at: Date,
    change: (trx: Kysely<Database>) => Promise<BatchRow | undefined>,
    /** A second event the change may bring, after its own (`batch.started` on a resume). */
    then?: (trx: Kysely<Database>, batch: BatchRow) => Promise<WrittenBatchEvent | undefined>,
  ): Promise<BatchRow | undefined> {
    const written = await this.db.transaction().execute(async (trx) => {
      const batch = await change(trx);
      if (!batch) return undefined;
      const event = await insertBatchEvent(trx, batch, type, at);
      return { batch, events: [event, await then?.(trx, batch)] };
    });
    if (!written) return undefined;
    for (const event of written.events) if (event) publishBatchEvent({ calls: this.calls, ...event });
    return written.batch;
  }

  counts(batchId: string): Promise<BatchCallCounts> {
    return batchCallCounts(this.db, batchId);
  }
  callsWithStatus(batchId: string, statuses: readonly CallStatus[]): Promise<CallRow[]> {
    if (statuses.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('calls')
      .selectAll()
      .where('batch_id', '=', batchId)
      .where('status', 'in', statuses)
      .orderBy('priority')
      .orderBy('seq')
      .execute();
  }

  async pausedIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('batches').select('id').where('status', '=', 'paused').execute();
    return rows.map((row) => row.id);
  }

  async concurrencyLimits(): Promise<{ id: string; maxConcurrentCalls: number }[]> {
    const rows = await this.db
      .selectFrom('batches')
      .select(['id', 'max_concurrent_calls'])
      .where('status', 'in', ['active', 'paused'])
      .where('max_concurrent_calls', 'is not', null)
      .execute();
    return rows.map((row) => ({ id: row.id, maxConcurrentCalls: Number(row.max_concurrent_calls) }));
  }

  endedWithoutSuccessor(statuses: readonly CallStatus[]): Promise<CallRow[]> {
    if (statuses.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('calls as c')
      .innerJoin('batches as b', 'b.id', 'c.batch_id')
      .selectAll('c')
      .where('b.status', 'in', ['active', 'paused'])
      .where('c.status', 'in', statuses)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('calls as s').select('s.id').whereRef('s.retry_of', '=', 'c.id'))),
      )
      .orderBy('c.seq')
      .execute();
  }
}
