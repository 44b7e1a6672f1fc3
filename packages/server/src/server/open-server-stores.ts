/**
 * @module
 * Which database the server keeps its state in: PostgreSQL when `databaseUrl` is given (several
 * replicas can share it), else the SQLite file at `dbPath` (its directory is created), the
 * embedded default.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../ports/clock';
import type { Stores } from '../ports/stores';
import { type OpenSqliteStoresOptions, openSqliteStores } from '../store/sqlite/sqlite-stores';

export interface ServerStoresOptions {
  /**
   * A PostgreSQL URL (`postgres://user:password@host:5432/outdial`). When set, `dbPath` and
   * `databaseBusyTimeoutMs` do not apply.
   */
  databaseUrl?: string;
  /** PostgreSQL connections per server (default 10). */
  databasePoolSize?: number;
  /** A SQLite file (its directory is created) or ':memory:' (the default: nothing survives close). */
  dbPath?: string;
  /**
   * How long a database write waits for another process's write lock (the CLI, a backup) before
   * it fails. Default 5000 ms.
   */
  databaseBusyTimeoutMs?: number;
  /**
   * SQLite: commit the creates of calls that arrive together in one transaction (default true).
   * Off only to measure what it buys (test/bench).
   */
  groupCommit?: boolean;
  /**
   * SQLite: who checkpoints the file's WAL, a worker thread (default, once the stores have
   * committed their first 100 changes) or the writer after its commits (`inline`, SQLite's own
   * way). Inline only to measure what the worker buys (test/bench).
   */
  walCheckpoints?: OpenSqliteStoresOptions['walCheckpoints'];
  /** Run pending migrations (default true; `outdial migrate` runs them itself). */
  migrate?: boolean;
  /** Stamps the status changes that bring no time of their own. Default the system clock. */
  clock?: Clock;
}

export async function openServerStores(options: ServerStoresOptions = {}): Promise<Stores> {
  if (options.databaseUrl !== undefined) {
    // Loaded only for PostgreSQL: the embedded default never pays for pg's code in its memory.
    const { openPostgresStores } = await import('../store/postgres/postgres-stores');
    return openPostgresStores({
      url: options.databaseUrl,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
      ...(options.databasePoolSize === undefined ? {} : { poolSize: options.databasePoolSize }),
    });
  }
  const path = options.dbPath ?? ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return openSqliteStores({
    path,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
    ...(options.databaseBusyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.databaseBusyTimeoutMs }),
    ...(options.groupCommit === undefined ? {} : { groupCommit: options.groupCommit }),
    ...(options.walCheckpoints === undefined ? {} : { walCheckpoints: options.walCheckpoints }),
  });
}
