import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxInWindow, startChildQueue } from '../../test/support/child-dial-queue';
import { waitUntil } from '../../test/support/polling';
import { insertCalls, manyCalls, seededDatabase, tempDatabasePath } from '../../test/support/seeded-database';

// Judged where the pacer counts: the moment each INVITE's headers leave the queue's socket (the
// child reports them), the most starts in any half-open 1 s window. The queue runs in a child
// process, as in production. The receiving end's view (the emulator's arrival stamps) is printed
// too but not asserted: the emulator shares this test process's event loop, and on a 2-core
// machine its stalls of ~100 ms bunch arrivals by 10–20 calls at 200 CPS whatever the sender
// does (seen both before and after the DialGate change). `pnpm bench` measures the receiver's
// view with the emulator in a process of its own.
let emulator: LiveKitEmulator;

beforeAll(async () => {
  emulator = await startLiveKitEmulator({ timings: { ringMs: 20, talkMs: 50, failMs: 10 } });
});

afterAll(async () => {
  await emulator.stop();
});

describe('DialQueue pacing, as the emulator measures it', () => {
  for (const cps of [10, 50, 200]) {
    it(`never more than ${cps} dial starts in any 1 s window at DIAL_CPS=${cps} (burst of ${3 * cps})`, async () => {
      emulator.reset();
      const file = await tempDatabasePath();
      const seeded = await seededDatabase(file.path);
      const calls = await insertCalls(seeded, manyCalls(3 * cps));
      const child = await startChildQueue({
        dbPath: file.path,
        livekit: { url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret },
        cps,
        maxInFlight: 1000,
      });
      await waitUntil(() => emulator.dialStarts().length === calls.length);
      child.kill('SIGTERM');
      await child.exited;

      const sent = child.inviteTimes();
      const max = maxInWindow(sent, 1000);
      const starts = emulator.dialStarts();
      const received = emulator.maxStartsInWindow(1000);
      const spanMs = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
      // For the record, not asserted (timing on a shared box is noisy): the share of the budget
      // used while the backlog lasted.
      const used = (((starts.length - 1) / spanMs) * 1000) / cps;
      console.info(
        `DIAL_CPS=${cps}: at most ${max} starts sent in a 1 s window (${received} as received); ${(used * 100).toFixed(1)}% of the budget`,
      );
      expect(
        new Set(emulator.requests.filter((r) => r.method === 'CreateSIPParticipant').map((r) => r.room)).size,
      ).toBe(calls.length);
      expect(sent).toHaveLength(calls.length);
      expect(max).toBeLessThanOrEqual(cps);
      await seeded.close();
      await file.cleanup();
    }, 30_000);
  }
});
