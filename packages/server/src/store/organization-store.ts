import type { Kysely } from 'kysely';
import { newOrganizationId } from './ids';
import type { Database, OrganizationRow } from './schema';

export async function createOrganization(db: Kysely<Database>, name: string): Promise<OrganizationRow> {
  return db
    .insertInto('organizations')
    .values({ id: newOrganizationId(), name, created_at: new Date().toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Finds an organization by id, or else by its (unique) name: the CLI's `--org` takes either. */
export async function findOrganization(
  db: Kysely<Database>,
  idOrName: string,
): Promise<OrganizationRow | undefined> {
  const byId = await db.selectFrom('organizations').selectAll().where('id', '=', idOrName).executeTakeFirst();
  return byId ?? db.selectFrom('organizations').selectAll().where('name', '=', idOrName).executeTakeFirst();
}
