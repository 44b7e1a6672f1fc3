import type { Kysely } from 'kysely';
import type { PageRequest } from '../../ports/page-request';
import type {
  DeliveryOutcome,
  RecordedAttempt,
  WebhookAttemptRecord,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookDeliveryStore,
} from '../../ports/webhook-delivery-store';
import { isPostgres } from './migrations/dialect';
import type { Database } from './sqlite-schema';

/** Rows deleted per statement when purging, so the write lock is never held for long. */
const PURGE_BATCH = 1000;

export class SqliteWebhookDeliveryStore implements WebhookDeliveryStore {
  constructor(private readonly db: Kysely<Database>) {}

  insert(delivery: WebhookDeliveryRow): Promise<WebhookDeliveryRow> {
    return this.db.insertInto('webhook_deliveries').values(delivery).returningAll().executeTakeFirstOrThrow();
  }

  find(
    organizationId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryRow | undefined> {
    return this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .where('endpoint_id', '=', endpointId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
  }

  list(
    organizationId: string,
    endpointId: string,
    filters: { status?: WebhookDeliveryStatus | undefined },
    { limit, after }: PageRequest,
  ): Promise<WebhookDeliveryRow[]> {
    let query = this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .where('organization_id', '=', organizationId);
    if (filters.status) query = query.where('status', '=', filters.status);
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

  async dueTargets(now: string, limit: number, skip: readonly string[] = []): Promise<string[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select('target')
      .distinct()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
      .$if(skip.length > 0, (qb) => qb.where('target', 'not in', skip))
      .limit(limit)
      .execute();
    return rows.map((row) => row.target);
  }

  claim(target: string, now: string, claimedUntil: string, limit: number): Promise<WebhookDeliveryRow[]> {
    return this.db.transaction().execute(async (trx) => {
      const candidates = await trx
        .selectFrom('webhook_deliveries as d')
        .select('d.id')
        .where('d.target', '=', target)
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('d.claimed_until', 'is', null), eb('d.claimed_until', '<=', now)]))
        // A call's events in sequence order: not while an earlier one is pending for this target.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('webhook_deliveries as e')
                .select('e.id')
                .whereRef('e.target', '=', 'd.target')
                .whereRef('e.call_id', '=', 'd.call_id')
                .whereRef('e.sequence', '<', 'd.sequence')
                .where('e.status', '=', 'pending'),
            ),
          ),
        )
        .orderBy('d.next_attempt_at')
        .orderBy('d.id')
        .limit(limit)
        // SQLite has one writer (this transaction holds it). PostgreSQL replicas claim side by
        // side: each skips the rows another is claiming.
        .$if(isPostgres(trx), (qb) => qb.forUpdate().skipLocked())
        .execute();
      if (candidates.length === 0) return [];
      return trx
        .updateTable('webhook_deliveries')
        .set({ claimed_until: claimedUntil })
        .where(
          'id',
          'in',
          candidates.map((row) => row.id),
        )
        .returningAll()
        .execute();
    });
  }

  recordAttempt(
    deliveryId: string,
    attempt: WebhookAttemptRecord | null,
    outcome: DeliveryOutcome,
  ): Promise<void> {
    return this.recordAttempts([{ deliveryId, attempt, outcome }]);
  }

  async recordAttempts(records: readonly RecordedAttempt[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('webhook_deliveries')
        .select(['id', 'attempts'])
        .where(
          'id',
          'in',
          records.map((record) => record.deliveryId),
        )
        .$if(isPostgres(trx), (qb) => qb.forUpdate())
        .execute();
      // Deleted with its endpoint meanwhile: nothing left to record.
      const logs = new Map(rows.map((row) => [row.id, JSON.parse(row.attempts) as WebhookAttemptRecord[]]));
      for (const { deliveryId, attempt, outcome } of records) {
        const attempts = logs.get(deliveryId);
        if (!attempts) continue;
        if (attempt) attempts.push(attempt);
        await trx
          .updateTable('webhook_deliveries')
          .set({
            attempts: JSON.stringify(attempts),
            status: outcome.status,
            next_attempt_at: outcome.nextAttemptAt,
            claimed_until: null,
          })
          .where('id', '=', deliveryId)
          .execute();
      }
    });
  }

  makeDue(
    organizationId: string,
    endpointId: string,
    deliveryId: string,
    now: string,
  ): Promise<WebhookDeliveryRow | undefined> {
    return this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: now })
      .where('id', '=', deliveryId)
      .where('endpoint_id', '=', endpointId)
      .where('organization_id', '=', organizationId)
      .returningAll()
      .executeTakeFirst();
  }

  async nextDueAt(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.min('next_attempt_at').as('due'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row?.due ?? undefined;
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const before = cutoff.toISOString();
    let deleted = 0;
    for (;;) {
      const result = await this.db
        .deleteFrom('webhook_deliveries')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('webhook_deliveries')
            .select('id')
            .where('created_at', '<', before)
            .where('status', '!=', 'pending')
            .limit(PURGE_BATCH),
        )
        .executeTakeFirst();
      const rows = Number(result.numDeletedRows);
      deleted += rows;
      if (rows < PURGE_BATCH) return deleted;
    }
  }
}
