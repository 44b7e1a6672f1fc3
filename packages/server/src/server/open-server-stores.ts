/**
 * @module
 * Which database the server keeps its state in: the SQLite file at `dbPath` (its directory is
 * created). A second database would be chosen here, by its options.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Stores } from '../ports/stores';
import { openSqliteStores } from '../store/sqlite/sqlite-stores';

export interface ServerStoresOptions {
  /** A SQLite file (its directory is created) or ':memory:' (the default: nothing survives close). */
  dbPath?: string;
  /**
   * How long a database write waits for another process's write lock (the CLI, a backup) before
   * it fails. Default 5000 ms.
   */
  databaseBusyTimeoutMs?: number;
  /** Run pending migrations (default true; `outdial migrate` runs them itself). */
  migrate?: boolean;
}

export function openServerStores(options: ServerStoresOptions = {}): Promise<Stores> {
  const path = options.dbPath ?? ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return openSqliteStores({
    path,
    ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
    ...(options.databaseBusyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.databaseBusyTimeoutMs }),
  });
}
