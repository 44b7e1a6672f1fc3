import type { Kysely } from 'kysely';
import type { OrganizationRow, OrganizationStore } from '../../ports/organization-store';
import type { Database } from './sqlite-schema';

export class SqliteOrganizationStore implements OrganizationStore {
  constructor(private readonly db: Kysely<Database>) {}

  create(organization: OrganizationRow): Promise<OrganizationRow | undefined> {
    return this.db
      .insertInto('organizations')
      .values(organization)
      .onConflict((oc) => oc.column('name').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  findById(id: string): Promise<OrganizationRow | undefined> {
    return this.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByName(name: string): Promise<OrganizationRow | undefined> {
    return this.db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();
  }

  list(): Promise<OrganizationRow[]> {
    return this.db.selectFrom('organizations').selectAll().orderBy('created_at').orderBy('id').execute();
  }
}
