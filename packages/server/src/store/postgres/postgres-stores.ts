/**
 * @module
 * The PostgreSQL implementation of the ports. The stores are kysely code that both dialects run
 * as written (portable types, `returning`, row-value comparisons, `on conflict`); what differs is
 * how the database is opened (a pool, not one file) and three lines of the migrations
 * (migrations/dialect.ts).
 */
import type { Clock } from '../../ports/clock';
import { SqliteStores } from '../sqlite/sqlite-stores';
import { type OpenPostgresDatabaseOptions, openPostgresDatabase } from './open-postgres-database';

/** Opens (and by default migrates) the PostgreSQL database. See {@link OpenPostgresDatabaseOptions}. */
export async function openPostgresStores(
  options: OpenPostgresDatabaseOptions & { clock?: Clock },
): Promise<SqliteStores> {
  return new SqliteStores(await openPostgresDatabase(options), options.clock);
}
