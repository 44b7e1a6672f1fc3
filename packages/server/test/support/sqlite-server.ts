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

/** What a test may slip between the server and its stores. */
export interface SqliteServerHooks {
  /**
   * Awaited before each call is inserted: after the create took its Idempotency-Key, before its
   * call exists. A test holds a create in flight by not settling it (test/contract/create-gate.ts).
   */
  beforeCallInsert?: () => Promise<void>;
}

/** `startServer(options)`, keeping the database. `options.dbPath` must be in an existing directory. */
export async function startSqliteServer(
  options: ServerOptions = {},
  hooks: SqliteServerHooks = {},
): Promise<SqliteServer> {
  const stores = await openSqliteStores({
    path: options.dbPath ?? ':memory:',
    ...(options.databaseBusyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.databaseBusyTimeoutMs }),
  });
  const { beforeCallInsert } = hooks;
  if (beforeCallInsert) {
    const insert = stores.calls.insertInitiated.bind(stores.calls);
    stores.calls.insertInitiated = async (...args) => {
      await beforeCallInsert();
      return insert(...args);
    };
  }
  return { server: await startServerWith(stores, options), db: stores.db };
}
