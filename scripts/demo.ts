// `pnpm demo`: starts the server in-process with the LiveKit emulator on a throwaway database,
// runs examples/quickstart.ts against it, and stops. Nothing to configure, nothing left behind.
// It builds the workspace first only if the sources changed since the last build; the packages
// are imported after that (dynamically), so they are never a stale dist/.
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale();
const { startServer } = await import('@outdial/server');
const { quickstart } = await import('../examples/quickstart');

const server = await startServer({ port: 0, dbPath: ':memory:', livekit: 'emulate', logLevel: 'warn' });
try {
  const org = await server.admin.createOrganization('Demo');
  const { key } = await server.admin.createApiKey(org.id);
  const agent = await server.admin.createAgent(org.id, {
    name: 'Demo agent',
    phoneNumbers: ['+14155551234'],
  });
  console.log(`Outdial is listening on ${server.url} (LiveKit emulated in-process)\n`);
  await quickstart({ baseUrl: server.url, apiKey: key, agentId: agent.id });
} finally {
  await server.close();
}
