/**
 * @module
 * The provisioning commands: they open the database directly (the server may be running; SQLite
 * in WAL mode lets them write alongside it).
 */

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { loadEnvConfig } from '../config/env-config';
import { adminOperations } from '../server/admin-operations';
import { migrateToLatest, openDatabase } from '../store/open-database';
import type { Database } from '../store/schema';
import { type CliCommand, UsageError } from './cli-command';

const dbOption = {
  db: { type: 'string', description: 'SQLite file (default $OUTDIAL_DB_PATH or ./.outdial/outdial.db)' },
} as const;
const orgOption = {
  org: { type: 'string', description: 'The organization, by name or id (required)' },
} as const;

const E164 = /^\+[1-9]\d{1,14}$/;

async function withDatabase<T>(
  values: Record<string, unknown>,
  work: (db: Kysely<Database>) => Promise<T>,
  migrate = true,
): Promise<T> {
  const path = (values.db as string | undefined) ?? loadEnvConfig().dbPath;
  mkdirSync(dirname(path), { recursive: true });
  const db = await openDatabase({ path, migrate });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export const migrateCommand: CliCommand = {
  path: ['migrate'],
  usage: 'migrate [--db <path>]',
  summary: 'Brings the database schema up to date (serve also does this on start).',
  options: { ...dbOption },
  async run(values) {
    const applied = await withDatabase(values, (db) => migrateToLatest(db), false);
    console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  },
};

export const orgsCreateCommand: CliCommand = {
  path: ['orgs', 'create'],
  usage: 'orgs create <name> [--db <path>]',
  summary: 'Creates an organization. Names are unique.',
  options: { ...dbOption },
  allowPositionals: true,
  async run(values, positionals) {
    const name = positionals.join(' ').trim();
    if (!name) throw new UsageError('the organization name is required');
    const org = await withDatabase(values, (db) => adminOperations(db).createOrganization(name));
    console.log(`Created organization "${org.name}" (${org.id})`);
    return 0;
  },
};

export const keysCreateCommand: CliCommand = {
  path: ['keys', 'create'],
  usage: 'keys create --org <name|id> [--db <path>]',
  summary: 'Creates an API key and prints it once: only its hash is stored, so it cannot be shown again.',
  options: { ...orgOption, ...dbOption },
  async run(values) {
    const org = required(values, 'org');
    const key = await withDatabase(values, (db) => adminOperations(db).createApiKey(org));
    console.log(`API key (shown once, store it now): ${key.key}`);
    console.log(`Key id: ${key.id}  prefix: ${key.prefix}`);
    return 0;
  },
};

export const agentsCreateCommand: CliCommand = {
  path: ['agents', 'create'],
  usage: 'agents create --org <name|id> --name <name> --phone <E.164> [--phone …] [--type chat] [--inactive]',
  summary: 'Creates an agent. Its first phone number is the default caller ID.',
  options: {
    ...orgOption,
    name: { type: 'string', description: 'The agent name (required)' },
    phone: { type: 'string', multiple: true, description: 'A caller ID in E.164; repeat for several' },
    type: { type: 'string', description: 'voice (default) or chat' },
    inactive: { type: 'boolean', description: 'Create it inactive (it cannot place calls)' },
    'livekit-agent-name': { type: 'string', description: 'The LiveKit agent worker to dispatch' },
    'sip-trunk-id': { type: 'string', description: 'The LiveKit outbound SIP trunk' },
    ...dbOption,
  },
  async run(values) {
    const org = required(values, 'org');
    const name = required(values, 'name');
    const phoneNumbers = (values.phone as string[] | undefined) ?? [];
    const bad = phoneNumbers.find((p) => !E164.test(p));
    if (bad) throw new UsageError(`--phone must be in E.164 format (+1234567890), got "${bad}"`);
    const type = (values.type as string | undefined) ?? 'voice';
    if (type !== 'voice' && type !== 'chat') throw new UsageError('--type must be voice or chat');
    const livekitAgentName = values['livekit-agent-name'] as string | undefined;
    const sipTrunkId = values['sip-trunk-id'] as string | undefined;
    const agent = await withDatabase(values, (db) =>
      adminOperations(db).createAgent(org, {
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
