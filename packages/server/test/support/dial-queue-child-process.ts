/**
 * @module
 * A Dial queue in a process of its own, for the tests that need a real process: one to kill with
 * SIGKILL mid-burst, and one whose event loop is not the emulator's (so the emulator's clock
 * measures pacing, not our own stalls). Run with `node --import tsx dial-queue-child-process.ts '<json>'`.
 * Prints "ready" once dialing; SIGTERM stops it gracefully.
 */
import { pino } from 'pino';
import { openDatabase } from '../store/open-database';
import { DialQueue } from './dial-queue';
import { LiveKitDialer } from './livekit-dialer';

export interface DialQueueChildConfig {
  dbPath: string;
  livekit: { url: string; apiKey: string; apiSecret: string };
  cps: number;
  maxInFlight: number;
  trackIntervalMs?: number;
}

import { subscribe } from 'node:diagnostics_channel';
import { INVITE_SENT_CHANNEL, type InviteSentMessage } from './dial-diagnostics';

const config = JSON.parse(process.argv[2] ?? '{}') as DialQueueChildConfig;
const db = await openDatabase({ path: config.dbPath });
const queue = new DialQueue({
  db,
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
  await db.destroy();
  process.exit(0);
});
