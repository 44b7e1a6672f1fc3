import type { Kysely } from 'kysely';
import { orderedText } from './dialect';

// Webhooks (issue 12, phase 2). Endpoints, the delivery log (which is also the work list: the
// deliveries of an event are inserted in the transaction that writes the event), each
// organization's secret for calls' own webhook URLs, and that URL on the call.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('webhook_url', 'text').execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn(
      'id',
      'text',
      orderedText(db, (c) => c.primaryKey()),
    )
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('enabled_events', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('disabled_reason', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_expires_at', 'text')
    .addColumn('failing_since', 'text')
    .addColumn(
      'created_at',
      'text',
      orderedText(db, (c) => c.notNull()),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Listing newest first, and each status change's look for the endpoints it owes deliveries to.
  await db.schema
    .createIndex('webhook_endpoints_by_organization')
    .on('webhook_endpoints')
    .columns(['organization_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn(
      'id',
      'text',
      orderedText(db, (c) => c.primaryKey()),
    )
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text')
    .addColumn('url', 'text')
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text')
    .addColumn('sequence', 'integer')
    .addColumn('payload', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'text', (c) => c.notNull())
    // Compared with `<=` against now: ISO text in byte order.
    .addColumn('next_attempt_at', 'text', orderedText(db))
    .addColumn('claimed_until', 'text', orderedText(db))
    .addColumn(
      'created_at',
      'text',
      orderedText(db, (c) => c.notNull()),
    )
    .execute();
  // The senders' look for due work.
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  // The delivery log, newest first.
  await db.schema
    .createIndex('webhook_deliveries_by_endpoint')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'created_at', 'id'])
    .execute();
  // Retention deletes by age.
  await db.schema
    .createIndex('webhook_deliveries_by_created')
    .on('webhook_deliveries')
    .column('created_at')
    .execute();
  // Ordering: is an earlier event of this call still pending for this target?
  await db.schema
    .createIndex('webhook_deliveries_by_call')
    .on('webhook_deliveries')
    .columns(['target', 'call_id', 'sequence'])
    .execute();

  await db.schema
    .createTable('organization_webhook_secrets')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_expires_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
