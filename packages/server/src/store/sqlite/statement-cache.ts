import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Hands kysely cached prepared statements. Kysely's SQLite driver calls `prepare` for every query;
 * preparing (parsing and planning the SQL) cost more than running it on the hot paths (about a
 * tenth of the server's CPU under load). The SQL kysely compiles is stable per query shape, with
 * values bound as parameters, so a small LRU of statements hits almost always. Transactions begin
 * IMMEDIATE (see BEGIN_IMMEDIATE).
 */
/**
 * Kysely opens every transaction with a plain (deferred) `begin`. A deferred transaction that reads
 * and then writes must upgrade its lock, and when another connection (a second process, the CLI)
 * holds the write lock SQLite fails that upgrade at once with SQLITE_BUSY: busy_timeout does not
 * apply, because waiting could deadlock. Our transactions all write, so they take the write lock
 * up front and wait for it for busy_timeout instead.
 */
const BEGIN_IMMEDIATE = 'begin immediate';

export function withStatementCache(sqlite: BetterSqlite3.Database, maxStatements = 500): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string) {
      const sql = query === 'begin' ? BEGIN_IMMEDIATE : query;
      let statement = statements.get(sql);
      if (statement) {
        // Move it to the back: the map's insertion order is the LRU order.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
