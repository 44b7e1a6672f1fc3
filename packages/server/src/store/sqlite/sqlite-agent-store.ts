import type { Kysely } from 'kysely';
import type { AgentPatch, AgentRow, AgentStore } from '../../ports/agent-store';
import type { PageRequest } from '../../ports/page-request';
import { PrecompiledQuery } from './precompiled-query';
import type { Database } from './sqlite-schema';

/** Read for every call created. */
const agentOfOrganization = new PrecompiledQuery<{ organizationId: string; agentId: string }, AgentRow>(
  (db, arg) =>
    db
      .selectFrom('agents')
      .selectAll()
      .where('id', '=', arg('agentId'))
      .where('organization_id', '=', arg('organizationId')),
);

export class SqliteAgentStore implements AgentStore {
  constructor(private readonly db: Kysely<Database>) {}

  insert(agent: AgentRow): Promise<AgentRow> {
    return this.db.insertInto('agents').values(agent).returningAll().executeTakeFirstOrThrow();
  }

  find(organizationId: string, agentId: string): Promise<AgentRow | undefined> {
    return agentOfOrganization.takeFirst(this.db, { organizationId, agentId });
  }

  list(organizationId: string, { limit, after }: PageRequest): Promise<AgentRow[]> {
    let query = this.db.selectFrom('agents').selectAll().where('organization_id', '=', organizationId);
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

  listAll(organizationId: string): Promise<AgentRow[]> {
    return this.db
      .selectFrom('agents')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  update(organizationId: string, agentId: string, patch: AgentPatch): Promise<AgentRow | undefined> {
    return this.db
      .updateTable('agents')
      .set(patch)
      .where('id', '=', agentId)
      .where('organization_id', '=', organizationId)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(organizationId: string, agentId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('agents')
      .where('id', '=', agentId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
