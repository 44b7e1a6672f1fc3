/**
 * The server the examples' tests run against: the real one, LiveKit emulated in-process with fast
 * timings, one organization, API key and voice agent.
 */
import { type RunningServer, startServer } from '@outdial/server';

export interface ExampleServer {
  server: RunningServer;
  apiKey: string;
  agentId: string;
}

export async function startExampleServer(organization: string): Promise<ExampleServer> {
  const server = await startServer({
    port: 0,
    dbPath: ':memory:',
    livekit: 'emulate',
    emulatorTimings: { ringMs: 50, talkMs: 200, earlyHangupMs: 100, noAnswerMs: 150, failMs: 20 },
    dialCps: 100,
    dialMaxInFlight: 200,
    rateLimit: false,
    logLevel: 'silent',
  });
  const org = await server.admin.createOrganization(organization);
  const { key } = await server.admin.createApiKey(org.id);
  const agent = await server.admin.createAgent(org.id, {
    name: `${organization} agent`,
    phoneNumbers: ['+14155551234'],
  });
  return { server, apiKey: key, agentId: agent.id };
}
