/**
 * @module
 * The provisioning commands: they open the database directly (the server may be running; SQLite
 * in WAL mode lets them write alongside it, and PostgreSQL, with OUTDIAL_DATABASE_URL or
 * --database-url, is shared anyway). Listings never show a key: only its hash is stored.
 */
import { AgentService } from '../agents/agent-service';
import { ApiKeyService } from '../api-keys/api-key-service';
import { loadEnvConfig } from '../config/env-config';
import type { Stores } from '../ports/stores';
import { type AdminOperations, adminOperations } from '../server/admin-operations';
import { openServerStores } from '../server/open-server-stores';
import { OrganizationWebhookSecrets } from '../webhooks/organization-webhook-secrets';
import { type CliCommand, UsageError } from './cli-command';
import { textTable } from './text-table';

export const dbOption = {
  db: { type: 'string', description: 'SQLite file (default $OUTDIAL_DB_PATH or ./.outdial/outdial.db)' },
  'database-url': {
    type: 'string',
    description: 'PostgreSQL instead of the SQLite file (default $OUTDIAL_DATABASE_URL)',
  },
} as const;
const orgOption = {
  org: { type: 'string', description: 'The organization, by name or id (required)' },
} as const;

const E164 = /^\+[1-9]\d{1,14}$/;
/** The limits of CreateAgentRequest in openapi.yaml, so the CLI creates only agents the API could. */
const MAX_NAME_LENGTH = 200;
const MAX_PHONE_NUMBERS = 50;
const MAX_LIVEKIT_ID_LENGTH = 128;

export async function withDatabase<T>(
  values: Record<string, unknown>,
  work: (stores: Stores) => Promise<T>,
  migrate = true,
): Promise<T> {
  const config = loadEnvConfig();
  const databaseUrl = (values['database-url'] as string | undefined) ?? config.databaseUrl ?? undefined;
  const path = (values.db as string | undefined) ?? config.dbPath;
  let stores: Stores;
  try {
    stores = await openServerStores(
      databaseUrl === undefined
        ? // One command's few writes: SQLite's own checkpoints, no thread for them.
          { dbPath: path, migrate, walCheckpoints: 'inline' }
        : { databaseUrl, databasePoolSize: 2, migrate },
    );
  } catch (error) {
    // A PostgreSQL URL is named by its host only: it usually carries a password.
    const where = databaseUrl === undefined ? path : `PostgreSQL at ${hostOf(databaseUrl)}`;
    throw new Error(`cannot open the database ${where}: ${error instanceof Error ? error.message : error}`);
  }
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}

const withAdmin = <T>(values: Record<string, unknown>, work: (admin: AdminOperations) => Promise<T>) =>
  withDatabase(values, (stores) =>
    work(
      adminOperations({
        organizations: stores.organizations,
        apiKeys: new ApiKeyService({ apiKeys: stores.apiKeys }),
        agents: new AgentService({ agents: stores.agents }),
        webhookSecrets: new OrganizationWebhookSecrets({ secrets: stores.webhookSecrets }),
      }),
    ),
  );

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export const migrateCommand: CliCommand = {
  path: ['migrate'],
  usage: 'migrate [--db <path> | --database-url <url>]',
  summary: 'Brings the database schema up to date (serve also does this on start).',
  options: { ...dbOption },
  async run(values) {
    const applied = await withDatabase(values, (stores) => stores.migrateToLatest(), false);
    console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  },
};

export const orgsCreateCommand: CliCommand = {
  path: ['orgs', 'create'],
  usage: 'orgs create <name> [--db <path> | --database-url <url>]',
  summary: 'Creates an organization. Names are unique.',
  options: { ...dbOption },
  allowPositionals: true,
  async run(values, positionals) {
    const name = positionals.join(' ').trim();
    if (!name) throw new UsageError('the organization name is required');
    const org = await withAdmin(values, (admin) => admin.createOrganization(name));
    console.log(`Created organization "${org.name}" (${org.id})`);
    // Signs the deliveries to each call's own webhookUrl; POST /api/v1/webhook-secret/rotate
    // replaces it (and shows the new one once).
    if (org.webhookSecret)
      console.log(`Webhook signing secret (for calls' webhookUrl): ${org.webhookSecret}`);
    return 0;
  },
};

export const orgsListCommand: CliCommand = {
  path: ['orgs', 'list'],
  usage: 'orgs list [--db <path> | --database-url <url>]',
  summary: 'Lists the organizations, oldest first.',
  options: { ...dbOption },
  async run(values) {
    const orgs = await withAdmin(values, (admin) => admin.listOrganizations());
    console.log(
      orgs.length === 0
        ? 'No organizations yet: create one with `outdial orgs create <name>`.'
        : textTable(
            ['ID', 'NAME', 'CREATED'],
            orgs.map((org) => [org.id, org.name, org.createdAt]),
          ),
    );
    return 0;
  },
};

export const keysCreateCommand: CliCommand = {
  path: ['keys', 'create'],
  usage: 'keys create --org <name|id> [--db <path> | --database-url <url>]',
  summary: 'Creates an API key and prints it once. Only its hash is stored, so it cannot be shown again.',
  options: { ...orgOption, ...dbOption },
  async run(values) {
    const org = required(values, 'org');
    const key = await withAdmin(values, (admin) => admin.createApiKey(org));
    console.log(`API key (shown once, store it now): ${key.key}`);
    console.log(`Key id: ${key.id}  prefix: ${key.prefix}`);
    return 0;
  },
};

export const keysListCommand: CliCommand = {
  path: ['keys', 'list'],
  usage: 'keys list --org <name|id> [--db <path> | --database-url <url>]',
  summary:
    "Lists an organization's API keys, revoked ones included. Each shows its id and first characters: " +
    'the keys themselves are not stored.',
  options: { ...orgOption, ...dbOption },
  async run(values) {
    const org = required(values, 'org');
    const keys = await withAdmin(values, (admin) => admin.listApiKeys(org));
    console.log(
      keys.length === 0
        ? `No API keys yet: create one with \`outdial keys create --org ${org}\`.`
        : textTable(
            ['ID', 'KEY', 'CREATED', 'REVOKED'],
            keys.map((key) => [key.id, `${key.prefix}…`, key.createdAt, key.revokedAt ?? '-']),
          ),
    );
    return 0;
  },
};

export const keysRevokeCommand: CliCommand = {
  path: ['keys', 'revoke'],
  usage: 'keys revoke <key id> [--db <path> | --database-url <url>]',
  summary:
    'Revokes an API key. It stops authenticating at once, also on a running server; `keys list` shows the ids.',
  options: { ...dbOption },
  allowPositionals: true,
  async run(values, positionals) {
    if (positionals.length !== 1)
      throw new UsageError('give exactly one key id (`outdial keys list` shows them)');
    const id = positionals[0] as string;
    const key = await withAdmin(values, (admin) => admin.revokeApiKey(id));
    console.log(
      key.alreadyRevoked
        ? `API key ${key.id} (${key.prefix}…) was already revoked at ${key.revokedAt}.`
        : `Revoked API key ${key.id} (${key.prefix}…): it no longer authenticates.`,
    );
    return 0;
  },
};

export const agentsCreateCommand: CliCommand = {
  path: ['agents', 'create'],
  usage:
    'agents create --org <name|id> --name <name> --phone <E.164> [--phone …] [--type voice|chat] ' +
    '[--inactive] [--livekit-agent-name <name>] [--sip-trunk-id <id>] [--db <path> | --database-url <url>]',
  summary:
    'Creates an agent. Its first phone number is the default caller ID. --org and --name are required, ' +
    'and a voice agent (the default type) needs at least one --phone to call from; a chat agent needs none.',
  options: {
    ...orgOption,
    name: { type: 'string', description: `The agent name, 1 to ${MAX_NAME_LENGTH} characters (required)` },
    phone: {
      type: 'string',
      multiple: true,
      description: 'A caller ID in E.164 (+14155551234); repeat for several (required for a voice agent)',
    },
    type: { type: 'string', description: 'voice (default) or chat' },
    inactive: { type: 'boolean', description: 'Create it inactive (it cannot place calls)' },
    'livekit-agent-name': { type: 'string', description: 'The LiveKit agent worker to dispatch' },
    'sip-trunk-id': { type: 'string', description: 'The LiveKit outbound SIP trunk' },
    ...dbOption,
  },
  async run(values) {
    const org = required(values, 'org');
    const name = required(values, 'name');
    if (name.length > MAX_NAME_LENGTH)
      throw new UsageError(`--name must be 1 to ${MAX_NAME_LENGTH} characters`);
    const type = (values.type as string | undefined) ?? 'voice';
    if (type !== 'voice' && type !== 'chat')
      throw new UsageError(`--type must be voice or chat, got "${type}"`);
    const phoneNumbers = (values.phone as string[] | undefined) ?? [];
    const bad = phoneNumbers.find((p) => !E164.test(p));
    if (bad) throw new UsageError(`--phone must be in E.164 format (+1234567890), got "${bad}"`);
    if (new Set(phoneNumbers).size !== phoneNumbers.length)
      throw new UsageError('--phone numbers must be distinct');
    if (phoneNumbers.length > MAX_PHONE_NUMBERS)
      throw new UsageError(`an agent has at most ${MAX_PHONE_NUMBERS} phone numbers`);
    if (type === 'voice' && phoneNumbers.length === 0) {
      throw new UsageError(
        'a voice agent needs at least one --phone <E.164> to call from (calls are placed from its numbers)',
      );
    }
    const livekitAgentName = values['livekit-agent-name'] as string | undefined;
    const sipTrunkId = values['sip-trunk-id'] as string | undefined;
    for (const [flag, value] of [
      ['livekit-agent-name', livekitAgentName],
      ['sip-trunk-id', sipTrunkId],
    ] as const) {
      if (value !== undefined && (value === '' || value.length > MAX_LIVEKIT_ID_LENGTH))
        throw new UsageError(`--${flag} must be 1 to ${MAX_LIVEKIT_ID_LENGTH} characters`);
    }
    const agent = await withAdmin(values, (admin) =>
      admin.createAgent(org, {
        name,
        type,
        status: values.inactive ? 'inactive' : 'active',
        phoneNumbers,
        ...(livekitAgentName ? { livekitAgentName } : {}),
        ...(sipTrunkId ? { sipTrunkId } : {}),
      }),
    );
    console.log(`Created ${agent.status} ${agent.type} agent "${agent.name}" (${agent.id})`);
    return 0;
  },
};

export const agentsListCommand: CliCommand = {
  path: ['agents', 'list'],
  usage: 'agents list --org <name|id> [--db <path> | --database-url <url>]',
  summary: "Lists an organization's agents, oldest first.",
  options: { ...orgOption, ...dbOption },
  async run(values) {
    const org = required(values, 'org');
    const agents = await withAdmin(values, (admin) => admin.listAgents(org));
    console.log(
      agents.length === 0
        ? `No agents yet: create one with \`outdial agents create --org ${org} --name <name> --phone <E.164>\`.`
        : textTable(
            ['ID', 'NAME', 'TYPE', 'STATUS', 'PHONE NUMBERS'],
            agents.map((a) => [a.id, a.name, a.type, a.status, a.phoneNumbers.join(', ') || '-']),
          ),
    );
    return 0;
  },
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}
