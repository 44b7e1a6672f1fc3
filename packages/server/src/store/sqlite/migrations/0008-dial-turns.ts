import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect';

// Fairness within a priority (issue 14): a queued call's `dial_turn` is its virtual turn among the
// queued calls of its priority, and the Dial queue dials by (priority, dial_turn, seq) instead of
// (priority, seq). See store/sqlite/dial-turns.ts for how a turn is chosen. Calls queued before this
// migration get their seq as their turn, so the order they were in is kept; calls not queued keep
// null until they are queued.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('calls')
    .addColumn('dial_turn', isPostgres(db) ? 'bigint' : 'integer')
    .execute();
  await db.updateTable('calls').set({ dial_turn: sql`seq` }).where('status', '=', 'queued').execute();
  // The dial order: every ordered read of the backlog walks this (a range of `status = 'queued'`).
  await db.schema.dropIndex('calls_dial_order').execute();
  await db.schema
    .createIndex('calls_dial_order')
    .on('calls')
    .columns(['status', 'priority', 'dial_turn', 'seq'])
    .execute();
  // A lane's last queued turn (its batch, or the single calls: batch_id null), read when a call is
  // queued. Partial: it holds the queued calls only, so it stays small beside millions of ended ones.
  await db.schema
    .createIndex('calls_dial_lane')
    .on('calls')
    .columns(['priority', 'batch_id', 'dial_turn'])
    .where(sql.ref('status'), '=', 'queued')
    .execute();
  // Queued calls without a turn: written by something that does not number them (a server from
  // before this migration still running beside a newer one, a foreign writer). Normally empty; the
  // dial backlog gives them their seq as their turn whenever it reads from the start.
  await db.schema
    .createIndex('calls_unturned')
    .on('calls')
    // Both columns the healing update constrains, so planners prefer it to calls_dial_order.
    .columns(['status', 'dial_turn'])
    .where((eb) => eb.and([eb(sql.ref('status'), '=', 'queued'), eb(sql.ref('dial_turn'), 'is', null)]))
    .execute();
}
