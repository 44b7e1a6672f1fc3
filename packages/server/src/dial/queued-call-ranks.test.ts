import { afterEach, describe, expect, it } from 'vitest';
import { insertBacklog, insertCalls, type Seeded, seededDatabase } from '../../test/support/seeded-database';
import type { CallRow } from '../ports/call-store';
import type { DialBacklog } from '../ports/dial-backlog';
import { QueuedCallRanks } from './queued-call-ranks';

/** A small seeded PRNG (mulberry32): every run replays the same sequence. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Every queued call with the position the database gives it: its place in dial order. */
async function storedPositions(
  seeded: Seeded,
): Promise<{ call: Pick<CallRow, 'priority' | 'seq' | 'dial_turn'>; position: number }[]> {
  const rows = await seeded.db
    .selectFrom('calls')
    .select(['priority', 'dial_turn', 'seq'])
    .where('status', '=', 'queued')
    .orderBy('priority')
    .orderBy('dial_turn')
    .orderBy('seq')
    .execute();
  return rows.map((call, index) => ({ call, position: index + 1 }));
}

async function expectExact(ranks: QueuedCallRanks, seeded: Seeded): Promise<void> {
  const stored = await storedPositions(seeded);
  expect(ranks.size).toBe(stored.length);
  const wrong = stored.filter(({ call, position }) => ranks.positionOf(call) !== position);
  expect(wrong).toEqual([]);
}

describe('QueuedCallRanks', () => {
  const open: { ranks?: QueuedCallRanks; seeded?: Seeded }[] = [];
  afterEach(async () => {
    for (const { ranks, seeded } of open.splice(0)) {
      ranks?.stop();
      await seeded?.close();
    }
  });

  it('stays exact when batches and single calls of one priority take turns (calls sharing a turn)', async () => {
    const seeded = await seededDatabase();
    const ranks = new QueuedCallRanks({ calls: seeded.calls, backlog: seeded.backlog });
    open.push({ ranks, seeded });
    await ranks.start();
    const next = random(5);
    const lanes = ['batch_a', 'batch_b', 'batch_c', null];
    const queued: string[] = [];
    for (let step = 0; step < 600; step++) {
      if (next() < 0.7 || queued.length === 0) {
        const [created] = await insertCalls(seeded, [
          { status: 'initiated', priority: next() < 0.8 ? 5 : 0 },
        ]);
        const id = (created as CallRow).id;
        // A batch's call (or a single one), queued through the store, which gives it its lane's turn.
        const lane = lanes[Math.floor(next() * lanes.length)] ?? null;
        await seeded.db.updateTable('calls').set({ batch_id: lane }).where('id', '=', id).execute();
        await seeded.calls.transition(id, 'queued');
        queued.push(id);
      } else {
        // Mostly the head goes (a dial), sometimes any call (a cancel).
        const index = next() < 0.7 ? 0 : Math.floor(next() * queued.length);
        const [id] = queued.splice(index, 1);
        await seeded.calls.transition(id as string, 'cancelled');
      }
      if (step % 40 === 0) await expectExact(ranks, seeded);
    }
    await expectExact(ranks, seeded);
    const turns = await seeded.db
      .selectFrom('calls')
      .select(['priority', 'dial_turn'])
      .where('status', '=', 'queued')
      .execute();
    const distinct = new Set(turns.map((row) => `${row.priority} ${row.dial_turn}`));
    // Lanes share turns: the tie-breaker (seq) is what tells those calls apart.
    expect(distinct.size).toBeLessThan(turns.length);
    ranks.stop();
    const restarted = new QueuedCallRanks({ calls: seeded.calls, backlog: seeded.backlog });
    open.push({ ranks: restarted });
    await restarted.start();
    await expectExact(restarted, seeded);
  }, 60_000);

  it('stays exact under random queueing, cancels and dials, and after a restart', async () => {
    const seeded = await seededDatabase();
    const ranks = new QueuedCallRanks({ calls: seeded.calls, backlog: seeded.backlog });
    open.push({ ranks, seeded });
    await ranks.start();
    const next = random(7);
    const queued = new Map<string, CallRow>();
    for (let step = 0; step < 1500; step++) {
      const roll = next();
      if (roll < 0.55) {
        // Created (initiated), then queued through the store, as a POST does.
        const priority = Math.floor(next() * 11);
        const [created] = await insertCalls(seeded, [{ status: 'initiated', priority }]);
        const row = await seeded.calls.transition((created as CallRow).id, 'queued');
        queued.set((row as CallRow).id, row as CallRow);
      } else if (queued.size > 0) {
        const ids = [...queued.keys()];
        const id = ids[Math.floor(next() * ids.length)] as string;
        queued.delete(id);
        if (roll < 0.75) await seeded.calls.transition(id, 'cancelled');
        else await seeded.backlog.claim(id); // queued → connecting
      }
      if (step % 50 === 0) await expectExact(ranks, seeded);
    }
    await expectExact(ranks, seeded);
    // A call that is not queued (claimed, say) still gets the place it would have: no throw.
    expect(ranks.positionOf({ priority: 0, seq: 0 })).toBe(1);

    // Restart: a fresh index over the same database reads the same positions.
    ranks.stop();
    const restarted = new QueuedCallRanks({ calls: seeded.calls, backlog: seeded.backlog });
    open.push({ ranks: restarted });
    await restarted.start();
    await expectExact(restarted, seeded);
    // The stopped one no longer follows: a dial moves only the restarted index.
    await seeded.backlog.claim([...queued.keys()][0] as string);
    await expectExact(restarted, seeded);
    expect(ranks.size).toBe(restarted.size + 1);
  });

  it('is exact when calls are dialed, cancelled and queued while it reads a large backlog at start', async () => {
    const seeded = await seededDatabase();
    // Left queued by a previous run: several pages of the start-up read.
    await insertBacklog(seeded, 12_000, 5);
    await insertCalls(
      seeded,
      Array.from({ length: 200 }, (_, i) => ({ priority: i % 11 })),
    );
    const rows = await seeded.db
      .selectFrom('calls')
      .select(['id', 'seq'])
      .where('status', '=', 'queued')
      .execute();
    const ids = rows.map((row) => row.id);
    const idOfSeq = new Map(rows.map((row) => [row.seq, row.id]));
    const next = random(11);
    // The real backlog, with changes committed between each page's read and its return: what a
    // pooled database lets happen while the read's result is on its way. (SQLite's single
    // connection happens not to interleave them.)
    const racingBacklog: Pick<DialBacklog, 'queuedOrderAfter'> = {
      async queuedOrderAfter(after, limit) {
        const page = await seeded.backlog.queuedOrderAfter(after, limit);
        for (let i = 0; i < 100; i++) {
          // Calls of this very page, and any others.
          const fromPage = i % 2 === 0 ? page[Math.floor(next() * page.length)] : undefined;
          const id =
            (fromPage && idOfSeq.get(fromPage.seq)) ?? (ids[Math.floor(next() * ids.length)] as string);
          if (next() < 0.5) await seeded.backlog.claim(id);
          else await seeded.calls.transition(id, 'cancelled');
          if (i % 10 === 0) {
            const [created] = await insertCalls(seeded, [{ status: 'initiated', priority: i % 11 }]);
            await seeded.calls.transition((created as CallRow).id, 'queued');
          }
        }
        return page;
      },
    };
    const ranks = new QueuedCallRanks({ calls: seeded.calls, backlog: racingBacklog });
    open.push({ ranks, seeded });
    await ranks.start();
    await expectExact(ranks, seeded);
  }, 60_000);

  it('ignores another store’s transitions (several servers in one process)', async () => {
    const mine = await seededDatabase();
    const other = await seededDatabase();
    const ranks = new QueuedCallRanks({ calls: mine.calls, backlog: mine.backlog });
    open.push({ ranks, seeded: mine }, { seeded: other });
    await ranks.start();
    const [created] = await insertCalls(other, [{ status: 'initiated' }]);
    await other.calls.transition((created as CallRow).id, 'queued');
    expect(ranks.size).toBe(0);
  });

  it('follows what other replicas queue and take, even a take heard before the queue', async () => {
    const seeded = await seededDatabase();
    const ranks = new QueuedCallRanks({ calls: seeded.calls, backlog: seeded.backlog });
    open.push({ ranks, seeded });
    await ranks.start();
    const order = (seq: number, priority = 5) => ({ priority, seq, dial_turn: seq });
    ranks.queued(order(10));
    ranks.queued(order(11));
    ranks.queued(order(12, 0));
    expect([
      ranks.positionOf(order(12, 0)),
      ranks.positionOf(order(10)),
      ranks.positionOf(order(11)),
    ]).toEqual([1, 2, 3]);
    ranks.left(order(10));
    expect(ranks.positionOf(order(11))).toBe(2);
    // The leader's claim of a call arrives before the notice of the replica that queued it.
    ranks.left(order(13));
    ranks.queued(order(13));
    expect(ranks.size).toBe(2);
    // Notices missed: the database has the truth (here: none of them).
    await ranks.reload();
    expect(ranks.size).toBe(0);
    await expectExact(ranks, seeded);
  });
});
