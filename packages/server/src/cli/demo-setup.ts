/**
 * @module
 * The embedded default's demo data: on first start an organization, an API key and an active
 * voice agent. Only the key's hash is in the database, so the key itself is kept in a local file
 * next to it (`demo.json`) for later starts to print again. That file is a plain-text secret for
 * a local demo; delete it (and the database) to start over.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunningServer } from '../server/start-server';

export interface DemoData {
  organizationId: string;
  apiKey: string;
  agentId: string;
  /** Signs the deliveries to a call's own webhookUrl (read from the database on every start). */
  webhookSecret?: string;
}

const DEMO_ORGANIZATION = 'Demo organization';
const DEMO_CALLER_ID = '+14155551234';

export function demoFilePath(dbPath: string): string | undefined {
  return dbPath === ':memory:' ? undefined : join(dirname(dbPath), 'demo.json');
}

/** Reuses the demo data in `demo.json` if it still matches the database, else creates it. */
export async function ensureDemoData(server: RunningServer, file: string | undefined): Promise<DemoData> {
  const saved = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoData) : undefined;
  if (saved && (await isStillValid(server, saved)))
    return { ...saved, webhookSecret: await server.admin.webhookSecret(saved.organizationId) };

  const organization =
    (await server.admin.listOrganizations()).find((o) => o.name === DEMO_ORGANIZATION) ??
    (await server.admin.createOrganization(DEMO_ORGANIZATION));
  const { key } = await server.admin.createApiKey(organization.id);
  const agent = await server.admin.createAgent(organization.id, {
    name: 'Demo voice agent',
    phoneNumbers: [DEMO_CALLER_ID],
  });
  const demo = { organizationId: organization.id, apiKey: key, agentId: agent.id };
  if (file) writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return { ...demo, webhookSecret: await server.admin.webhookSecret(organization.id) };
}

/**
 * Asked of the running server as a client would: the agent answers 200 only to a key that still
 * authenticates and belongs to the agent's organization.
 */
async function isStillValid(server: RunningServer, demo: DemoData): Promise<boolean> {
  const response = await fetch(`${server.url}/api/v1/agents/${encodeURIComponent(demo.agentId)}`, {
    headers: { 'x-api-key': demo.apiKey },
  });
  await response.body?.cancel();
  if (response.status !== 200) return false;
  return (await server.admin.listAgents(demo.organizationId)).some((agent) => agent.id === demo.agentId);
}

export function demoBanner(url: string, demo: DemoData, file: string | undefined): string {
  return [
    '',
    `Outdial is listening on ${url} (LiveKit emulated in-process: no real calls are placed).`,
    `API reference: ${url}/docs`,
    `Console:       ${url}/console (sign in with the API key below)`,
    '',
    `  Organization: ${demo.organizationId}`,
    `  API key:      ${demo.apiKey}`,
    `  Agent:        ${demo.agentId}`,
    ...(demo.webhookSecret ? [`  Webhook secret (signs each call's webhookUrl): ${demo.webhookSecret}`] : []),
    file
      ? `  (only the key's hash is in the database; the key is kept in ${file} so it can be shown again)`
      : '',
    '',
    'Place a call:',
    `  curl -s -X POST ${url}/api/v1/calls/outbound \\`,
    `    -H 'x-api-key: ${demo.apiKey}' -H 'content-type: application/json' \\`,
    `    -d '{"agentId":"${demo.agentId}","phoneNumber":"+14155552671"}'`,
    '',
    'Then watch it go from queued to completed (use the id from the answer):',
    `  curl -s ${url}/api/v1/calls/<call id> -H 'x-api-key: ${demo.apiKey}'`,
    '',
    'Run the examples against it (from the repository root):',
    `  export OUTDIAL_BASE_URL=${url} OUTDIAL_API_KEY=${demo.apiKey} OUTDIAL_AGENT_ID=${demo.agentId}`,
    '  node --import tsx examples/quickstart.ts',
    '',
  ]
    .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
    .join('\n');
}
