import type { Kysely, Transaction } from 'kysely';
import type {
  CallEntry,
  CallEventRow,
  CallFilters,
  CallPatch,
  CallRow,
  CallStatus,
  CallStore,
  IdempotencyCompletion,
  NewCall,
  TransitionOptions,
} from '../../ports/call-store';
import { type Clock, wallClock } from '../../ports/clock';
import type { PageRequest } from '../../ports/page-request';
import { publishBatchEvent } from '../batch-changes';
import { publishCallTransition, transitionSources } from '../call-transitions';
import { insertBatchStartedIfFirst, type WrittenBatchEvent } from './batch-events';
import { callCreationRow } from './call-creation-row';
import { nextDialTurn } from './dial-turns';
import { lockEventIds, nextEventId } from './event-ids';
import type { GroupCommit } from './group-commit';
import { isPostgres } from './migrations/dialect';
import { PrecompiledQuery } from './precompiled-query';
import type { Database } from './sqlite-schema';
import { enabledEndpointsOf, insertOwedWebhookDeliveries } from './webhook-deliveries-of-event';

/** A call by id: every GET of a call, every webhook and dial step. */
const callById = new PrecompiledQuery<{ id: string }, CallRow>((db, arg) =>
  db.selectFrom('calls').selectAll().where('id', '=', arg('id')),
);

/**
 * What a transition reads first. SQLite's transactions are serial (they begin IMMEDIATE), so the
 * status read is the one the update finds. PostgreSQL's run side by side: without the row lock,
 * two changes of one call (ringing and active, from two webhooks) both read `connecting`, and the
 * second's guarded update, once the first commits, matches nothing: `active` would be lost.
 */
const transitionSource = new PrecompiledQuery<
  { id: string },
  Pick<CallRow, 'status' | 'priority' | 'batch_id' | 'dial_turn'>
>((db, arg) =>
  db
    .selectFrom('calls')
    .select(['status', 'priority', 'batch_id', 'dial_turn'])
    .where('id', '=', arg('id'))
    .$if(isPostgres(db), (qb) => qb.forUpdate()),
);

/** The sequence of a call's newest event that has one (its `initiated` event has none). */
const lastSequence = new PrecompiledQuery<{ callId: string }, { sequence: number | null }>((db, arg) =>
  db
    .selectFrom('call_events')
    .select('sequence')
    .where('call_id', '=', arg('callId'))
    .where('sequence', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1),
);

/** A transition's call event: four for every call dialed. */
const insertCallEvent = new PrecompiledQuery<Omit<CallEventRow, 'id'>, never>((db, arg) =>
  db.insertInto('call_events').values({
    call_id: arg('call_id'),
    from_status: arg('from_status'),
    to_status: arg('to_status'),
    at: arg('at'),
    details: arg('details'),
    event_id: arg('event_id'),
    organization_id: arg('organization_id'),
    sequence: arg('sequence'),
    call_snapshot: arg('call_snapshot'),
  }),
);

/** SQLite caps bound parameters (32766 since 3.32); lookups by id go in chunks well below it. */
const IDS_PER_QUERY = 500;

/** A status change as committed, and what it owes to be published. */
interface WrittenTransition {
  call: CallRow;
  from: CallStatus;
  webhookDeliveries: number;
  batchStarted: WrittenBatchEvent | undefined;
}

export class SqliteCallStore implements CallStore {
  /**
   * @param clock stamps transitions that bring no `now` of their own
   * @param groupCommit commits concurrent creates together (SQLite only: PostgreSQL runs its
   *   transactions side by side)
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = wallClock,
    private readonly groupCommit?: GroupCommit,
  ) {}

  insertInitiated(call: NewCall, idempotencyKey?: { organizationId: string; key: string }): Promise<CallRow> {
    return this.db.transaction().execute(async (trx) => {
      const row = await insertInitiatedRow(trx, call);
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

  async create(call: NewCall, entry: CallEntry, idempotency?: IdempotencyCompletion): Promise<CallRow> {
    // The status machine's say, as transition asks it: a new call leaves `initiated` for `to`.
    if (transitionSources(entry.to, ['initiated']).length === 0)
      throw new Error(`a new call cannot move to ${entry.to}`);
    const details = entry.details ?? {};
    const write = async (trx: Transaction<Database>): Promise<WrittenTransition> => {
      const written = await this.#writeCreate(trx, call, entry, details);
      if (idempotency) {
        const { status, body } = idempotency.response(written.call);
        await trx
          .updateTable('idempotency_records')
          .set({
            state: 'completed',
            response_status: status,
            response_body: JSON.stringify(body),
            call_id: written.call.id,
          })
          .where('organization_id', '=', idempotency.organizationId)
          .where('key', '=', idempotency.key)
          .execute();
      }
      return written;
    };
    const written = this.groupCommit
      ? await this.groupCommit.run(write)
      : await this.db.transaction().execute(write);
    this.#publish(written, entry.to, details);
    return written.call;
  }

  /**
   * A new call written as it ends up: the row already in `entry.to` (one insert, not an insert
   * and an update), and its two events, `initiated` and the entry, in one insert. What
   * `insertInitiated` and `transition` would write, in fewer statements.
   */
  async #writeCreate(
    trx: Transaction<Database>,
    call: NewCall,
    entry: CallEntry,
    details: Record<string, unknown>,
  ): Promise<WrittenTransition> {
    // Taken when the write runs, not when the request began: an event id is never older than
    // its commit (eventIdFloor relies on it), and the write may wait for its group.
    const now = this.clock.now();
    const at = now.toISOString();
    const batchId = call.batch_id ?? null;
    // Read before the event-id lock, which on PostgreSQL serializes every write of the
    // organization's events across replicas until commit: the fewer statements it is held for,
    // the more creates per second. It does not need the lock: an endpoint enabled meanwhile races
    // this event whatever the order.
    const endpoints = await enabledEndpointsOf(trx, call.organization_id);
    // PostgreSQL: the event-id lock (on the organization's row) before the insert, whose foreign
    // key takes a share lock on that row: two creates each holding the share lock and then
    // asking for the update lock would deadlock. It also makes concurrent creates' dial turns
    // consecutive (read under it), as on SQLite.
    await lockEventIds(trx, call.organization_id);
    // Entering the Dial queue: its turn there, read in this transaction (see dial-turns.ts).
    const turn = entry.to === 'queued' ? { dial_turn: await nextDialTurn(trx, call.priority, batchId) } : {};
    const row = await trx
      .insertInto('calls')
      .values({ ...call, ...entry.patch, ...turn, status: entry.to, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    // A batch's first call to become due starts it: its `batch.started` goes first.
    const batchStarted =
      batchId && entry.to !== 'scheduled' ? await insertBatchStartedIfFirst(trx, batchId, now) : undefined;
    const eventId = await nextEventId(trx, row.organization_id, now);
    const sequence = 1;
    // In this order: the events' ids order a call's history (events()).
    await trx
      .insertInto('call_events')
      .values([
        callCreationRow(row),
        {
          call_id: row.id,
          from_status: 'initiated',
          to_status: entry.to,
          at,
          details: JSON.stringify(details),
          event_id: eventId,
          organization_id: row.organization_id,
          sequence,
          call_snapshot: JSON.stringify(row),
        },
      ])
      .execute();
    // The webhook outbox: what this event owes, committed with it.
    const webhookDeliveries = await insertOwedWebhookDeliveries(
      trx,
      { eventId, status: entry.to, sequence, at, call: row },
      endpoints,
    );
    return { call: row, from: 'initiated', webhookDeliveries, batchStarted };
  }

  find(callId: string): Promise<CallRow | undefined> {
    return callById.takeFirst(this.db, { id: callId });
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
    const written = await this.db.transaction().execute(async (trx) => {
      const current = await transitionSource.takeFirst(trx, { id: callId });
      if (!current || !sources.includes(current.status)) return undefined;
      return this.#writeTransition(trx, { id: callId, ...current }, to, { patch, details, now });
    });
    if (!written) return undefined;
    this.#publish(written, to, details);
    return written.call;
  }

  /**
   * The status change from `current` (read, or just inserted, in this transaction), its call
   * event and the webhook deliveries it owes.
   * @returns undefined when a change committed in between moved the call first
   */
  async #writeTransition(
    trx: Transaction<Database>,
    current: Pick<CallRow, 'id' | 'status' | 'priority' | 'batch_id' | 'dial_turn'>,
    to: CallStatus,
    { patch, details, now }: { patch: CallPatch; details: Record<string, unknown>; now: Date },
  ): Promise<WrittenTransition | undefined> {
    const callId = current.id;
    const at = now.toISOString();
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
    // A call just created has only its `initiated` event, which has no sequence. The call's row
    // lock (the update above) orders its events; read before the event-id lock (see #writeCreate).
    const previousEvent =
      current.status === 'initiated' ? undefined : await lastSequence.takeFirst(trx, { callId });
    const endpoints = await enabledEndpointsOf(trx, updated.organization_id);
    // Event ids must increase in commit order within the organization (they are resume
    // points): the lock orders this transaction's ids after every other writer's (event-ids.ts).
    await lockEventIds(trx, updated.organization_id);
    // A batch's first call to become due starts it: its `batch.started` goes first.
    let batchStarted: WrittenBatchEvent | undefined;
    if (
      updated.batch_id &&
      (current.status === 'scheduled' || current.status === 'initiated') &&
      to !== 'scheduled' &&
      to !== 'cancelled'
    ) {
      batchStarted = await insertBatchStartedIfFirst(trx, updated.batch_id, now);
    }
    const eventId = await nextEventId(trx, updated.organization_id, now);
    const sequence = (previousEvent?.sequence ?? 0) + 1;
    await insertCallEvent.rows(trx, {
      call_id: callId,
      from_status: current.status,
      to_status: to,
      at,
      details: JSON.stringify(details),
      event_id: eventId,
      organization_id: updated.organization_id,
      sequence,
      call_snapshot: JSON.stringify(updated),
    });
    // The webhook outbox: what this event owes, committed with it.
    const webhookDeliveries = await insertOwedWebhookDeliveries(
      trx,
      { eventId, status: to, sequence, at, call: updated },
      endpoints,
    );
    return { call: updated, from: current.status, webhookDeliveries, batchStarted };
  }

  /** After the commit: a rolled-back change is never reported. */
  #publish(written: WrittenTransition, to: CallStatus, details: Record<string, unknown>): void {
    if (written.batchStarted) publishBatchEvent({ calls: this, ...written.batchStarted });
    publishCallTransition({
      calls: this,
      from: written.from,
      to,
      call: written.call,
      details,
      webhookDeliveries: written.webhookDeliveries,
    });
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

/** The call as `initiated`, with its first call event. */
async function insertInitiatedRow(trx: Transaction<Database>, call: NewCall): Promise<CallRow> {
  const row = await trx
    .insertInto('calls')
    .values({ ...call, status: 'initiated' })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.insertInto('call_events').values(callCreationRow(row)).execute();
  return row;
}
