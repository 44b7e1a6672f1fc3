/**
 * @module
 * The next event id of an organization, shared by every writer of events (call changes, batch
 * changes): ids increase in commit order within the organization across both kinds, because each
 * writer takes the same lock and reads the newest id of both tables before choosing its own.
 */
import type { Kysely } from 'kysely';
import { newEventIdAfter } from '../ids';
import { isPostgres } from './migrations/dialect';
import { PrecompiledQuery } from './precompiled-query';
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

/** The organization's newest call event id and newest batch event id: one statement, two index probes. */
const newestEventIds = new PrecompiledQuery<
  { organizationId: string },
  { call: string | null; batch: string | null }
>((db, arg) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom('call_events')
      .select('event_id')
      .where('organization_id', '=', arg('organizationId'))
      .orderBy('event_id', 'desc')
      .limit(1)
      .as('call'),
    eb
      .selectFrom('batch_events')
      .select('event_id')
      .where('organization_id', '=', arg('organizationId'))
      .orderBy('event_id', 'desc')
      .limit(1)
      .as('batch'),
  ]),
);

/** The organization's newest event id, call or batch event (read after {@link lockEventIds}). */
export async function newestEventId(
  db: Kysely<Database>,
  organizationId: string,
): Promise<string | undefined> {
  const newest = await newestEventIds.takeFirst(db, { organizationId });
  const ids = [newest?.call, newest?.batch].filter((id): id is string => typeof id === 'string');
  return ids.sort().at(-1);
}

/** The next event id, after {@link lockEventIds}: greater than every one committed or written so far. */
export async function nextEventId(trx: Kysely<Database>, organizationId: string, now: Date): Promise<string> {
  return newEventIdAfter(await newestEventId(trx, organizationId), now.getTime());
}
