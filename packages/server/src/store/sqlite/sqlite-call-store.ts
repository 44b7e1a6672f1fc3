import type { Kysely } from 'kysely';
import type {
  CallEventRow,
  CallFilters,
  CallRow,
  CallStatus,
  CallStore,
  NewCall,
  TransitionOptions,
} from '../../ports/call-store';
import { type Clock, wallClock } from '../../ports/clock';
import type { PageRequest } from '../../ports/page-request';
import { publishBatchEvent } from '../batch-changes';
import { publishCallTransition, transitionSources } from '../call-transitions';
import { insertBatchStartedIfFirst, type WrittenBatchEvent } from './batch-events';
import { nextDialTurn } from './dial-turns';
import { lockEventIds, nextEventId } from './event-ids';
import { isPostgres } from './migrations/dialect';
import type { Database } from './sqlite-schema';
import { insertOwedWebhookDeliveries } from './webhook-deliveries-of-event';

/** SQLite caps bound parameters (32766 since 3.32); lookups by id go in chunks well below it. */
const IDS_PER_QUERY = 500;

export class SqliteCallStore implements CallStore {
  /** @param clock stamps transitions that bring no `now` of their own */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = wallClock,
  ) {}

  insertInitiated(call: NewCall, idempotencyKey?: { organizationId: string; key: string }): Promise<CallRow> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('calls')
        .values({ ...call, status: 'initiated' })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('call_events')
        .values({
          call_id: row.id,
          from_status: null,
          to_status: 'initiated',
          at: row.started_at,
          details: '{}',
          // Creation is not an event (see CallEventRow.event_id).
          event_id: null,
          organization_id: null,
          sequence: null,
          call_snapshot: null,
        })
        .execute();
      if (idempotencyKey) {
        await trx
          .updateTable('idempotency_records')
          .set({ call_id: row.id })
          .where('organization_id', '=', idempotencyKey.organizationId)
          .where('key', '=', idempotencyKey.key)
          .execute();
      }
      return row;
    });
  }

  find(callId: string): Promise<CallRow | undefined> {
    return this.db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
  }

  list(organizationId: string, filters: CallFilters, { limit, after }: PageRequest): Promise<CallRow[]> {
    let query = this.db.selectFrom('calls').selectAll().where('organization_id', '=', organizationId);
    if (filters.agentId) query = query.where('agent_id', '=', filters.agentId);
    if (filters.batchId) query = query.where('batch_id', '=', filters.batchId);
    if (filters.statuses && filters.statuses.length > 0)
      query = query.where('status', 'in', filters.statuses);
    if (filters.phoneNumber) query = query.where('phone_number', '=', filters.phoneNumber);
    // Canonical ISO text on both sides, so comparing the texts compares the instants.
    if (filters.startDate) query = query.where('started_at', '>=', filters.startDate);
    if (filters.endDate) query = query.where('started_at', '<=', filters.endDate);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('started_at', '<', after.t),
          eb.and([eb('started_at', '=', after.t), eb('id', '<', after.i)]),
        ]),
      );
    }
    return query
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  async transition(
    callId: string,
    to: CallStatus,
    { patch = {}, details = {}, from, now = this.clock.now() }: TransitionOptions = {},
  ): Promise<CallRow | undefined> {
    const sources = transitionSources(to, from);
    if (sources.length === 0) return undefined;
    const at = now.toISOString();
    let previous: CallStatus | undefined;
    let webhookDeliveries = 0;
    let batchStarted: WrittenBatchEvent | undefined;
    const written = await this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('calls')
        .select(['status', 'priority', 'batch_id', 'dial_turn'])
        .where('id', '=', callId)
        // SQLite's transactions are serial (they begin IMMEDIATE), so the status read is the one
        // the update finds. PostgreSQL's run side by side: without the row lock, two changes of
        // one call (ringing and active, from two webhooks) both read `connecting`, and the
        // second's guarded update, once the first commits, matches nothing: `active` would be lost.
        .$if(isPostgres(trx), (qb) => qb.forUpdate())
        .executeTakeFirst();
      if (!current || !sources.includes(current.status)) return undefined;
      // Entering the Dial queue: its turn there, read in this transaction (see dial-turns.ts). A
      // claimed call handed back before its INVITE (its batch paused) keeps the turn it had.
      const turn =
        to === 'queued' && !(current.status === 'connecting' && current.dial_turn != null)
          ? { dial_turn: await nextDialTurn(trx, current.priority, current.batch_id ?? null) }
          : {};
      // Guarded on the status just read: a change committed in between makes this a no-op.
      const updated = await trx
        .updateTable('calls')
        .set({ ...patch, ...turn, status: to, updated_at: at })
        .where('id', '=', callId)
        .where('status', '=', current.status)
        .returningAll()
        .executeTakeFirst();
      if (!updated) return undefined;
      // Event ids must increase in commit order within the organization (they are resume
      // points): the lock orders this transaction's ids after every other writer's (event-ids.ts);
      // the call's own row lock (the update above) already orders its events.
      await lockEventIds(trx, updated.organization_id);
      // A batch's first call to become due starts it: its `batch.started` goes first.
      if (
        updated.batch_id &&
        (current.status === 'scheduled' || current.status === 'initiated') &&
        to !== 'scheduled' &&
        to !== 'cancelled'
      ) {
        batchStarted = await insertBatchStartedIfFirst(trx, updated.batch_id, now);
      }
      const previousEvent = await trx
        .selectFrom('call_events')
        .select('sequence')
        .where('call_id', '=', callId)
        .where('sequence', 'is not', null)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const eventId = await nextEventId(trx, updated.organization_id, now);
      const sequence = (previousEvent?.sequence ?? 0) + 1;
      await trx
        .insertInto('call_events')
        .values({
          call_id: callId,
          from_status: current.status,
          to_status: to,
          at,
          details: JSON.stringify(details),
          event_id: eventId,
          organization_id: updated.organization_id,
          sequence,
          call_snapshot: JSON.stringify(updated),
        })
        .execute();
      // The webhook outbox: what this event owes, committed with it.
      webhookDeliveries = await insertOwedWebhookDeliveries(trx, {
        eventId,
        status: to,
        sequence,
        at,
        call: updated,
      });
      previous = current.status;
      return updated;
    });
    if (batchStarted) publishBatchEvent({ calls: this, ...batchStarted });
    if (written && previous)
      publishCallTransition({ calls: this, from: previous, to, call: written, details, webhookDeliveries });
    return written;
  }

  events(callId: string): Promise<CallEventRow[]> {
    return this.db
      .selectFrom('call_events')
      .selectAll()
      .where('call_id', '=', callId)
      .orderBy('id')
      .execute();
  }

  async statusesOf(callIds: readonly string[]): Promise<Pick<CallRow, 'id' | 'status'>[]> {
    const rows: Pick<CallRow, 'id' | 'status'>[] = [];
    for (let i = 0; i < callIds.length; i += IDS_PER_QUERY) {
      rows.push(
        ...(await this.db
          .selectFrom('calls')
          .select(['id', 'status'])
          .where('id', 'in', callIds.slice(i, i + IDS_PER_QUERY))
          .execute()),
      );
    }
    return rows;
  }

  async idsWithStatus(statuses: readonly CallStatus[]): Promise<string[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db.selectFrom('calls').select('id').where('status', 'in', statuses).execute();
    return rows.map((row) => row.id);
  }

  async countByStatus<S extends CallStatus>(statuses: readonly S[]): Promise<Record<S, number>> {
    const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<S, number>;
    if (statuses.length === 0) return counts;
    const rows = await this.db
      .selectFrom('calls')
      .select(['status', (eb) => eb.fn.countAll<number>().as('calls')])
      .where('status', 'in', statuses)
      .groupBy('status')
      .execute();
    for (const row of rows) counts[row.status as S] = Number(row.calls);
    return counts;
  }
}
