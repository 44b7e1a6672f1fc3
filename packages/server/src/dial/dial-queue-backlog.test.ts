import { CALL_STATUSES } from '@outdial/contract';
import { startLiveKitEmulator } from '@outdial/livekit-emulator';
import { expect, it } from 'vitest';
import { waitUntil } from '../../test/support/polling';
import { insertBacklog, insertCalls, nth, seededDatabase } from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import { DialQueue } from './dial-queue';
import { LiveKitDialer } from './livekit-dialer';

it('an urgent call behind a 100k backlog (not in memory) is dialed next', async () => {
  const emulator = await startLiveKitEmulator({ timings: { ringMs: 20, talkMs: 50, failMs: 10 } });
  const seeded = await seededDatabase();
  await insertBacklog(seeded, 100_000, 10);
  const queue = new DialQueue({
    calls: seeded.calls,
    backlog: seeded.backlog,
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
  const claimed = await seeded.calls.idsWithStatus(CALL_STATUSES.filter((status) => status !== 'queued'));
  const invites = () => emulator.requests.filter((r) => r.method === 'CreateSIPParticipant');
  await waitUntil(() => invites().some((r) => r.room === `outdial-${urgent.id}`));
  await queue.stop();

  const rooms = invites().map((r) => r.room);
  const before = rooms.slice(0, rooms.indexOf(`outdial-${urgent.id}`));
  const claimedRooms = new Set(claimed.map((id) => `outdial-${id}`));
  expect(before.every((room) => claimedRooms.has(room ?? ''))).toBe(true);
  // The stop left the rest of the backlog queued, nothing mid-dial.
  expect(await seeded.calls.idsWithStatus(['connecting', 'ringing'])).toEqual([]);
  const { queued } = await seeded.calls.countByStatus(['queued']);
  expect(queued).toBe(100_001 - invites().length);
  await emulator.stop();
  await seeded.close();
}, 60_000);
