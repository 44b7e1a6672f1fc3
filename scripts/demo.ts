// `pnpm demo`: starts the server in-process with the LiveKit emulator on a throwaway database,
// runs examples/quickstart.ts against it, and stops. Nothing to configure, nothing left behind.
import { startServer } from '@outdial/server';
import { quickstart } from '../examples/quickstart';

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
