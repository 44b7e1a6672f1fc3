import type { Kysely } from 'kysely';

// Per-trunk CPS budgets (`outdial trunks set`); a trunk without a row dials at DIAL_CPS.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trunk_budgets')
    .addColumn('trunk_id', 'text', (c) => c.primaryKey())
    .addColumn('cps', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
