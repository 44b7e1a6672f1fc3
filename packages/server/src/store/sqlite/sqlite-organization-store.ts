import type { Kysely } from 'kysely';
import { newOrganizationId } from './ids';
import type { Database, OrganizationRow } from './schema';

/** @returns the new organization, or undefined when one with that (unique) name exists. */
export async function createOrganization(
  db: Kysely<Database>,
  name: string,
): Promise<OrganizationRow | undefined> {
  return db
    .insertInto('organizations')
    .values({ id: newOrganizationId(), name, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Finds an organization by id, or else by its (unique) name: the CLI's `--org` takes either. */
export async function findOrganization(
  db: Kysely<Database>,
  idOrName: string,
): Promise<OrganizationRow | undefined> {
  const byId = await db.selectFrom('organizations').selectAll().where('id', '=', idOrName).executeTakeFirst();
  return byId ?? db.selectFrom('organizations').selectAll().where('name', '=', idOrName).executeTakeFirst();
}

/** Every organization, oldest first (for the CLI; there is no HTTP listing). */
export async function listOrganizations(db: Kysely<Database>): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('created_at').orderBy('id').execute();
}
