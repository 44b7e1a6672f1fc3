import type { Kysely } from 'kysely';
import type { PageRequest } from '../../ports/page-request';
import type {
  WebhookEndpointPatch,
  WebhookEndpointRow,
  WebhookEndpointStore,
} from '../../ports/webhook-endpoint-store';
import type { Database } from './sqlite-schema';

export class SqliteWebhookEndpointStore implements WebhookEndpointStore {
  constructor(private readonly db: Kysely<Database>) {}

  insert(endpoint: WebhookEndpointRow): Promise<WebhookEndpointRow> {
    return this.db.insertInto('webhook_endpoints').values(endpoint).returningAll().executeTakeFirstOrThrow();
  }

  find(organizationId: string, endpointId: string): Promise<WebhookEndpointRow | undefined> {
    return this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', endpointId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
  }

  list(organizationId: string, { limit, after }: PageRequest): Promise<WebhookEndpointRow[]> {
    let query = this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('organization_id', '=', organizationId);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', after.t),
          eb.and([eb('created_at', '=', after.t), eb('id', '<', after.i)]),
        ]),
      );
    }
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  update(
    organizationId: string,
    endpointId: string,
    patch: WebhookEndpointPatch,
  ): Promise<WebhookEndpointRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('webhook_endpoints')
        .set(patch)
        .where('id', '=', endpointId)
        .where('organization_id', '=', organizationId)
        .returningAll()
        .executeTakeFirst();
      if (updated && patch.status === 'disabled') {
        // A delivery in flight now records its attempt, and the sender, seeing the endpoint
        // disabled, fails it then.
        await trx
          .updateTable('webhook_deliveries')
          .set({ status: 'failed', next_attempt_at: null })
          .where('endpoint_id', '=', endpointId)
          .where('status', '=', 'pending')
          .execute();
      }
      return updated;
    });
  }

  delete(organizationId: string, endpointId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom('webhook_endpoints')
        .where('id', '=', endpointId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) return false;
      await trx.deleteFrom('webhook_deliveries').where('endpoint_id', '=', endpointId).execute();
      return true;
    });
  }
}
