import type { Kysely } from 'kysely';
import { orderedText } from './dialect';

// Scheduled calls and calling windows (issue 14). `scheduled_at`: when a `scheduled` call enters
// the Dial queue (the requested time, or the window's next opening), kept after it leaves;
// `latest_at`: when a call not yet dialed gives up (`failed`, `expired`); `calling_window`: the
// call's window as JSON (its own, or the server default it was created under), read at each dial.
// Null on calls from before this migration, which are neither scheduled nor windowed.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  // Compared with `<=` against now: ISO text in byte order on both databases.
  await db.schema.alterTable('calls').addColumn('scheduled_at', 'text', orderedText(db)).execute();
  await db.schema.alterTable('calls').addColumn('latest_at', 'text', orderedText(db)).execute();
  await db.schema.alterTable('calls').addColumn('calling_window', 'text').execute();
  // The scheduler's look for due calls, and for the next due instant (the first row of a range).
  await db.schema.createIndex('calls_due').on('calls').columns(['status', 'scheduled_at']).execute();
  // And for calls not yet dialed whose latest time passes (scheduled or queued).
  await db.schema.createIndex('calls_expiring').on('calls').columns(['status', 'latest_at']).execute();
}
