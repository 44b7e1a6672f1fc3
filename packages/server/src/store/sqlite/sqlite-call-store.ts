/**
 * @module
 * Reading and creating calls. Status changes after creation go through `transitionCall`
 * (call-transitions.ts), the single write path for statuses.
 */
import type { Kysely } from 'kysely';
import type { CallStatus } from '../calls/call-status';
import type { PageCursor } from './page-cursor';
import type { CallRow, Database, NewCallRow } from './schema';

/**
 * Inserts a call as `initiated` together with its first call event, in one transaction.
 * The caller then moves it to `queued` with `transitionCall`.
 */
export async function insertInitiatedCall(
  db: Kysely<Database>,
  call: Omit<NewCallRow, 'status' | 'seq'>,
  /** The Idempotency-Key claim this call answers: linked in the same transaction. */
  idempotencyKey?: { organizationId: string; key: string },
): Promise<CallRow> {
  return db.transaction().execute(async (trx) => {
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

/** Any organization's call: the caller tells 403 from 404. */
export async function findCall(db: Kysely<Database>, callId: string): Promise<CallRow | undefined> {
  return db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
}

export interface CallFilters {
  agentId?: string | undefined;
  statuses?: readonly CallStatus[] | undefined;
  phoneNumber?: string | undefined;
  /** Inclusive bounds on started_at (ISO 8601). */
  startDate?: string | undefined;
  endDate?: string | undefined;
}

/** Newest first by (started_at, id); `limit + 1` rows so the caller knows whether more follow. */
export async function listCalls(
  db: Kysely<Database>,
  organizationId: string,
  filters: CallFilters,
  { limit, after }: { limit: number; after?: PageCursor | undefined },
): Promise<CallRow[]> {
  let query = db.selectFrom('calls').selectAll().where('organization_id', '=', organizationId);
  if (filters.agentId) query = query.where('agent_id', '=', filters.agentId);
  if (filters.statuses && filters.statuses.length > 0) query = query.where('status', 'in', filters.statuses);
  if (filters.phoneNumber) query = query.where('phone_number', '=', filters.phoneNumber);
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

/**
 * The 1-based position of a queued call in the Dial queue: the queued calls ahead of it in
 * (priority, seq) order, plus one. The queue is shared by every organization, so so is the count.
 */
export async function queuePositionOf(
  db: Kysely<Database>,
  call: Pick<CallRow, 'priority' | 'seq'>,
): Promise<number> {
  const { ahead } = await db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number | bigint>().as('ahead'))
    .where('status', '=', 'queued')
    .where((eb) =>
      eb.or([
        eb('priority', '<', call.priority),
        eb.and([eb('priority', '=', call.priority), eb('seq', '<', call.seq)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(ahead) + 1;
}
