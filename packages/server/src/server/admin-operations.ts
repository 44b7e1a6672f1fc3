/**
 * @module
 * Provisioning that has no HTTP endpoint: organizations, API keys and (for scripts) agents. The
 * CLI and `RunningServer.admin` both use these.
 */
import type { Kysely } from 'kysely';
import { type AgentResource, toAgentResource } from '../agents/agent-resource';
import { type AgentInput, createAgent } from '../store/agent-store';
import { type CreatedApiKey, createApiKey } from '../store/api-key-store';
import { createOrganization, findOrganization } from '../store/organization-store';
import type { Database } from '../store/schema';

export interface AdminOperations {
  createOrganization(name: string): Promise<{ id: string; name: string }>;
  /** The key is returned once; only its hash is stored. */
  createApiKey(organizationIdOrName: string): Promise<CreatedApiKey>;
  createAgent(
    organizationIdOrName: string,
    input: {
      name: string;
      phoneNumbers?: string[];
      type?: 'voice' | 'chat';
      status?: 'active' | 'inactive';
      livekitAgentName?: string;
      sipTrunkId?: string;
    },
  ): Promise<AgentResource>;
}

export function adminOperations(db: Kysely<Database>): AdminOperations {
  const organizationId = async (idOrName: string): Promise<string> => {
    const organization = await findOrganization(db, idOrName);
    if (!organization) throw new Error(`No organization with id or name "${idOrName}"`);
    return organization.id;
  };
  return {
    async createOrganization(name) {
      const { id } = await createOrganization(db, name);
      return { id, name };
    },
    async createApiKey(organizationIdOrName) {
      return createApiKey(db, await organizationId(organizationIdOrName));
    },
    async createAgent(organizationIdOrName, input: AgentInput) {
      return toAgentResource(await createAgent(db, await organizationId(organizationIdOrName), input));
    },
  };
}
