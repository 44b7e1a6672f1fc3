/**
 * @module
 * A second, read-only connection to the SQLite file, for the event feeds. In WAL mode it reads
 * the last commit while the writer works, instead of queueing behind the writer connection's
 * transactions (kysely runs one query or transaction at a time per connection). And it reads
 * synchronously (better-sqlite3 is synchronous; kysely's driver only adds promise hops), so a live
 * stream woken by a commit sends the event in the same turn, before the request that committed
 * it has even answered.
 */
import SQLite from 'better-sqlite3';
import type { Compilable } from 'kysely';
import { type OpenSqliteDatabaseOptions, PAGE_CACHE_SIZE_PRAGMA } from './open-sqlite-database';
import { withStatementCache } from './statement-cache';

export class SqliteReader {
  readonly #sqlite: SQLite.Database;
  readonly #statements: ReturnType<typeof withStatementCache>;
  readonly #inSnapshot: SQLite.Transaction<(read: () => unknown) => unknown>;

  private constructor(sqlite: SQLite.Database) {
    this.#sqlite = sqlite;
    this.#statements = withStatementCache(sqlite);
    this.#inSnapshot = sqlite.transaction((read: () => unknown) => read());
  }

  /**
   * Opens the reader of a database file the writer has already opened (and so created, with its
   * WAL). Undefined for an in-memory database, which only its own connection can see.
   */
  static open({
    path,
    busyTimeoutMs = 5000,
  }: Pick<OpenSqliteDatabaseOptions, 'path' | 'busyTimeoutMs'>): SqliteReader | undefined {
    if (path === ':memory:' || path === '' || path.startsWith('file::memory:')) return undefined;
    const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
    // A reader waits only while the WAL is being reset (a checkpoint's last step), briefly.
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    sqlite.pragma(PAGE_CACHE_SIZE_PRAGMA);
    return new SqliteReader(sqlite);
  }

  /** Runs a query built with kysely (on any instance of the schema) here, at once. */
  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile();
    return this.#statements.prepare(sql).all(parameters) as R[];
  }

  /**
   * Runs `read`'s queries in one snapshot (a deferred transaction): what one commit wrote is seen
   * whole or not at all, across tables.
   */
  snapshot<T>(read: () => T): T {
    return this.#inSnapshot.deferred(read) as T;
  }

  close(): void {
    this.#sqlite.close();
  }
}
