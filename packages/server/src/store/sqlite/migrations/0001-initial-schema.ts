import { type Kysely, sql } from 'kysely';
import { orderedText, serialKey } from './dialect';

// The first schema. Migrations take Kysely<any> on purpose: they describe the database as it
// was at that point in history, not as schema.ts says it is today.
// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('agents')
    .addColumn(
      'id',
      'text',
      orderedText(db, (c) => c.primaryKey()),
    )
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('phone_numbers', 'text', (c) => c.notNull())
    .addColumn('livekit_agent_name', 'text')
    .addColumn('sip_trunk_id', 'text')
    .addColumn(
      'created_at',
      'text',
      orderedText(db, (c) => c.notNull()),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agents_by_organization')
    .on('agents')
    .columns(['organization_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('calls')
    .addColumn('seq', ...serialKey(db))
    .addColumn(
      'id',
      'text',
      orderedText(db, (c) => c.notNull().unique()),
    )
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('agent_name', 'text', (c) => c.notNull())
    .addColumn('agent_type', 'text', (c) => c.notNull())
    .addColumn('phone_number', 'text', (c) => c.notNull())
    .addColumn('caller_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('ring_timeout_seconds', 'integer', (c) => c.notNull())
    .addColumn('max_duration_seconds', 'integer')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('variables', 'text', (c) => c.notNull())
    .addColumn('room_id', 'text')
    .addColumn('job_id', 'text')
    .addColumn('sip_participant_id', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('summary', 'text')
    .addColumn(
      'started_at',
      'text',
      orderedText(db, (c) => c.notNull()),
    )
    .addColumn('answered_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('duration', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Listing: newest first within an organization.
  await db.schema
    .createIndex('calls_by_organization_started')
    .on('calls')
    .columns(['organization_id', 'started_at', 'id'])
    .execute();
  // The Dial queue reads queued calls in (priority, seq) order, a window at a time.
  await db.schema
    .createIndex('calls_dial_order')
    .on('calls')
    .columns(['status', 'priority', 'seq'])
    .execute();
  // Webhooks find their call by room.
  await db.schema.createIndex('calls_by_room').on('calls').column('room_id').execute();

  await db.schema
    .createTable('call_events')
    .addColumn('id', ...serialKey(db))
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema.createIndex('call_events_by_call').on('call_events').columns(['call_id', 'id']).execute();

  await db.schema
    .createTable('idempotency_records')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('call_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_records_pk', ['organization_id', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_by_expiry')
    .on('idempotency_records')
    .column('expires_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_records',
    'call_events',
    'calls',
    'agents',
    'api_keys',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
