/**
 * @module
 * A Dial queue in a process of its own, for the tests that need a real process: one to kill with
 * SIGKILL mid-burst, and one whose event loop is not the emulator's (so the emulator's clock
 * measures pacing, not our own stalls). Run with `node --import tsx dial-queue-child-process.ts '<json>'`.
 * Prints "ready" once dialing; SIGTERM stops it gracefully.
 */
import { subscribe } from 'node:diagnostics_channel';
import { pino } from 'pino';
import { INVITE_SENT_CHANNEL, type InviteSentMessage } from '../../src/dial/dial-diagnostics';
import { DialQueue } from '../../src/dial/dial-queue';
import { LiveKitDialer } from '../../src/dial/livekit-dialer';
import { openSqliteStores } from '../../src/store/sqlite/sqlite-stores';

export interface DialQueueChildConfig {
  dbPath: string;
  livekit: { url: string; apiKey: string; apiSecret: string };
  cps: number;
  maxInFlight: number;
  trackIntervalMs?: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as DialQueueChildConfig;
const stores = await openSqliteStores({ path: config.dbPath });
const queue = new DialQueue({
  calls: stores.calls,
  backlog: stores.dialBacklog,
  dialer: new LiveKitDialer(config.livekit),
  logger: pino({ level: process.env.DIAL_CHILD_LOG_LEVEL ?? 'silent' }),
  cps: config.cps,
  maxInFlight: config.maxInFlight,
  trackIntervalMs: config.trackIntervalMs ?? 100,
});
// Each INVITE's socket time, for tests that judge pacing where the pacer does.
subscribe(INVITE_SENT_CHANNEL, (message) => {
  process.stdout.write(`invite ${(message as InviteSentMessage).monotonicMs}\n`);
});
await queue.start();
process.stdout.write('ready\n');
// The queue's own timers do not keep a process alive (a server's HTTP listener does); this one must.
const keepAlive = setInterval(() => {}, 60_000);

process.once('SIGTERM', async () => {
  clearInterval(keepAlive);
  await queue.stop();
  await stores.close();
  process.exit(0);
});
