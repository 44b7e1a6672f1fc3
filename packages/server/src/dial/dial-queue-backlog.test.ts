import { startLiveKitEmulator } from '@outdial/livekit-emulator';
import { expect, it } from 'vitest';
import { DialQueue } from './dial-queue';
import {
  insertBacklog,
  insertCalls,
  nth,
  seededDatabase,
  silentLogger,
  waitUntil,
} from './dial-test-fixtures';
import { LiveKitDialer } from './livekit-dialer';

it('an urgent call behind a 100k backlog (not in memory) is dialed next', async () => {
  const emulator = await startLiveKitEmulator({ timings: { ringMs: 20, talkMs: 50, failMs: 10 } });
  const seeded = await seededDatabase();
  await insertBacklog(seeded, 100_000, 10);
  const queue = new DialQueue({
    db: seeded.db,
    dialer: new LiveKitDialer({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret }),
    logger: silentLogger,
    cps: 50,
    maxInFlight: 50,
    windowSize: 500,
  });
  await queue.start();
  await waitUntil(() => emulator.dialStarts().length >= 10);

  const urgent = nth(await insertCalls(seeded, [{ priority: 0 }]), 0);
  queue.notifyQueued({ id: urgent.id, priority: urgent.priority, seq: urgent.seq });
  // Calls the queue had already claimed when the urgent one arrived may still go first. The
  // claim is read just after the notify (a claim can commit while this query runs, a few ms at
  // CPS 50): a queue that kept the urgent call behind its in-memory window would dial hundreds
  // of unclaimed calls before it, not one or two.
  const claimed = await seeded.db.selectFrom('calls').select('id').where('status', '!=', 'queued').execute();
  const invites = () => emulator.requests.filter((r) => r.method === 'CreateSIPParticipant');
  await waitUntil(() => invites().some((r) => r.room === `outdial-${urgent.id}`));
  await queue.stop();

  const rooms = invites().map((r) => r.room);
  const before = rooms.slice(0, rooms.indexOf(`outdial-${urgent.id}`));
  const claimedRooms = new Set(claimed.map((c) => `outdial-${c.id}`));
  expect(before.every((room) => claimedRooms.has(room ?? ''))).toBe(true);
  // The stop left the rest of the backlog queued, nothing mid-dial.
  const live = await seeded.db
    .selectFrom('calls')
    .select('id')
    .where('status', 'in', ['connecting', 'ringing'])
    .execute();
  expect(live).toEqual([]);
  const queued = await seeded.db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  expect(Number(queued.n)).toBe(100_001 - invites().length);
  await emulator.stop();
  await seeded.db.destroy();
}, 60_000);
