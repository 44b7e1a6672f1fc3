/**
 * @module
 * The real server over a store the test keeps a handle on, SQLite or PostgreSQL. `RunningServer`
 * exposes no database: tests that must reach inside (arrange a state no request can reach, read
 * the call events) open the stores here and hand them to the composition root, `startServerWith`,
 * which owns them from then on. A PostgreSQL server works in a schema of its own
 * (postgres-database.ts), dropped when the server closes.
 */
import type { Stores } from '../../src/ports/stores';
import { type RunningServer, type ServerOptions, startServerWith } from '../../src/server/start-server';
import { openPostgresStores } from '../../src/store/postgres/postgres-stores';
import type { Database } from '../../src/store/sqlite/sqlite-schema';
import { openSqliteStores, type SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import type { StoreDatabase } from '../../src/store/testing-hooks';
import { createTestSchema } from './postgres-database';

export type { Database };

export type StoreKindName = 'sqlite' | 'postgres';

/**
 * The store server tests run on: `OUTDIAL_TEST_STORE=postgres` runs them on PostgreSQL (the
 * `server-postgres` vitest project), anything else on SQLite.
 */
export function storeKindFromEnv(): StoreKindName {
  return process.env.OUTDIAL_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
}

export interface StoreServer {
  server: RunningServer;
  /** The server's own database connection (kysely, portable SQL only): closed by `server.close()`. */
  db: StoreDatabase;
}

/** What a test may slip between the server and its stores. */
export interface StoreServerHooks {
  /**
   * Awaited before each call is inserted: after the create took its Idempotency-Key, before its
   * call exists. A test holds a create in flight by not settling it (test/contract/create-gate.ts).
   */
  beforeCallInsert?: () => Promise<void>;
}

export async function openTestStores(
  kind: StoreKindName,
  options: ServerOptions = {},
): Promise<SqliteStores> {
  if (kind === 'sqlite') {
    return openSqliteStores({
      path: options.dbPath ?? ':memory:',
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.databaseBusyTimeoutMs === undefined
        ? {}
        : { busyTimeoutMs: options.databaseBusyTimeoutMs }),
    });
  }
  const { url, schema, drop } = await createTestSchema();
  const stores = await openPostgresStores({
    url,
    schema,
    poolSize: options.databasePoolSize ?? 20,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const close = stores.close.bind(stores);
  stores.close = async () => {
    await close();
    await drop();
  };
  return stores;
}

/** `startServer(options)` on a store of `kind`, keeping the database. */
export async function startStoreServer(
  kind: StoreKindName,
  options: ServerOptions = {},
  hooks: StoreServerHooks = {},
): Promise<StoreServer> {
  const stores = await openTestStores(kind, options);
  instrument(stores, hooks);
  return { server: await startServerWith(stores, options), db: stores.db };
}

function instrument(stores: Stores, { beforeCallInsert }: StoreServerHooks): void {
  if (!beforeCallInsert) return;
  const insert = stores.calls.insertInitiated.bind(stores.calls);
  stores.calls.insertInitiated = async (...args) => {
    await beforeCallInsert();
    return insert(...args);
  };
  const create = stores.calls.create.bind(stores.calls);
  stores.calls.create = async (...args) => {
    await beforeCallInsert();
    return create(...args);
  };
}
