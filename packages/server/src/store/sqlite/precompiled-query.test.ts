import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteDatabase } from './open-sqlite-database';
import { PrecompiledQuery } from './precompiled-query';

let db: Awaited<ReturnType<typeof openSqliteDatabase>>;
beforeEach(async () => {
  db = await openSqliteDatabase({ path: ':memory:' });
  const at = '2026-12-03T00:00:00.000Z';
  await db
    .insertInto('organizations')
    .values(['A', 'B', 'C'].map((name) => ({ id: `org_${name.toLowerCase()}`, name, created_at: at })))
    .execute();
});
afterEach(() => db.destroy());

const namesAfter = new PrecompiledQuery<{ after: string; not: string }, { name: string }>((db, arg) =>
  db
    .selectFrom('organizations')
    .select('name')
    .where('id', '>', arg('after'))
    .where('id', '!=', arg('not'))
    .orderBy('id')
    .limit(5),
);

it('runs the SQL the builder compiles, with the values it is given at each run', async () => {
  expect(await namesAfter.rows(db, { after: 'org_a', not: 'org_x' })).toEqual([{ name: 'B' }, { name: 'C' }]);
  // The same compiled statement, other values: nothing of the first run is kept.
  expect(await namesAfter.rows(db, { after: 'org_', not: 'org_b' })).toEqual([{ name: 'A' }, { name: 'C' }]);
  expect(await namesAfter.takeFirst(db, { after: 'org_c', not: 'org_x' })).toBeUndefined();
});

it('keeps the constants of the query (the limit) where kysely bound them', async () => {
  const firstOne = new PrecompiledQuery<{ after: string }, { name: string }>((db, arg) =>
    db.selectFrom('organizations').select('name').where('id', '>', arg('after')).orderBy('id').limit(1),
  );
  expect(await firstOne.rows(db, { after: 'org_' })).toEqual([{ name: 'A' }]);
});

it('refuses a value that the query does not bind as a parameter', async () => {
  const inlined = new PrecompiledQuery<{ id: string }, { name: string }>((db, arg) =>
    db
      .selectFrom('organizations')
      .select('name')
      .where(sql.ref('id'), '=', sql.lit(String(arg('id')))),
  );
  await expect(inlined.rows(db, { id: 'org_a' })).rejects.toThrow(/"id" is not a parameter/);
});
