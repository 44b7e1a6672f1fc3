import type { Kysely } from 'kysely';
import type {
  OrganizationWebhookSecretRow,
  OrganizationWebhookSecretStore,
} from '../../ports/webhook-secret-store';
import type { Database } from './sqlite-schema';

export class SqliteWebhookSecretStore implements OrganizationWebhookSecretStore {
  constructor(private readonly db: Kysely<Database>) {}

  async ensure(candidate: OrganizationWebhookSecretRow): Promise<OrganizationWebhookSecretRow> {
    await this.db
      .insertInto('organization_webhook_secrets')
      .values(candidate)
      .onConflict((oc) => oc.column('organization_id').doNothing())
      .execute();
    return this.db
      .selectFrom('organization_webhook_secrets')
      .selectAll()
      .where('organization_id', '=', candidate.organization_id)
      .executeTakeFirstOrThrow();
  }

  rotate(
    organizationId: string,
    rotation: { secret: string; previousSecretExpiresAt: string; updatedAt: string },
  ): Promise<OrganizationWebhookSecretRow> {
    return this.db
      .updateTable('organization_webhook_secrets')
      .set((eb) => ({
        previous_secret: eb.ref('secret'),
        previous_secret_expires_at: rotation.previousSecretExpiresAt,
        secret: rotation.secret,
        updated_at: rotation.updatedAt,
      }))
      .where('organization_id', '=', organizationId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
