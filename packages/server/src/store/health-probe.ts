/**
 * @module
 * The database half of /readyz.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Commits one small write. It fails when the database cannot take writes: the disk is full, the
 * file is read-only, or another connection has held the write lock longer than busy_timeout.
 */
export async function probeWritable(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db
    .insertInto('health_probe')
    .values({ id: 1, at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ at: now.toISOString() }))
    .execute();
}
