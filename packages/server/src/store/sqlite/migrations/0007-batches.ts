import type { Kysely } from 'kysely';
import { orderedText } from './dialect';

// Batches (issue 14): many calls created at once, dialed under one calling window, with retries.
// A batch's calls carry its id, their attempt at the contact (1 for the first) and the call they
// retry. A batch's stored status is `active`, `paused`, `cancelled` or `completed`; `scheduled` and
// `running` are read from its calls (an active batch is `scheduled` until one of its calls is due).
// Calls from before this migration read as first attempts of no batch.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batches')
    .addColumn(
      'id',
      'text',
      orderedText(db, (c) => c.primaryKey()),
    )
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('caller_id', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('latest_at', 'text')
    .addColumn('calling_window', 'text')
    .addColumn('max_concurrent_calls', 'integer')
    .addColumn('retry', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn(
      'created_at',
      'text',
      orderedText(db, (c) => c.notNull()),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  // Listing newest first.
  await db.schema
    .createIndex('batches_by_organization')
    .on('batches')
    .columns(['organization_id', 'created_at', 'id'])
    .execute();

  await db.schema.alterTable('calls').addColumn('batch_id', 'text').execute();
  await db.schema.alterTable('calls').addColumn('attempt', 'integer').execute();
  await db.schema.alterTable('calls').addColumn('retry_of', 'text').execute();
  // A batch's counters and its calls not yet dialed.
  await db.schema.createIndex('calls_by_batch').on('calls').columns(['batch_id', 'status']).execute();
  // Whether a call has a successor (the counters count each contact by its latest attempt); one
  // at most, so a retry raced by the start-up sweep is made once.
  await db.schema.createIndex('calls_by_retry_of').on('calls').column('retry_of').unique().execute();
}
