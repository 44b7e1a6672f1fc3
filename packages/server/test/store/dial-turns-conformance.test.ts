/**
 * Fair queueing within a priority (store/sqlite/dial-turns.ts) over every store implementation:
 * the turn each call gets when it is queued, and the dial order the backlog reads, (priority,
 * turn, seq): batches and single calls of one priority take turns, priority still comes first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchRow } from '../../src/ports/batch-store';
import type { CallRow, NewCall } from '../../src/ports/call-store';
import type { DialKey, DialOrder } from '../../src/ports/dial-backlog';
import type { Stores } from '../../src/ports/stores';
import { newCallRow } from '../support/call-rows';
import { STORES } from './store-kinds';

const T0 = Date.parse('2027-01-04T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

for (const kind of STORES) {
  describe(`${kind.name} dial turns`, () => {
    let stores: Stores;
    let count = 0;

    beforeEach(async () => {
      stores = await kind.open();
      count = 0;
      await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at(0) });
    });
    afterEach(() => stores.close());

    const callFields = (fields: Partial<NewCall> = {}): NewCall =>
      newCallRow({
        id: `call_${String(++count).padStart(5, '0')}`,
        organization_id: 'org_a',
        started_at: at(1),
        ...fields,
      });

    /** A single call (or a batch's retry, with `batch_id`), queued through the store's transition. */
    const queueOne = async (fields: Partial<NewCall> = {}): Promise<CallRow> => {
      const initiated = await stores.calls.insertInitiated(callFields(fields));
      const queued = await stores.calls.transition(initiated.id, 'queued', { from: ['initiated'] });
      if (!queued) throw new Error('could not queue');
      return queued;
    };

    const createBatch = (id: string, size: number, priority = 5): Promise<CallRow[]> => {
      const batch: BatchRow = {
        id,
        organization_id: 'org_a',
        name: id,
        agent_id: 'agent',
        status: 'active',
        priority,
        caller_id: null,
        scheduled_at: null,
        latest_at: null,
        calling_window: null,
        max_concurrent_calls: null,
        retry: null,
        webhook_url: null,
        metadata: '{}',
        created_at: at(0),
        updated_at: at(0),
        completed_at: null,
      };
      const calls = Array.from({ length: size }, () => ({
        status: 'queued' as const,
        call: callFields({ batch_id: id, attempt: 1, retry_of: null, priority }),
      }));
      return stores.batches.insertWithCalls(batch, calls);
    };

    /** The whole backlog in dial order, read in pages of `pageSize` as the Dial queue's window does. */
    const dialOrder = async (pageSize = 7): Promise<DialKey[]> => {
      const all: DialKey[] = [];
      let after: DialOrder | undefined;
      for (;;) {
        const page = await stores.dialBacklog.queuedAfter(after, pageSize);
        all.push(...page);
        after = page.at(-1);
        if (page.length < pageSize) return all;
      }
    };

    it('gives single calls consecutive turns from 0, and reads them FIFO', async () => {
      const a = await queueOne();
      const b = await queueOne();
      const c = await queueOne();
      expect([a.dial_turn, b.dial_turn, c.dial_turn].map(Number)).toEqual([0, 1, 2]);
      expect((await dialOrder(2)).map((key) => key.id)).toEqual([a.id, b.id, c.id]);
    });

    it('gives a batch consecutive turns, and a single call queued after it the head turn', async () => {
      const batch = await createBatch('batch_big', 1000);
      expect(batch.map((call) => Number(call.dial_turn))).toEqual(batch.map((_, i) => i));
      // Two of the batch's calls are dialed: the head moves on to turn 2.
      await stores.dialBacklog.claim((batch[0] as CallRow).id);
      await stores.dialBacklog.claim((batch[1] as CallRow).id);
      const single = await queueOne();
      expect(Number(single.dial_turn)).toBe(2);
      const order = (await dialOrder(100)).map((key) => key.id);
      // Behind the one call sharing its turn (seq breaks the tie), not behind 998.
      expect(order.indexOf(single.id)).toBe(1);
      expect(order).toHaveLength(999);
      // A second single call takes the next turn of its lane: it follows the batch's next call.
      const second = await queueOne();
      expect(Number(second.dial_turn)).toBe(3);
      expect((await dialOrder(100)).map((key) => key.id).indexOf(second.id)).toBe(3);
    });

    it('interleaves two batches of one priority call by call', async () => {
      const first = await createBatch('batch_a', 5);
      const second = await createBatch('batch_b', 3);
      expect(second.map((call) => Number(call.dial_turn))).toEqual([0, 1, 2]);
      const lanes = (await dialOrder(3)).map((key) => key.batchId);
      expect(lanes).toEqual([
        'batch_a',
        'batch_b',
        'batch_a',
        'batch_b',
        'batch_a',
        'batch_b',
        'batch_a',
        'batch_a',
      ]);
      expect(first).toHaveLength(5);
    });

    it('keeps priority first: a priority-0 call goes ahead of every turn of priority 5', async () => {
      await createBatch('batch_a', 20);
      const later = await queueOne({ priority: 5 });
      const urgent = await queueOne({ priority: 0 });
      // Alone at its priority: turn 0 there, whatever priority 5's turns are.
      expect(Number(urgent.dial_turn)).toBe(0);
      const order = (await dialOrder()).map((key) => key.id);
      expect(order[0]).toBe(urgent.id);
      expect(order.indexOf(later.id)).toBe(2);
    });

    it('gives a call queued again (scheduled, then due) a fresh turn at the head', async () => {
      const batch = await createBatch('batch_a', 10);
      const initiated = await stores.calls.insertInitiated(callFields());
      await stores.calls.transition(initiated.id, 'scheduled', { patch: { scheduled_at: at(60) } });
      for (const call of batch.slice(0, 4)) await stores.dialBacklog.claim(call.id);
      const due = await stores.calls.transition(initiated.id, 'queued', { from: ['scheduled'] });
      expect(Number(due?.dial_turn)).toBe(4);
      expect((await dialOrder()).map((key) => key.id).indexOf(initiated.id)).toBe(1);
    });

    it('lets a retry join its batch lane behind the batch calls still queued', async () => {
      await createBatch('batch_a', 3);
      const retry = await queueOne({ batch_id: 'batch_a', attempt: 2 });
      expect(Number(retry.dial_turn)).toBe(3);
      const single = await queueOne();
      expect(Number(single.dial_turn)).toBe(0);
      expect((await dialOrder()).map((key) => key.id).slice(-1)).toEqual([retry.id]);
    });

    it('reads the same order without ids (queuedOrderAfter), for the queue positions', async () => {
      await createBatch('batch_a', 6);
      await createBatch('batch_b', 4);
      await queueOne();
      await queueOne({ priority: 3 });
      const keys = await dialOrder(100);
      const orders: DialOrder[] = [];
      let after: DialOrder | undefined;
      for (;;) {
        const page = await stores.dialBacklog.queuedOrderAfter(after, 4);
        orders.push(...page);
        after = page.at(-1);
        if (page.length < 4) break;
      }
      expect(orders).toEqual(keys.map(({ priority, turn, seq }) => ({ priority, turn, seq })));
    });
  });
}
