/**
 * @module
 * Provisioning that has no HTTP endpoint: organizations, API keys and (for scripts) agents. The
 * CLI and `RunningServer.admin` both use these. Failures are errors whose message is meant for
 * the operator as it is (the CLI prints it).
 */
import type { Kysely } from 'kysely';
import { type AgentResource, toAgentResource } from '../agents/agent-resource';
import { type AgentInput, createAgent, listAllAgents } from '../store/agent-store';
import { type CreatedApiKey, createApiKey, listApiKeys, revokeApiKey } from '../store/api-key-store';
import { createOrganization, findOrganization, listOrganizations } from '../store/organization-store';
import type { ApiKeyRow, Database } from '../store/schema';

export interface OrganizationSummary {
  id: string;
  name: string;
  createdAt: string;
}

/** What is known of a stored key: never the key itself, which is not stored. */
export interface ApiKeySummary {
  id: string;
  organizationId: string;
  /** The key's first characters (`od_` + 5), to recognise it. */
  prefix: string;
  createdAt: string;
  /** When it stopped authenticating; null while it works. */
  revokedAt: string | null;
}

export interface AdminOperations {
  /** Names are unique: creating a second "Acme" fails with a message saying so. */
  createOrganization(name: string): Promise<{ id: string; name: string }>;
  /** Oldest first. */
  listOrganizations(): Promise<OrganizationSummary[]>;
  /** The key is returned once; only its hash is stored. */
  createApiKey(organizationIdOrName: string): Promise<CreatedApiKey>;
  /** Oldest first, revoked keys included. */
  listApiKeys(organizationIdOrName: string): Promise<ApiKeySummary[]>;
  /** The key stops authenticating at once. Revoking a revoked key changes nothing. */
  revokeApiKey(apiKeyId: string): Promise<ApiKeySummary & { alreadyRevoked: boolean }>;
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
  /** Oldest first. */
  listAgents(organizationIdOrName: string): Promise<AgentResource[]>;
}

const toApiKeySummary = (row: ApiKeyRow): ApiKeySummary => ({
  id: row.id,
  organizationId: row.organization_id,
  prefix: row.prefix,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export function adminOperations(db: Kysely<Database>): AdminOperations {
  const organizationId = async (idOrName: string): Promise<string> => {
    const organization = await findOrganization(db, idOrName);
    if (!organization) throw new Error(`No organization with id or name "${idOrName}"`);
    return organization.id;
  };
  return {
    async createOrganization(name) {
      const created = await createOrganization(db, name);
      if (!created) throw new Error(`An organization named "${name}" already exists`);
      return { id: created.id, name };
    },
    async listOrganizations() {
      const rows = await listOrganizations(db);
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async createApiKey(organizationIdOrName) {
      return createApiKey(db, await organizationId(organizationIdOrName));
    },
    async listApiKeys(organizationIdOrName) {
      return (await listApiKeys(db, await organizationId(organizationIdOrName))).map(toApiKeySummary);
    },
    async revokeApiKey(apiKeyId) {
      const now = new Date().toISOString();
      const row = await revokeApiKey(db, apiKeyId, now);
      if (!row) throw new Error(`No API key with id "${apiKeyId}"`);
      return { ...toApiKeySummary(row), alreadyRevoked: row.revoked_at !== now };
    },
    async createAgent(organizationIdOrName, input: AgentInput) {
      return toAgentResource(await createAgent(db, await organizationId(organizationIdOrName), input));
    },
    async listAgents(organizationIdOrName) {
      return (await listAllAgents(db, await organizationId(organizationIdOrName))).map(toAgentResource);
    },
  };
}
