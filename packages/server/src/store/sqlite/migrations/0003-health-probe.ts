import type { Kysely } from 'kysely';

// One row that /readyz rewrites: readiness means the database takes a committed write, not only
// that it answers a read (a full disk or another process holding the write lock pass `select 1`).
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('health_probe')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}
