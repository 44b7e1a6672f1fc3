import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChildQueue } from '../../test/support/child-dial-queue';
import { waitForAllTerminal, waitUntil } from '../../test/support/polling';
import {
  allCalls,
  insertCalls,
  manyCalls,
  type Seeded,
  seededDatabase,
  tempDatabasePath,
} from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import type { CallRow } from '../ports/call-store';
import { DialQueue } from './dial-queue';
import { LiveKitDialer } from './livekit-dialer';

let emulator: LiveKitEmulator;
let file: Awaited<ReturnType<typeof tempDatabasePath>>;
let seeded: Seeded;

beforeEach(async () => {
  emulator = await startLiveKitEmulator({ timings: { ringMs: 150, talkMs: 100, failMs: 20 } });
  file = await tempDatabasePath();
  seeded = await seededDatabase(file.path);
});

afterEach(async () => {
  await emulator.stop();
  await seeded.close();
  await file.cleanup();
});

/** CreateSIPParticipant requests per call id. */
function invitesPerCall(calls: CallRow[]): Map<string, number> {
  const counts = new Map(calls.map((c) => [c.id, 0]));
  for (const r of emulator.requests) {
    if (r.method !== 'CreateSIPParticipant' || !r.room) continue;
    const id = r.room.replace(/^outdial-/, '');
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function livekit() {
  return { url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret };
}

describe('DialQueue across restarts', () => {
  it('a graceful stop leaves the backlog queued, and a new queue on the same file dials each call exactly once', async () => {
    const calls = await insertCalls(seeded, manyCalls(40));
    const deps = {
      calls: seeded.calls,
      backlog: seeded.backlog,
      logger: silentLogger,
      cps: 20,
      maxInFlight: 10,
      trackIntervalMs: 50,
    };
    const first = new DialQueue({ ...deps, dialer: new LiveKitDialer(livekit()) });
    await first.start();
    await waitUntil(() => emulator.dialStarts().length >= 10);
    await first.stop();
    expect(first.running).toBe(false);

    const afterStop = await allCalls(seeded.db);
    const stillQueued = afterStop.filter((c) => c.status === 'queued').length;
    expect(stillQueued).toBeGreaterThan(0);
    // In-flight dials settled: nothing is left mid-dial.
    expect(afterStop.filter((c) => c.status === 'connecting' || c.status === 'ringing')).toEqual([]);
    const dialedBeforeRestart = emulator.dialStarts().length;
    expect(dialedBeforeRestart + stillQueued).toBe(calls.length);

    const second = new DialQueue({ ...deps, dialer: new LiveKitDialer(livekit()) });
    await second.start();
    await waitForAllTerminal(seeded.db);
    await second.stop();
    expect([...invitesPerCall(calls).values()].every((n) => n === 1)).toBe(true);
  }, 30_000);

  it('abdicating sends no INVITE from then on, hands claimed calls back, and a successor dials each once', async () => {
    const calls = await insertCalls(seeded, manyCalls(40));
    const deps = {
      calls: seeded.calls,
      backlog: seeded.backlog,
      logger: silentLogger,
      // Slow pacing and a deep look-ahead: calls are claimed and waiting for their slot at once.
      cps: 10,
      maxInFlight: 20,
      trackIntervalMs: 50,
    };
    const first = new DialQueue({ ...deps, dialer: new LiveKitDialer(livekit()) });
    await first.start();
    await waitUntil(() => emulator.dialStarts().length >= 5);
    const stopped = first.abdicate();
    // Synchronously: whatever was waiting for its slot sends nothing now.
    const atAbdication = emulator.requests.filter((r) => r.method === 'CreateSIPParticipant').length;
    await stopped;
    // Those already on the wire may still arrive; nothing started after the abdication.
    expect(emulator.requests.filter((r) => r.method === 'CreateSIPParticipant').length).toBeLessThanOrEqual(
      atAbdication + 1,
    );
    const afterwards = await allCalls(seeded.db);
    expect(afterwards.filter((c) => c.status === 'connecting')).toEqual([]);
    // A start() after abdicating never dials.
    await first.start();
    expect(first.running).toBe(false);

    const second = new DialQueue({ ...deps, cps: 50, dialer: new LiveKitDialer(livekit()) });
    await second.start({ reconcileInBackground: true, firstDialAfter: Promise.resolve() });
    await waitForAllTerminal(seeded.db);
    await second.stop();
    expect([...invitesPerCall(calls).values()].every((n) => n === 1)).toBe(true);
  }, 30_000);

  it('abdicating hands the calls waiting for their slots back at once, not one per slot', async () => {
    await insertCalls(seeded, manyCalls(6));
    // Time stands still: after the first start no slot ever opens, so a call handed back at its
    // slot would never be, and abdicate() would never resolve.
    const stillTime = { now: () => 1_000, sleep: () => new Promise<void>(() => {}) };
    const queue = new DialQueue({
      calls: seeded.calls,
      backlog: seeded.backlog,
      logger: silentLogger,
      cps: 1,
      maxInFlight: 5,
      clock: stillTime,
      dialer: new LiveKitDialer(livekit()),
    });
    await queue.start();
    await waitUntil(async () => {
      const claimed = (await allCalls(seeded.db)).filter((c) => c.status === 'connecting');
      return emulator.dialStarts().length === 1 && claimed.length >= 2;
    });
    await queue.abdicate();
    const after = await allCalls(seeded.db);
    expect(emulator.dialStarts()).toHaveLength(1);
    expect(after.filter((c) => c.status === 'connecting')).toEqual([]);
    expect(after.filter((c) => c.status === 'queued')).toHaveLength(5);
  });

  it('a process killed with SIGKILL mid-burst and restarted loses no call and dials none twice', async () => {
    const calls = await insertCalls(seeded, manyCalls(60));
    const config = { dbPath: file.path, livekit: livekit(), cps: 30, maxInFlight: 20 };
    const first = await startChildQueue(config);
    // Mid-burst: some calls done, some ringing, some claimed and preparing, most still queued.
    await waitUntil(() => emulator.dialStarts().length >= 20);
    first.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const atKill = await allCalls(seeded.db);
    expect(atKill.some((c) => c.status === 'queued')).toBe(true);
    // Calls were mid-dial when it died: the restart has something to reconcile.
    expect(atKill.some((c) => ['connecting', 'ringing', 'active'].includes(c.status))).toBe(true);

    const second = await startChildQueue(config);
    await waitForAllTerminal(seeded.db);
    second.kill('SIGTERM');
    await second.exited;

    const perCall = invitesPerCall(calls);
    expect(Math.max(...perCall.values())).toBe(1);
    const rows = await allCalls(seeded.db);
    for (const row of rows) {
      // Never dialed means it was claimed when the first process died: reconciled, not re-dialed.
      if (perCall.get(row.id) === 0)
        expect(row).toMatchObject({ status: 'failed', failure_reason: 'interrupted' });
    }
    // Most calls were placed and completed normally; the test proves the burst really ran.
    expect(rows.filter((r) => r.status === 'completed').length).toBeGreaterThan(calls.length / 2);
  }, 60_000);
});
