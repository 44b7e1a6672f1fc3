/**
 * Migration 0011 on a PostgreSQL database that has events already: each organization's newest
 * event id is taken over, so the next event follows it (and not the clock), and an organization
 * created afterwards has its row too. SQLite keeps nothing (it reads the event tables).
 */
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { newCallRow } from '../../../../test/support/call-rows';
import { createTestSchema } from '../../../../test/support/postgres-database';
import { openPostgresDatabase } from '../../postgres/open-postgres-database';
import { SqliteCallStore } from '../sqlite-call-store';
import { migrationProvider } from '.';

// An id from the year 2100: the next id must follow it, not today's clock.
const FUTURE_EVENT_ID = 'evt_3ZZZZZZZZZ0000000000000000';

describe.skipIf(process.env.OUTDIAL_TEST_POSTGRES === 'skip')('migration 0011 on postgres', () => {
  it('takes over each organization’s newest event id, and gives new organizations their row', async () => {
    const schema = await createTestSchema();
    const db = await openPostgresDatabase({ url: schema.url, schema: schema.schema, migrate: false });
    try {
      const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: schema.schema });
      expect((await migrator.migrateTo('0010-trunk-budgets')).error).toBeUndefined();
      const started = '2027-01-04T12:00:00.000Z';
      await db.insertInto('organizations').values({ id: 'org_a', name: 'A', created_at: started }).execute();
      await db.insertInto('organizations').values({ id: 'org_b', name: 'B', created_at: started }).execute();
      await db
        .insertInto('calls')
        .values({
          ...newCallRow({ id: 'call_a', organization_id: 'org_a', started_at: started }),
          status: 'queued',
        })
        .execute();
      await db
        .insertInto('call_events')
        .values({
          call_id: 'call_a',
          from_status: 'initiated',
          to_status: 'queued',
          at: started,
          details: '{}',
          event_id: FUTURE_EVENT_ID,
          organization_id: 'org_a',
          sequence: 1,
          call_snapshot: '{}',
        })
        .execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const heads = await sql<{ organization_id: string; newest_event_id: string | null }>`
        select organization_id, newest_event_id from event_id_heads order by organization_id`.execute(db);
      expect(heads.rows).toEqual([
        { organization_id: 'org_a', newest_event_id: FUTURE_EVENT_ID },
        { organization_id: 'org_b', newest_event_id: null },
      ]);

      const calls = new SqliteCallStore(db);
      await calls.transition('call_a', 'connecting', { from: ['queued'] });
      const connecting = (await calls.events('call_a')).at(-1);
      expect(connecting?.event_id && connecting.event_id > FUTURE_EVENT_ID).toBe(true);

      await db.insertInto('organizations').values({ id: 'org_c', name: 'C', created_at: started }).execute();
      const newest = await sql<{ newest_event_id: string }>`
        select newest_event_id from event_id_heads where organization_id = 'org_a'`.execute(db);
      expect(newest.rows[0]?.newest_event_id).toBe(connecting?.event_id);
      const added = await sql`select 1 from event_id_heads where organization_id = 'org_c'`.execute(db);
      expect(added.rows).toHaveLength(1);
    } finally {
      await db.destroy();
      await schema.drop();
    }
  });
});
