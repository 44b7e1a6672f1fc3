/**
 * @module
 * The real server over a SQLite database the test keeps a handle on (store-server.ts), for tests
 * that are about SQLite itself: its file, its write lock, its triggers.
 */
import type { ServerOptions } from '../../src/server/start-server';
import { type StoreServer, type StoreServerHooks, startStoreServer } from './store-server';

export type { Database } from './store-server';
export type SqliteServer = StoreServer;
export type SqliteServerHooks = StoreServerHooks;

/** `startServer(options)`, keeping the database. `options.dbPath` must be in an existing directory. */
export function startSqliteServer(
  options: ServerOptions = {},
  hooks: StoreServerHooks = {},
): Promise<SqliteServer> {
  return startStoreServer('sqlite', options, hooks);
}
