/**
 * Migration 0008 on a database that has queued calls already: each gets its seq as its turn, so
 * the dial order is the one it was ((priority, seq)); the calls not queued keep no turn. And a
 * call queued later without a turn (by an older server) is still read. On SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { newCallRow } from '../../../../test/support/call-rows';
import { createTestSchema } from '../../../../test/support/postgres-database';
import { openPostgresDatabase } from '../../postgres/open-postgres-database';
import { openSqliteDatabase } from '../open-sqlite-database';
import { SqliteCallStore } from '../sqlite-call-store';
import { SqliteDialBacklog } from '../sqlite-dial-backlog';
import type { Database } from '../sqlite-schema';
import { migrationProvider } from '.';

interface Opened {
  db: Kysely<Database>;
  /** Where kysely keeps its migration tables (PostgreSQL: the test's own schema). */
  schema?: string;
  close(): Promise<void>;
}

const KINDS: { name: string; open(): Promise<Opened> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const db = await openSqliteDatabase({ path: ':memory:', migrate: false });
      return { db, close: () => db.destroy() };
    },
  },
  ...(process.env.OUTDIAL_TEST_POSTGRES === 'skip'
    ? []
    : [
        {
          name: 'postgres',
          open: async () => {
            const schema = await createTestSchema();
            const db = await openPostgresDatabase({ url: schema.url, schema: schema.schema, migrate: false });
            return { db, schema: schema.schema, close: () => db.destroy().then(() => schema.drop()) };
          },
        },
      ]),
];

for (const kind of KINDS) {
  describe(`migration 0008 on ${kind.name}`, () => {
    it('numbers the queued calls by seq and keeps their order', async () => {
      const { db, schema, close } = await kind.open();
      try {
        const migrator = new Migrator({
          db,
          provider: migrationProvider,
          ...(schema === undefined ? {} : { migrationTableSchema: schema }),
        });
        const before = await migrator.migrateTo('0007-batches');
        expect(before.error).toBeUndefined();
        await db
          .insertInto('organizations')
          .values({ id: 'org_a', name: 'A', created_at: '2027-01-04T12:00:00.000Z' })
          .execute();
        const statuses = ['queued', 'completed', 'queued', 'scheduled', 'queued'] as const;
        const priorities = [5, 5, 0, 5, 5];
        for (const [i, status] of statuses.entries()) {
          // biome-ignore lint/suspicious/noExplicitAny: the table as it was before 0008.
          await (db as Kysely<any>)
            .insertInto('calls')
            .values({
              ...newCallRow({
                id: `call_${i}`,
                organization_id: 'org_a',
                started_at: '2027-01-04T12:00:00.000Z',
                priority: priorities[i] as number,
              }),
              status,
            })
            .execute();
        }
        const after = await migrator.migrateTo('0008-dial-turns');
        expect(after.error).toBeUndefined();
        const rows = await db
          .selectFrom('calls')
          .select(['id', 'status', 'seq', 'dial_turn'])
          .orderBy('seq')
          .execute();
        for (const row of rows) {
          expect(row.dial_turn === null ? null : Number(row.dial_turn)).toBe(
            row.status === 'queued' ? Number(row.seq) : null,
          );
        }
        const order = await db
          .selectFrom('calls')
          .select('id')
          .where('status', '=', 'queued')
          .orderBy('priority')
          .orderBy('dial_turn')
          .orderBy('seq')
          .execute();
        expect(order.map((row) => row.id)).toEqual(['call_2', 'call_0', 'call_4']);

        // A call queued afterwards by a writer that gives no turn (a server from before 0008):
        // the backlog numbers it by seq when it reads from the start, and pages past it.
        await db
          .insertInto('calls')
          .values({
            ...newCallRow({
              id: 'call_late',
              organization_id: 'org_a',
              started_at: '2027-01-04T12:00:00.000Z',
            }),
            status: 'queued',
          })
          .execute();
        const backlog = new SqliteDialBacklog(db, new SqliteCallStore(db));
        const first = await backlog.queuedAfter(undefined, 2);
        expect(first.map((key) => key.id)).toEqual(['call_2', 'call_0']);
        const rest = await backlog.queuedAfter(first.at(-1), 10);
        expect(rest.map((key) => key.id)).toEqual(['call_4', 'call_late']);
        const late = rest.at(-1);
        expect(late?.turn).toBe(late?.seq);
      } finally {
        await close();
      }
    });
  });
}
