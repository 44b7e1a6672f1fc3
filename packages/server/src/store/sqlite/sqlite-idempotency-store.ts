import type { Kysely } from 'kysely';
import type {
  ClaimResult,
  IdempotencyClaim,
  IdempotencyRecordRow,
  IdempotencyStore,
} from '../../ports/idempotency-store';
import type { Database } from './sqlite-schema';

export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    const { organization_id: organizationId, key } = claim;
    // An expired record no longer counts: drop it so the key can be claimed afresh.
    await this.db
      .deleteFrom('idempotency_records')
      .where('organization_id', '=', organizationId)
      .where('key', '=', key)
      .where('expires_at', '<=', claim.created_at)
      .execute();
    // The primary key (organization_id, key) makes every concurrent duplicate lose this race.
    const inserted = await this.db
      .insertInto('idempotency_records')
      .values({ ...claim, state: 'in_progress', response_status: null, response_body: null, call_id: null })
      .onConflict((oc) => oc.columns(['organization_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { claimed: true };
    const existing = await this.db
      .selectFrom('idempotency_records')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('key', '=', key)
      .executeTakeFirst();
    // The holder released the claim between our INSERT and SELECT: try once more.
    if (!existing) return this.claim(claim);
    return { claimed: false, existing };
  }

  async complete(
    organizationId: string,
    key: string,
    response: { status: number; body: unknown; callId: string },
  ): Promise<void> {
    await this.db
      .updateTable('idempotency_records')
      .set({
        state: 'completed',
        response_status: response.status,
        response_body: JSON.stringify(response.body),
        call_id: response.callId,
      })
      .where('organization_id', '=', organizationId)
      .where('key', '=', key)
      .execute();
  }

  async dropAbandoned(record: IdempotencyRecordRow): Promise<void> {
    await this.db
      .deleteFrom('idempotency_records')
      .where('organization_id', '=', record.organization_id)
      .where('key', '=', record.key)
      .where('state', '=', 'in_progress')
      .where('created_at', '=', record.created_at)
      .execute();
  }

  async release(organizationId: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_records')
      .where('organization_id', '=', organizationId)
      .where('key', '=', key)
      .where('state', '=', 'in_progress')
      .execute();
  }
}
