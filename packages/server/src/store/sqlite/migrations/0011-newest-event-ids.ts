import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect';

// PostgreSQL only: each organization's newest event id, kept in a row of its own by triggers, so
// that one statement both takes the event-id lock (that row's) and reads the id to follow
// (store/sqlite/event-ids.ts). Reading the event tables instead takes a statement of its own after
// the lock: a statement that waited for a row lock still reads other tables as they were when it
// began. SQLite has one writer at a time and reads the tables, so it has nothing to keep.
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the database as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create table event_id_heads (
      organization_id text primary key references organizations (id) on delete cascade,
      newest_event_id text collate "C")
  `.execute(db);
  await sql`
    insert into event_id_heads (organization_id, newest_event_id)
    select o.id, greatest(
      (select max(event_id) from call_events where organization_id = o.id),
      (select max(event_id) from batch_events where organization_id = o.id))
    from organizations o
  `.execute(db);
  // Every organization has its row from the start: a lock on a row that is not there locks nothing.
  await sql`
    create function outdial_add_event_id_head() returns trigger language plpgsql as $$
    begin
      insert into event_id_heads (organization_id) values (new.id);
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger organizations_event_id_head after insert on organizations
    for each row execute function outdial_add_event_id_head()
  `.execute(db);
  // Only ever forward: ids are chosen after the newest, under this row's lock.
  await sql`
    create function outdial_note_newest_event_id() returns trigger language plpgsql as $$
    begin
      update event_id_heads set newest_event_id = new.event_id
       where organization_id = new.organization_id
         and (newest_event_id is null or newest_event_id < new.event_id);
      return null;
    end $$
  `.execute(db);
  for (const table of ['call_events', 'batch_events']) {
    // call_events' `initiated` rows have no event id (and no organization): nothing to note.
    await sql`
      create trigger ${sql.id(`${table}_newest_event_id`)} after insert on ${sql.table(table)}
      for each row when (new.event_id is not null)
      execute function outdial_note_newest_event_id()
    `.execute(db);
  }
}
