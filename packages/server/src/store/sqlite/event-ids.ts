/**
 * @module
 * The next event id of an organization, shared by every writer of events (call changes, batch
 * changes): ids increase in commit order within the organization across both kinds, because each
 * writer takes the same lock and reads the newest id of both tables before choosing its own.
 */
import { type Kysely, sql } from 'kysely';
import { newEventIdAfter } from '../ids';
import { isPostgres } from './migrations/dialect';
import { PrecompiledQuery } from './precompiled-query';
import type { Database } from './sqlite-schema';

/**
 * Orders this transaction's event ids after every other writer's. SQLite has one writer at a time
 * (the transaction holds the write lock from its start); PostgreSQL runs transactions side by
 * side, so there the organization's row of `event_id_heads` (migration 0011) is locked until
 * commit. Taking it twice in one transaction is harmless.
 */
export async function lockEventIds(trx: Kysely<Database>, organizationId: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await lockedHead(organizationId).execute(trx);
}

// `for no key update`: the weakest lock that keeps other writers out. Not in the shared schema
// type: the table is PostgreSQL's only.
const lockedHead = (organizationId: string) =>
  sql<{ newest: string | null }>`
    select newest_event_id as newest from event_id_heads
    where organization_id = ${organizationId} for no key update`;

/**
 * Takes the event-id lock and reads the organization's newest event id. On PostgreSQL one
 * statement, for the lock is the longest part of every create and status change while others
 * wait for it: a row locked this way is read as the last writer committed it (triggers keep the
 * newest id on it), where the event tables would be read as they were before the wait.
 */
async function lockNewestEventId(trx: Kysely<Database>, organizationId: string): Promise<string | undefined> {
  if (!isPostgres(trx)) return newestEventId(trx, organizationId);
  const { rows } = await lockedHead(organizationId).execute(trx);
  return rows[0]?.newest ?? undefined;
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

/**
 * Takes the event-id lock (see {@link lockEventIds}) and chooses the next event id: greater than
 * every one committed or written so far.
 */
export async function nextEventId(trx: Kysely<Database>, organizationId: string, now: Date): Promise<string> {
  return newEventIdAfter(await lockNewestEventId(trx, organizationId), now.getTime());
}
