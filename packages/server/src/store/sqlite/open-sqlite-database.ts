/**
 * @module
 * Opening the SQLite file: WAL mode, the pragmas the server relies on, cached prepared statements
 * and the migrations.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations';
import type { Database } from './sqlite-schema';
import { withStatementCache } from './statement-cache';

export interface OpenSqliteDatabaseOptions {
  /** A file path, or ':memory:' for a throwaway database (tests). */
  path: string;
  /** Run pending migrations (default true). `outdial migrate` runs them explicitly. */
  migrate?: boolean;
  /**
   * How long a write waits for another connection's write lock before failing (default 5000).
   * better-sqlite3 waits synchronously, so this also bounds how long one write can stall the
   * event loop.
   */
  busyTimeoutMs?: number;
}

/**
 * Each connection's page cache: SQLite's own default, 2 MiB (negative: KiB). better-sqlite3 is
 * built with 16 MiB, which a connection fills by reading a large backlog once (the queue positions
 * at start) and keeps in the server's RSS for good: with a writer and a reader that is up to 32 MiB
 * of the memory budget. The file's pages stay in the OS page cache, so a page read past these
 * 2 MiB costs a system call, not a disk read.
 */
export const PAGE_CACHE_SIZE_PRAGMA = 'cache_size = -2000';

/**
 * Opens the SQLite database in WAL mode (readers never block the single writer) and brings the
 * schema up to date.
 */
export async function openSqliteDatabase({
  path,
  migrate = true,
  busyTimeoutMs = 5000,
}: OpenSqliteDatabaseOptions): Promise<Kysely<Database>> {
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last
  // commits), and it is what makes a dial-claim commit cheap.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  sqlite.pragma(PAGE_CACHE_SIZE_PRAGMA);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  if (migrate) await migrateToLatest(db);
  return db;
}

/**
 * @param migrationTableSchema the PostgreSQL schema the server works in, when not the default:
 * kysely looks for its migration tables in every schema unless told which, and would take another
 * schema's for its own
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  migrationTableSchema?: string,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
