/**
 * @module
 * Idempotency records, scoped per organization. A request claims its key by INSERTing an
 * `in_progress` record before doing any work: the primary key (organization_id, key) makes every
 * concurrent duplicate lose that race, on SQLite and Postgres alike.
 */
import type { Kysely } from 'kysely';
import type { Database, IdempotencyRecordRow } from './schema';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyRecordRow };

export async function claimIdempotencyKey(
  db: Kysely<Database>,
  organizationId: string,
  key: string,
  requestHash: string,
  now = new Date(),
): Promise<ClaimResult> {
  // An expired record no longer counts: drop it so the key can be claimed afresh.
  await db
    .deleteFrom('idempotency_records')
    .where('organization_id', '=', organizationId)
    .where('key', '=', key)
    .where('expires_at', '<=', now.toISOString())
    .execute();
  const inserted = await db
    .insertInto('idempotency_records')
    .values({
      organization_id: organizationId,
      key,
      request_hash: requestHash,
      state: 'in_progress',
      response_status: null,
      response_body: null,
      call_id: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
    })
    .onConflict((oc) => oc.columns(['organization_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { claimed: true };
  const existing = await db
    .selectFrom('idempotency_records')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('key', '=', key)
    .executeTakeFirst();
  // The holder released the claim between our INSERT and SELECT: try once more.
  if (!existing) return claimIdempotencyKey(db, organizationId, key, requestHash, now);
  return { claimed: false, existing };
}

/** Stores the response to replay and marks the key completed. */
export async function completeIdempotencyKey(
  db: Kysely<Database>,
  organizationId: string,
  key: string,
  response: { status: number; body: unknown; callId: string },
): Promise<void> {
  await db
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

/**
 * Drops an abandoned `in_progress` claim, so the key can be claimed again. Guarded on
 * `created_at` so that only the claim the caller looked at is removed, not a fresh one.
 */
export async function dropAbandonedClaim(db: Kysely<Database>, record: IdempotencyRecordRow): Promise<void> {
  await db
    .deleteFrom('idempotency_records')
    .where('organization_id', '=', record.organization_id)
    .where('key', '=', record.key)
    .where('state', '=', 'in_progress')
    .where('created_at', '=', record.created_at)
    .execute();
}

/** Drops a claim whose request failed, so that a retry can proceed. */
export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  organizationId: string,
  key: string,
): Promise<void> {
  await db
    .deleteFrom('idempotency_records')
    .where('organization_id', '=', organizationId)
    .where('key', '=', key)
    .where('state', '=', 'in_progress')
    .execute();
}
