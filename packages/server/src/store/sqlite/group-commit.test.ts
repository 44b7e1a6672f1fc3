import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';
import { withStatementCache } from './statement-cache';

/** A scratch table: the group commit does not care what its writes are. */
interface ScratchDatabase {
  notes: { id: number; text: string };
}

describe('GroupCommit', () => {
  let dir: string;
  let db: Kysely<ScratchDatabase>;
  /** A second connection to the same file: it sees only what has committed. */
  let reader: SQLite.Database;
  let begins: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outdial-group-commit-'));
    const path = join(dir, 'test.db');
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    const statements = withStatementCache(sqlite);
    begins = 0;
    db = new Kysely<ScratchDatabase>({
      dialect: new SqliteDialect({
        database: {
          close: statements.close,
          prepare(query: string) {
            if (query === 'begin') begins++;
            return statements.prepare(query);
          },
        },
      }),
    });
    await sql`create table notes (id integer primary key, text text not null)`.execute(db);
    reader = new SQLite(path, { readonly: true });
    begins = 0;
  });
  afterEach(async () => {
    reader.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const committed = () =>
    (reader.prepare('select id from notes order by id').all() as { id: number }[]).map((r) => r.id);
  const insert = (group: GroupCommit<ScratchDatabase>, id: number) =>
    group.run(async (trx) => {
      await trx
        .insertInto('notes')
        .values({ id, text: `note ${id}` })
        .execute();
      return id;
    });

  it('commits the writes of one tick in one transaction, each resolving with its own result', async () => {
    const group = new GroupCommit(db);
    const results = await Promise.all([1, 2, 3, 4, 5].map((id) => insert(group, id)));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(begins).toBe(1);
    expect(committed()).toEqual([1, 2, 3, 4, 5]);
  });

  it('rolls back a failing write alone: it rejects, the others of its group commit', async () => {
    const group = new GroupCommit(db);
    const outcomes = await Promise.allSettled([
      insert(group, 1),
      // The same key twice: the second insert fails after the first of its group wrote.
      group.run(async (trx) => {
        await trx.insertInto('notes').values({ id: 2, text: 'written, then undone' }).execute();
        await trx.insertInto('notes').values({ id: 1, text: 'duplicate' }).execute();
      }),
      insert(group, 3),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(begins).toBe(1);
    expect(committed()).toEqual([1, 3]);
  });

  it('resolves a write only once its group has committed', async () => {
    const group = new GroupCommit(db);
    const seenInside: number[][] = [];
    const written = group.run(async (trx) => {
      await trx.insertInto('notes').values({ id: 7, text: 'x' }).execute();
      seenInside.push(committed());
    });
    const alsoWritten = insert(group, 8);
    await written;
    // Inside the transaction nothing had committed; when the write resolves, its whole group has.
    expect(seenInside).toEqual([[]]);
    expect(committed()).toEqual([7, 8]);
    await alsoWritten;
  });

  it('splits a burst into groups of at most maxGroup, in arrival order', async () => {
    const group = new GroupCommit(db, 4);
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(await Promise.all(ids.map((id) => insert(group, id)))).toEqual(ids);
    expect(begins).toBe(3);
    expect(committed()).toEqual(ids);
  });

  it('takes writes that arrive while a group commits into the next group', async () => {
    const group = new GroupCommit(db);
    let late: Promise<number> | undefined;
    const first = group.run(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, text: 'first' }).execute();
      late = insert(group, 2);
      return 1;
    });
    expect(await first).toBe(1);
    expect(await late).toBe(2);
    expect(begins).toBe(2);
    expect(committed()).toEqual([1, 2]);
  });
});
