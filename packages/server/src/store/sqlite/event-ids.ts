/**
 * @module
 * The next event id of an organization, shared by every writer of events (call changes, batch
 * changes): ids increase in commit order within the organization across both kinds, because each
 * writer takes the same lock and reads the newest id of both tables before choosing its own.
 */
import type { Kysely } from 'kysely';
import { newEventIdAfter } from '../ids';
import { isPostgres } from './migrations/dialect';
import type { Database } from './sqlite-schema';

/**
 * Orders this transaction's event ids after every other writer's. SQLite has one writer at a time
 * (the transaction holds the write lock from its start); PostgreSQL runs transactions side by
 * side, so there the organization's row is locked until commit. Taking it twice in one
 * transaction is harmless.
 */
export async function lockEventIds(trx: Kysely<Database>, organizationId: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).forUpdate().execute();
}

/** The organization's newest event id, call or batch event (read after {@link lockEventIds}). */
export async function newestEventId(
  db: Kysely<Database>,
  organizationId: string,
): Promise<string | undefined> {
  // One after the other: a transaction is one connection.
  const call = await db
    .selectFrom('call_events')
    .select('event_id')
    .where('organization_id', '=', organizationId)
    .orderBy('event_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const batch = await db
    .selectFrom('batch_events')
    .select('event_id')
    .where('organization_id', '=', organizationId)
    .orderBy('event_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const ids = [call?.event_id, batch?.event_id].filter((id): id is string => typeof id === 'string');
  return ids.sort().at(-1);
}

/** The next event id, after {@link lockEventIds}: greater than every one committed or written so far. */
export async function nextEventId(trx: Kysely<Database>, organizationId: string, now: Date): Promise<string> {
  return newEventIdAfter(await newestEventId(trx, organizationId), now.getTime());
}
