/**
 * @module
 * The whole server (in-process LiveKit emulator, SQLite file) in a process of its own, to kill
 * with SIGKILL while it delivers webhooks. Run with
 * `node --import tsx webhook-server-child-process.ts '<json>'`. With `seed`, it first makes an
 * organization with an API key and a voice agent. Prints one JSON line once listening:
 * `{ url, apiKey?, agentId? }`. SIGTERM stops it gracefully.
 */
import { startServer } from '../../src/server/start-server';
import { advancingClock } from './advancing-clock';

export interface WebhookServerChildConfig {
  dbPath: string;
  seed: boolean;
  /**
   * Starts the clock this far ahead of the system's: a restart after a crash sets it past the
   * claims the killed process held (their lease), as that much real time would.
   */
  clockAheadMs?: number;
  /**
   * `worker` (the production default): deliveries go out from the server's worker thread, on the
   * system clock, so `clockAheadMs` cannot apply. Default `in-process`, on the moved clock.
   */
  webhookDispatch?: 'worker' | 'in-process';
}

const config = JSON.parse(process.argv[2] ?? '{}') as WebhookServerChildConfig;
const clock = advancingClock();
clock.advance(config.clockAheadMs ?? 0);
const server = await startServer({
  port: 0,
  dbPath: config.dbPath,
  livekit: 'emulate',
  // test-server.ts's FAST_TIMINGS (that module needs vitest, which a plain process has not).
  emulatorTimings: { ringMs: 30, talkMs: 150, earlyHangupMs: 60, noAnswerMs: 80, failMs: 20 },
  dialCps: 200,
  dialMaxInFlight: 200,
  rateLimit: false,
  logLevel: process.env.WEBHOOK_CHILD_LOG_LEVEL ?? 'silent',
  webhookAllowPrivate: true,
  webhookPollIntervalMs: 20,
  ...(config.webhookDispatch === 'worker' ? { webhookDispatch: 'worker' } : { clock }),
});
let seeded = {};
if (config.seed) {
  const org = await server.admin.createOrganization('Acme');
  const { key } = await server.admin.createApiKey(org.id);
  const agent = await server.admin.createAgent(org.id, {
    name: 'Acme voice',
    phoneNumbers: ['+14155551000'],
  });
  seeded = { apiKey: key, agentId: agent.id };
}
process.stdout.write(`${JSON.stringify({ url: server.url, ...seeded })}\n`);

process.once('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
