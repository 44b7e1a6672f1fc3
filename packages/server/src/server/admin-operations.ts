/**
 * @module
 * Provisioning that has no HTTP endpoint: organizations, API keys and (for scripts) agents. The
 * CLI and `RunningServer.admin` both use these. Failures are errors whose message is meant for
 * the operator as it is (the CLI prints it).
 */
import type { AgentResource } from '../agents/agent-resource';
import type { AgentService } from '../agents/agent-service';
import type { ApiKeyService, CreatedApiKey } from '../api-keys/api-key-service';
import type { ApiKeyRow } from '../ports/api-key-store';
import { type Clock, wallClock } from '../ports/clock';
import type { OrganizationStore } from '../ports/organization-store';
import { newOrganizationId } from '../store/ids';
import type { OrganizationWebhookSecrets } from '../webhooks/organization-webhook-secrets';

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
  /**
   * Names are unique: creating a second "Acme" fails with a message saying so. `webhookSecret`
   * signs the deliveries to calls' own `webhookUrl`s; it is shown here (and by
   * `webhookSecret`), and `POST /api/v1/webhook-secret/rotate` replaces it.
   */
  createOrganization(name: string): Promise<{ id: string; name: string; webhookSecret?: string }>;
  /**
   * The organization's current webhook secret (made now for an organization from before
   * webhooks), for the operator to print: the CLI and `pnpm start` have the database already.
   */
  webhookSecret(organizationIdOrName: string): Promise<string>;
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

export interface AdminOperationsDeps {
  organizations: OrganizationStore;
  apiKeys: ApiKeyService;
  agents: AgentService;
  /**
   * Makes and reads organizations' webhook secrets. Optional only until the CLI passes it
   * (cli/admin-commands.ts): without it no secret is returned, and one is made on first use.
   */
  webhookSecrets?: OrganizationWebhookSecrets;
  clock?: Clock;
}

export function adminOperations({
  organizations,
  apiKeys,
  agents,
  webhookSecrets,
  clock = wallClock,
}: AdminOperationsDeps): AdminOperations {
  // By id, or else by its (unique) name: the CLI's `--org` takes either.
  const organizationId = async (idOrName: string): Promise<string> => {
    const organization =
      (await organizations.findById(idOrName)) ?? (await organizations.findByName(idOrName));
    if (!organization) throw new Error(`No organization with id or name "${idOrName}"`);
    return organization.id;
  };
  return {
    async createOrganization(name) {
      const row = { id: newOrganizationId(), name, created_at: clock.now().toISOString() };
      const created = await organizations.create(row);
      if (!created) throw new Error(`An organization named "${name}" already exists`);
      if (!webhookSecrets) return { id: created.id, name };
      const { secret } = await webhookSecrets.of(created.id);
      return { id: created.id, name, webhookSecret: secret };
    },
    async webhookSecret(organizationIdOrName) {
      if (!webhookSecrets) throw new Error('webhook secrets are not available here');
      return (await webhookSecrets.of(await organizationId(organizationIdOrName))).secret;
    },
    async listOrganizations() {
      const rows = await organizations.list();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async createApiKey(organizationIdOrName) {
      return apiKeys.create(await organizationId(organizationIdOrName));
    },
    async listApiKeys(organizationIdOrName) {
      return (await apiKeys.list(await organizationId(organizationIdOrName))).map(toApiKeySummary);
    },
    async revokeApiKey(apiKeyId) {
      const revoked = await apiKeys.revoke(apiKeyId);
      if (!revoked) throw new Error(`No API key with id "${apiKeyId}"`);
      return { ...toApiKeySummary(revoked.row), alreadyRevoked: revoked.alreadyRevoked };
    },
    async createAgent(organizationIdOrName, input) {
      return agents.create(await organizationId(organizationIdOrName), input);
    },
    async listAgents(organizationIdOrName) {
      return agents.listAll(await organizationId(organizationIdOrName));
    },
  };
}
