/**
 * @module
 * Agents, always read and written within one organization: another organization's agent is
 * indistinguishable from a missing one.
 */
import type { Kysely } from 'kysely';
import { newAgentId } from './ids';
import type { PageCursor } from './page-cursor';
import type { AgentRow, Database } from './schema';

export interface AgentInput {
  name: string;
  type?: 'voice' | 'chat';
  status?: 'active' | 'inactive';
  phoneNumbers?: string[];
  livekitAgentName?: string | null;
  sipTrunkId?: string | null;
}

export async function createAgent(
  db: Kysely<Database>,
  organizationId: string,
  input: AgentInput,
): Promise<AgentRow> {
  const now = new Date().toISOString();
  return db
    .insertInto('agents')
    .values({
      id: newAgentId(),
      organization_id: organizationId,
      name: input.name,
      type: input.type ?? 'voice',
      status: input.status ?? 'active',
      phone_numbers: JSON.stringify(input.phoneNumbers ?? []),
      livekit_agent_name: input.livekitAgentName ?? null,
      sip_trunk_id: input.sipTrunkId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findAgent(
  db: Kysely<Database>,
  organizationId: string,
  agentId: string,
): Promise<AgentRow | undefined> {
  return db
    .selectFrom('agents')
    .selectAll()
    .where('id', '=', agentId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** Newest first; `limit + 1` rows are read so the caller knows whether there is another page. */
export async function listAgents(
  db: Kysely<Database>,
  organizationId: string,
  { limit, after }: { limit: number; after?: PageCursor | undefined },
): Promise<AgentRow[]> {
  let query = db.selectFrom('agents').selectAll().where('organization_id', '=', organizationId);
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

/** All of an organization's agents, oldest first (for the CLI, which does not page). */
export async function listAllAgents(db: Kysely<Database>, organizationId: string): Promise<AgentRow[]> {
  return db
    .selectFrom('agents')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function updateAgent(
  db: Kysely<Database>,
  organizationId: string,
  agentId: string,
  patch: Partial<AgentInput>,
): Promise<AgentRow | undefined> {
  return db
    .updateTable('agents')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.type !== undefined ? { type: patch.type } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.phoneNumbers !== undefined ? { phone_numbers: JSON.stringify(patch.phoneNumbers) } : {}),
      ...(patch.livekitAgentName !== undefined ? { livekit_agent_name: patch.livekitAgentName } : {}),
      ...(patch.sipTrunkId !== undefined ? { sip_trunk_id: patch.sipTrunkId } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', agentId)
    .where('organization_id', '=', organizationId)
    .returningAll()
    .executeTakeFirst();
}

/** @returns whether an agent was deleted. Its calls keep the agent's name and type. */
export async function deleteAgent(
  db: Kysely<Database>,
  organizationId: string,
  agentId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('agents')
    .where('id', '=', agentId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function agentPhoneNumbers(agent: AgentRow): string[] {
  return JSON.parse(agent.phone_numbers) as string[];
}
