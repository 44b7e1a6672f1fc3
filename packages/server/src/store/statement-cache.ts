import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Hands kysely cached prepared statements. Kysely's SQLite driver calls `prepare` for every query;
 * preparing (parsing and planning the SQL) cost more than running it on the hot paths (about a
 * tenth of the server's CPU under load). The SQL kysely compiles is stable per query shape, with
 * values bound as parameters, so a small LRU of statements hits almost always.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, maxStatements = 500): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
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
