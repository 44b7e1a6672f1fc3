/**
 * @module
 * Opening PostgreSQL: a `pg` pool under kysely's PostgresDialect, and the shared migrations.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../sqlite/open-sqlite-database';
import type { Database } from '../sqlite/sqlite-schema';

export interface OpenPostgresDatabaseOptions {
  /** `postgres://user:password@host:port/database` (libpq's URL form, with `?sslmode=…` etc.). */
  url: string;
  /** Connections in the pool (default 10). Each replica holds up to this many. */
  poolSize?: number;
  /**
   * The schema every connection works in (`search_path`). Default: the server's default
   * (`public`). Tests give each database under test a schema of its own.
   */
  schema?: string;
  /**
   * Run pending migrations (default true). Replicas starting at once are safe: kysely's migrator
   * holds a PostgreSQL advisory lock while it migrates, so one applies them and the others find
   * them applied.
   */
  migrate?: boolean;
}

const INT8_OID = 20;

/**
 * `pg` reads `bigint` (and `count(*)`) as a string, so it cannot lose precision past 2^53. The
 * server's bigints are row numbers (`calls.seq`, `call_events.id`) and counts, far below that, and
 * the ports speak numbers, as SQLite answers them. Per pool, not through `pg.types`, which is
 * process-wide and would change what an embedding application's own `pg` pools return.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export async function openPostgresDatabase({
  url,
  poolSize = 10,
  schema,
  migrate = true,
}: OpenPostgresDatabaseOptions): Promise<Kysely<Database>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${quoteIdentifier(schema)}` }),
  });
  // An idle connection the server drops (a restart of PostgreSQL) must not crash the process:
  // the pool discards it and the next query opens a fresh one.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // kysely looks for its migration tables in every schema unless told which: name the one the
    // URL's connections work in (`?options=-c search_path=…`), or another schema's tables are found.
    if (migrate) await migrateToLatest(db, schema ?? (await currentSchema(db)));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

async function currentSchema(db: Kysely<Database>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
