/**
 * @module
 * The real server over a SQLite database the test keeps a handle on. `RunningServer` exposes no
 * database: tests that must reach inside (arrange a state no request can reach, read the call
 * events, install a trigger) open the stores here and hand them to the composition root,
 * `startServerWith`, which owns them from then on.
 */
import type { Kysely } from 'kysely';
import { type RunningServer, type ServerOptions, startServerWith } from '../../src/server/start-server';
import type { Database } from '../../src/store/sqlite/sqlite-schema';
import { openSqliteStores } from '../../src/store/sqlite/sqlite-stores';

export type { Database };

export interface SqliteServer {
  server: RunningServer;
  /** The server's own database connection: closed by `server.close()`. */
  db: Kysely<Database>;
}

/** `startServer(options)`, keeping the database. `options.dbPath` must be in an existing directory. */
export async function startSqliteServer(options: ServerOptions = {}): Promise<SqliteServer> {
  const stores = await openSqliteStores({
    path: options.dbPath ?? ':memory:',
    ...(options.databaseBusyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.databaseBusyTimeoutMs }),
  });
  return { server: await startServerWith(stores, options), db: stores.db };
}
