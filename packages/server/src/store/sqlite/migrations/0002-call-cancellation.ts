import type { Kysely } from 'kysely';

// How a cancelled call was stopped: `before_dial` (no INVITE was sent, nobody rang) or
// `hung_up` (an INVITE had left, so Outdial hung the call up in LiveKit). Null otherwise.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('cancellation', 'text').execute();
}
