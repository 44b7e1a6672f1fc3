import type { Kysely } from 'kysely';
import { orderedText } from './dialect';

// The event feed (issue 12) is read from call_events, the outbox written with each status change.
// Rows of a status change after creation get the event's public id (`evt_<ulid>`, increasing in
// commit order within the organization), its organization, its 1-based place among the call's
// events, and the call as written (JSON of the call row), so an event shows the call as it was at
// that moment. The `initiated` rows, and rows written before this migration, keep them null: they
// are history, not events.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  // Compared with `<` and `>` (resume points, cursors): byte order on both databases.
  await db.schema.alterTable('call_events').addColumn('event_id', 'text', orderedText(db)).execute();
  await db.schema.alterTable('call_events').addColumn('organization_id', 'text').execute();
  await db.schema.alterTable('call_events').addColumn('sequence', 'integer').execute();
  await db.schema.alterTable('call_events').addColumn('call_snapshot', 'text').execute();
  // The feed, its resume points and the newest id of an organization: all keyed by (org, event id).
  await db.schema
    .createIndex('call_events_feed')
    .on('call_events')
    .columns(['organization_id', 'event_id'])
    .execute();
  // Retention deletes by age.
  await db.schema.createIndex('call_events_by_at').on('call_events').column('at').execute();
}
