/**
 * @module
 * The one door tests have into a store's database, for states no request can reach (a call
 * stuck in `initiated`, a trigger that makes a write fail) and for reading what the ports do not
 * return. Nothing in the server imports it: the domain talks to the ports only, and kysely stays
 * inside store/. Tests reach the database through the store they opened
 * (test/support/store-server.ts), typed as {@link StoreDatabase}.
 */
import type { Kysely } from 'kysely';
import type { Database } from './sqlite/sqlite-schema';

/** The schema every store's tables follow (SQLite and PostgreSQL share the migrations). */
export type { Database };

/** A store's own database connection, as kysely sees it. */
export type StoreDatabase = Kysely<Database>;

/** Raw SQL, for what a test must say in the database's own language (triggers). */
export { sql } from 'kysely';
