/**
 * The batch store (ports/batch-store.ts) over every store implementation (store-kinds.ts):
 * all-or-nothing creation with the outbox rows, counters by latest attempt, status changes,
 * completion, and the retries a crash may have left unmade.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchRow, NewBatchCall } from '../../src/ports/batch-store';
import type { CallRow, NewCall } from '../../src/ports/call-store';
import type { Stores } from '../../src/ports/stores';
import { newCallRow } from '../support/call-rows';
import { STORES } from './store-kinds';

const T0 = Date.parse('2027-01-04T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

for (const kind of STORES) {
  describe(`${kind.name} batch store`, () => {
    let stores: Stores;
    let count = 0;

    beforeEach(async () => {
      stores = await kind.open();
      count = 0;
      await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at(0) });
    });
    afterEach(() => stores.close());

    const batchRow = (id: string, seconds = 0): BatchRow => ({
      id,
      organization_id: 'org_a',
      name: `Batch ${id}`,
      agent_id: 'agent',
      status: 'active',
      priority: 5,
      caller_id: null,
      scheduled_at: null,
      latest_at: null,
      calling_window: null,
      max_concurrent_calls: null,
      retry: JSON.stringify({ maxAttempts: 2, on: ['busy'], delaySeconds: 60 }),
      webhook_url: null,
      metadata: '{}',
      created_at: at(seconds),
      updated_at: at(seconds),
      completed_at: null,
    });
    const batchCall = (batchId: string, status: NewBatchCall['status'], fields: Partial<NewCall> = {}) => ({
      status,
      call: newCallRow({
        id: `call_${String(++count).padStart(4, '0')}`,
        organization_id: 'org_a',
        started_at: at(1),
        batch_id: batchId,
        attempt: 1,
        retry_of: null,
        ...(status === 'scheduled' ? { scheduled_at: at(3600) } : {}),
        ...fields,
      }),
    });
    const successorOf = async (call: CallRow): Promise<CallRow> => {
      const initiated = await stores.calls.insertInitiated(
        newCallRow({
          id: `call_${String(++count).padStart(4, '0')}`,
          organization_id: 'org_a',
          started_at: at(10),
          batch_id: call.batch_id ?? null,
          attempt: (call.attempt ?? 1) + 1,
          retry_of: call.id,
        }),
      );
      const scheduled = await stores.calls.transition(initiated.id, 'scheduled', {
        patch: { scheduled_at: at(70) },
      });
      if (!scheduled) throw new Error('could not schedule');
      return scheduled;
    };

    it('creates the batch and every call in its first status, with their events, in order', async () => {
      const rows = [
        batchCall('batch_1', 'queued'),
        batchCall('batch_1', 'queued'),
        batchCall('batch_1', 'queued'),
      ];
      const written = await stores.batches.insertWithCalls(batchRow('batch_1'), rows);
      expect(written.map((call) => [call.id, call.status, call.batch_id])).toEqual(
        rows.map(({ call }) => [call.id, 'queued', 'batch_1']),
      );
      expect(await stores.batches.find('batch_1')).toMatchObject({ status: 'active', name: 'Batch batch_1' });
      expect((await stores.calls.events(rows[0]?.call.id ?? '')).map((e) => e.to_status)).toEqual([
        'initiated',
        'queued',
      ]);
      // Created with calls due now: the batch starts as it is created, its event first.
      const [started, ...feed] = await stores.events.listAfter('org_a', {}, null, 10);
      expect(started).toMatchObject({
        kind: 'batch',
        batch_id: 'batch_1',
        type: 'batch.started',
        sequence: 1,
      });
      expect(feed.map((event) => event.kind === 'call' && event.call_id)).toEqual(
        rows.map(({ call }) => call.id),
      );
      expect(
        feed.every((event) => event.kind === 'call' && event.status === 'queued' && event.sequence === 1),
      ).toBe(true);
      // In the Dial queue's order, like any queued call.
      expect((await stores.dialBacklog.queuedAfter(undefined, 10)).map((key) => key.batchId)).toEqual([
        'batch_1',
        'batch_1',
        'batch_1',
      ]);
    });

    it('writes nothing when one call cannot be written', async () => {
      const good = batchCall('batch_2', 'queued');
      const duplicate = { ...batchCall('batch_2', 'queued'), call: { ...good.call } };
      await expect(stores.batches.insertWithCalls(batchRow('batch_2'), [good, duplicate])).rejects.toThrow();
      expect(await stores.batches.find('batch_2')).toBeUndefined();
      expect(await stores.calls.find(good.call.id)).toBeUndefined();
      expect(await stores.events.listAfter('org_a', {}, null, 10)).toEqual([]);
    });

    it('counts each contact by its latest attempt, a waiting successor as retrying', async () => {
      const [busy, done, waiting] = await stores.batches.insertWithCalls(batchRow('batch_3'), [
        batchCall('batch_3', 'queued'),
        batchCall('batch_3', 'queued'),
        batchCall('batch_3', 'scheduled'),
      ]);
      if (!busy || !done || !waiting) throw new Error('not written');
      await stores.calls.transition(busy.id, 'connecting');
      await stores.calls.transition(busy.id, 'busy');
      await stores.calls.transition(done.id, 'connecting');
      expect(await stores.batches.counts('batch_3')).toEqual({
        total: 3,
        byStatus: { busy: 1, connecting: 1, scheduled: 1 },
        retrying: 0,
      });
      expect((await stores.batches.endedWithoutSuccessor(['busy'])).map((call) => call.id)).toEqual([
        busy.id,
      ]);
      await successorOf(busy);
      expect(await stores.batches.counts('batch_3')).toEqual({
        total: 3,
        byStatus: { connecting: 1, scheduled: 1 },
        retrying: 1,
      });
      expect(await stores.batches.endedWithoutSuccessor(['busy'])).toEqual([]);
      // One successor per call at most.
      await expect(successorOf(busy)).rejects.toThrow();
    });

    it('completes a batch only once none of its calls is left to finish', async () => {
      const [call] = await stores.batches.insertWithCalls(batchRow('batch_4'), [
        batchCall('batch_4', 'queued'),
      ]);
      if (!call) throw new Error('not written');
      expect(await stores.batches.completeIfFinished('batch_4', new Date(at(5)))).toBeUndefined();
      await stores.calls.transition(call.id, 'cancelled');
      expect(await stores.batches.completeIfFinished('batch_4', new Date(at(6)))).toMatchObject({
        status: 'completed',
        completed_at: at(6),
      });
      expect(
        await stores.batches.setStatus('batch_4', 'paused', ['active'], new Date(at(7))),
      ).toBeUndefined();
    });

    it('cancels every call not yet dialed in one go, with their events, and leaves live ones be', async () => {
      const [scheduled, queued, live] = await stores.batches.insertWithCalls(batchRow('batch_7'), [
        batchCall('batch_7', 'scheduled'),
        batchCall('batch_7', 'queued'),
        batchCall('batch_7', 'queued'),
      ]);
      if (!scheduled || !queued || !live) throw new Error('not written');
      await stores.calls.transition(live.id, 'connecting');
      // Back and forth once: its cancel is its fourth event.
      await stores.calls.transition(scheduled.id, 'queued');
      await stores.calls.transition(scheduled.id, 'scheduled', { patch: { scheduled_at: at(7200) } });
      const cancelled = await stores.batches.cancel('batch_7', ['active', 'paused'], new Date(at(50)));
      expect(cancelled?.batch).toMatchObject({ status: 'cancelled', completed_at: at(50) });
      expect(cancelled?.calls.map((call) => call.id).sort()).toEqual([scheduled.id, queued.id].sort());
      for (const call of [scheduled, queued]) {
        expect(await stores.calls.find(call.id)).toMatchObject({
          status: 'cancelled',
          cancellation: 'before_dial',
          ended_at: at(50),
          duration: 0,
        });
      }
      expect((await stores.calls.find(live.id))?.status).toBe('connecting');
      const history = await stores.calls.events(scheduled.id);
      expect(history.map((e) => [e.from_status, e.to_status, e.sequence])).toEqual([
        [null, 'initiated', null],
        ['initiated', 'scheduled', 1],
        ['scheduled', 'queued', 2],
        ['queued', 'scheduled', 3],
        ['scheduled', 'cancelled', 4],
      ]);
      const feed = await stores.events.listAfter('org_a', { types: ['call.cancelled'] }, null, 10);
      expect(feed.map((event) => event.kind === 'call' && event.call_id).sort()).toEqual(
        [scheduled.id, queued.id].sort(),
      );
      // Its own event last, its counters showing the cancellations it made.
      const last = (await stores.events.list('org_a', {}, { limit: 1 }))[0];
      expect(last).toMatchObject({ kind: 'batch', type: 'batch.cancelled', batch: { status: 'cancelled' } });
      expect(last?.kind === 'batch' && last.counts.byStatus).toEqual({ cancelled: 2, connecting: 1 });
      expect(await stores.batches.cancel('batch_7', ['active', 'paused'], new Date(at(60)))).toBeUndefined();
    });

    it('pauses, resumes and cancels by the stored status, and lists newest first', async () => {
      await stores.batches.insertWithCalls(batchRow('batch_5', 1), [batchCall('batch_5', 'scheduled')]);
      await stores.batches.insertWithCalls(batchRow('batch_6', 2), [batchCall('batch_6', 'queued')]);
      expect(await stores.batches.setStatus('batch_5', 'paused', ['active'], new Date(at(3)))).toMatchObject({
        status: 'paused',
        updated_at: at(3),
        completed_at: null,
      });
      expect(await stores.batches.pausedIds()).toEqual(['batch_5']);
      expect((await stores.batches.list('org_a', ['paused'], { limit: 10 })).map((b) => b.id)).toEqual([
        'batch_5',
      ]);
      const all = await stores.batches.list('org_a', undefined, { limit: 1 });
      expect(all.map((b) => b.id)).toEqual(['batch_6', 'batch_5']);
      const next = await stores.batches.list('org_a', undefined, {
        limit: 1,
        after: { t: at(2), i: 'batch_6' },
      });
      expect(next.map((b) => b.id)).toEqual(['batch_5']);
      expect(
        (await stores.batches.cancel('batch_5', ['active', 'paused'], new Date(at(4))))?.batch,
      ).toMatchObject({ status: 'cancelled', completed_at: at(4) });
      expect((await stores.batches.callsWithStatus('batch_5', ['cancelled'])).length).toBe(1);
      expect(
        (await stores.calls.list('org_a', { batchId: 'batch_6' }, { limit: 10 })).map((c) => c.batch_id),
      ).toEqual(['batch_6']);
    });
  });
}
