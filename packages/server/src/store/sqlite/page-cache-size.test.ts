import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openSqliteDatabase } from './open-sqlite-database';
import { SqliteReader } from './sqlite-reader';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// better-sqlite3's build default is -16000 (16 MiB per connection): both connections must say 2 MiB.
it('opens the writer and the reader with a 2 MiB page cache', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'outdial-page-cache-'));
  dirs.push(dir);
  const path = join(dir, 'outdial.db');
  const db = await openSqliteDatabase({ path });
  const reader = SqliteReader.open({ path });
  try {
    const query = sql<{ cache_size: number }>`pragma cache_size`;
    expect((await query.execute(db)).rows).toEqual([{ cache_size: -2000 }]);
    const pragma = { compile: () => ({ sql: 'pragma cache_size', parameters: [] }) };
    expect(reader?.all(pragma as never)).toEqual([{ cache_size: -2000 }]);
  } finally {
    reader?.close();
    await db.destroy();
  }
});
