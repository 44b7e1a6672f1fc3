import type { Kysely } from 'kysely';
import { orderedText } from './dialect';

// Batch events (issue 14 with issue 12): `batch.started | paused | resumed | completed | cancelled`,
// each written in the transaction of the batch change that causes it, as call events are. A table
// of their own rather than more rows in call_events: a call_events row is a step of one call's
// status history (call_id NOT NULL, from_status, to_status), which a batch change is not. The feed
// only needs both kinds to share one id space (`evt_<ulid>`, increasing per organization in commit
// order), which every writer keeps by reading the newest id of both tables under the same lock
// (store/sqlite/event-ids.ts). `snapshot` is JSON of the batch row and its call counts as
// committed, which the API renders with the Batch serializer, as call events keep the call row.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batch_events')
    .addColumn(
      'event_id',
      'text',
      orderedText(db, (c) => c.primaryKey()),
    )
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    // Compared with `<` by retention: ISO text in byte order.
    .addColumn(
      'at',
      'text',
      orderedText(db, (c) => c.notNull()),
    )
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  // The feed, its resume points and an organization's newest id, as call_events_feed.
  await db.schema
    .createIndex('batch_events_feed')
    .on('batch_events')
    .columns(['organization_id', 'event_id'])
    .execute();
  // A batch's next sequence and its events; unique, so two writers can never share a place.
  await db.schema
    .createIndex('batch_events_by_batch')
    .on('batch_events')
    .columns(['batch_id', 'sequence'])
    .unique()
    .execute();
  // Retention deletes by age.
  await db.schema.createIndex('batch_events_by_at').on('batch_events').column('at').execute();
}
