/**
 * @module
 * The real server a runtime's scenario runs against: in-process LiveKit emulator, one
 * organization with one voice agent, and a Dial queue with a single dial slot. `+15005550002`
 * rings until it is cancelled, so while it holds the slot the next call stays queued: the
 * scenario cancels a call that is queued for certain, not one that might have been dialed.
 */
import { startServer } from '@outdial/server';

/** What a runtime is handed, by environment, bindings or arguments. */
export interface ScenarioConfig {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly agentId: string;
}

export interface ScenarioServer extends ScenarioConfig {
  close(): Promise<void>;
}

// Fast steps, except no-answer: ten minutes is "never" for one scenario.
const EMULATOR_TIMINGS = { ringMs: 30, talkMs: 150, earlyHangupMs: 60, noAnswerMs: 600_000, failMs: 20 };

/** Starts a server on an ephemeral port; `corsOrigins` lets a page on another origin call it. */
export async function startScenarioServer(corsOrigins?: string[]): Promise<ScenarioServer> {
  const server = await startServer({
    port: 0,
    dbPath: ':memory:',
    livekit: 'emulate',
    emulatorTimings: EMULATOR_TIMINGS,
    dialCps: 200,
    dialMaxInFlight: 1,
    rateLimit: false,
    validateResponses: true,
    logLevel: 'silent',
    ...(corsOrigins ? { corsOrigins } : {}),
  });
  const org = await server.admin.createOrganization('Runtimes');
  const { key } = await server.admin.createApiKey(org.id);
  const agent = await server.admin.createAgent(org.id, {
    name: 'Runtimes voice',
    phoneNumbers: ['+14155551000'],
  });
  return { baseUrl: server.url, apiKey: key, agentId: agent.id, close: () => server.close() };
}
