/**
 * Batch events over every store implementation (store-kinds.ts), through the ports only: each
 * batch change writes its event in its transaction, numbered per batch without gaps, with the
 * batch and its counters as written, its ids in one order with the call events'; the feed's
 * filters, lookups, newest id and purge cover both kinds; the webhook deliveries a batch event owes
 * (endpoints naming its type, the batch's own URL) are written with it, and claimed in sequence
 * order per target.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchRow, NewBatchCall } from '../../src/ports/batch-store';
import type { NewCall } from '../../src/ports/call-store';
import type { BatchFeedEvent, EventRow } from '../../src/ports/event-store';
import type { Stores } from '../../src/ports/stores';
import type { WebhookEndpointRow } from '../../src/ports/webhook-endpoint-store';
import { newCallRow } from '../support/call-rows';
import { SQLITE_FILE, STORES } from './store-kinds';

const T0 = Date.parse('2027-01-04T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const moment = (seconds: number) => new Date(at(seconds));

for (const kind of [...STORES, SQLITE_FILE]) {
  describe(`${kind.name} batch events`, () => {
    let stores: Stores;
    let count = 0;

    beforeEach(async () => {
      stores = await kind.open();
      count = 0;
      await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at(0) });
      await stores.organizations.create({ id: 'org_b', name: 'B', created_at: at(0) });
    });
    afterEach(() => stores.close());

    const batchRow = (id: string, organizationId = 'org_a', webhookUrl: string | null = null): BatchRow => ({
      id,
      organization_id: organizationId,
      name: `Batch ${id}`,
      agent_id: 'agent',
      status: 'active',
      priority: 5,
      caller_id: null,
      scheduled_at: null,
      latest_at: null,
      calling_window: null,
      max_concurrent_calls: null,
      retry: null,
      webhook_url: webhookUrl,
      metadata: '{}',
      created_at: at(1),
      updated_at: at(1),
      completed_at: null,
    });
    const batchCall = (
      batch: BatchRow,
      status: NewBatchCall['status'],
      fields: Partial<NewCall> = {},
    ): NewBatchCall => ({
      status,
      call: newCallRow({
        id: `call_${String(++count).padStart(4, '0')}`,
        organization_id: batch.organization_id,
        started_at: at(1),
        updated_at: at(1),
        batch_id: batch.id,
        attempt: 1,
        retry_of: null,
        webhook_url: batch.webhook_url,
        ...(status === 'scheduled' ? { scheduled_at: at(3600) } : {}),
        ...fields,
      }),
    });
    const endpoint = (id: string, enabledEvents: string[], organizationId = 'org_a') =>
      stores.webhookEndpoints.insert({
        id,
        organization_id: organizationId,
        url: `https://example.com/${id}`,
        description: null,
        enabled_events: JSON.stringify(enabledEvents),
        status: 'enabled',
        disabled_reason: null,
        secret: 'whsec_c2VjcmV0',
        previous_secret: null,
        previous_secret_expires_at: null,
        failing_since: null,
        created_at: at(0),
        updated_at: at(0),
      } satisfies WebhookEndpointRow);
    const batchEventsOf = (events: EventRow[]) =>
      events.filter((event): event is BatchFeedEvent => event.kind === 'batch');

    it('writes each change of a batch with its event: in order with its calls’, numbered, as written', async () => {
      const batch = batchRow('batch_1');
      const [first, second] = await stores.batches.insertWithCalls(batch, [
        batchCall(batch, 'scheduled'),
        batchCall(batch, 'scheduled'),
      ]);
      if (!first || !second) throw new Error('not written');
      // Scheduled: not started. Pausing and resuming are events of their own.
      await stores.batches.setStatus(batch.id, 'paused', ['active'], moment(2));
      await stores.batches.setStatus(batch.id, 'active', ['paused'], moment(3));
      // A refused change writes nothing.
      expect(await stores.batches.setStatus(batch.id, 'active', ['paused'], moment(4))).toBeUndefined();
      // The first call to become due starts the batch, in its transaction; the second does not again.
      await stores.calls.transition(first.id, 'queued', { now: moment(5) });
      await stores.calls.transition(second.id, 'queued', { now: moment(6) });
      for (const call of [first, second]) {
        await stores.calls.transition(call.id, 'connecting', { now: moment(7) });
        await stores.calls.transition(call.id, 'failed', { now: moment(8) });
      }
      const completed = await stores.batches.completeIfFinished(batch.id, moment(9));
      expect(completed).toMatchObject({ status: 'completed' });
      expect(await stores.batches.completeIfFinished(batch.id, moment(10))).toBeUndefined();

      const feed = await stores.events.listAfter('org_a', {}, null, 100);
      const ids = feed.map((event) => event.id);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(ids.length);
      expect(
        feed.map((event) => (event.kind === 'batch' ? event.type : `${event.call_id} ${event.status}`)),
      ).toEqual([
        `${first.id} scheduled`,
        `${second.id} scheduled`,
        'batch.paused',
        'batch.resumed',
        'batch.started',
        `${first.id} queued`,
        `${second.id} queued`,
        `${first.id} connecting`,
        `${first.id} failed`,
        `${second.id} connecting`,
        `${second.id} failed`,
        'batch.completed',
      ]);
      const ofBatch = batchEventsOf(feed);
      expect(ofBatch.map((event) => [event.sequence, event.at, event.batch_id])).toEqual([
        [1, at(2), batch.id],
        [2, at(3), batch.id],
        [3, at(5), batch.id],
        [4, at(9), batch.id],
      ]);
      // The batch and its counters as each transaction saw them.
      expect(ofBatch[0]?.batch).toMatchObject({ status: 'paused', updated_at: at(2) });
      expect(ofBatch[0]?.counts).toEqual({ total: 2, byStatus: { scheduled: 2 }, retrying: 0 });
      expect(ofBatch[2]?.counts).toEqual({ total: 2, byStatus: { scheduled: 1, queued: 1 }, retrying: 0 });
      expect(ofBatch[3]?.batch).toEqual(completed);
      expect(ofBatch[3]?.counts).toEqual({ total: 2, byStatus: { failed: 2 }, retrying: 0 });
      // Looked up by id, and the newest of either kind.
      expect(await stores.events.find('org_a', ofBatch[1]?.id as string)).toEqual(ofBatch[1]);
      expect(await stores.events.newestId('org_a')).toBe(ofBatch[3]?.id);
      // Newest first, page by page across both kinds.
      const newest = await stores.events.list('org_a', {}, { limit: 2 });
      expect(newest.map((event) => event.id)).toEqual([...ids].reverse().slice(0, 3));
      const before = await stores.events.list('org_a', {}, { limit: 3, before: ids[5] });
      expect(before.map((event) => event.id)).toEqual(ids.slice(1, 5).reverse());
      expect((await stores.events.listAfter('org_a', {}, ids[3] as string, 2)).map((e) => e.id)).toEqual(
        ids.slice(4, 6),
      );
    });

    it('filters by type, by batch (its events and its calls’) and by call (none of the batch’s)', async () => {
      const one = batchRow('batch_1');
      const two = batchRow('batch_2');
      const [call] = await stores.batches.insertWithCalls(one, [batchCall(one, 'queued')]);
      await stores.batches.insertWithCalls(two, [batchCall(two, 'queued')]);
      await stores.batches.cancel(two.id, ['active', 'paused'], moment(3));
      if (!call) throw new Error('not written');
      await stores.calls.transition(call.id, 'connecting', { now: moment(4) });

      const summary = (events: EventRow[]) =>
        events.map((e) => (e.kind === 'batch' ? `${e.batch_id} ${e.type}` : `${e.call_id} ${e.status}`));
      expect(summary(await stores.events.listAfter('org_a', { batchId: one.id }, null, 100))).toEqual([
        `${one.id} batch.started`,
        `${call.id} queued`,
        `${call.id} connecting`,
      ]);
      expect(
        summary(
          await stores.events.list('org_a', { types: ['batch.started', 'call.connecting'] }, { limit: 10 }),
        ),
      ).toEqual([`${call.id} connecting`, `${two.id} batch.started`, `${one.id} batch.started`]);
      expect(
        summary(
          await stores.events.listAfter('org_a', { batchId: two.id, types: ['batch.cancelled'] }, null, 9),
        ),
      ).toEqual([`${two.id} batch.cancelled`]);
      expect(summary(await stores.events.listAfter('org_a', { callId: call.id }, null, 100))).toEqual([
        `${call.id} queued`,
        `${call.id} connecting`,
      ]);
      expect(
        await stores.events.listAfter('org_a', { callId: call.id, types: ['batch.started'] }, null, 9),
      ).toEqual([]);
    });

    it('keeps batch events to their organization, and purges them by age', async () => {
      const ours = batchRow('batch_a');
      const theirs = batchRow('batch_b', 'org_b');
      await stores.batches.insertWithCalls(ours, [batchCall(ours, 'queued')]);
      await stores.batches.insertWithCalls(theirs, [batchCall(theirs, 'queued')]);
      const [started] = batchEventsOf(await stores.events.listAfter('org_b', {}, null, 10));
      expect(started?.batch_id).toBe(theirs.id);
      expect(await stores.events.find('org_a', started?.id as string)).toBeUndefined();
      expect(await stores.events.listAfter('org_a', { batchId: theirs.id }, null, 10)).toEqual([]);
      expect(
        batchEventsOf(await stores.events.listAfter('org_a', {}, null, 10)).map((e) => e.batch_id),
      ).toEqual([ours.id]);
      await stores.batches.setStatus(ours.id, 'paused', ['active'], moment(100));
      // Two creation records, two call events, two batch.started: all at second 1.
      expect(await stores.events.purgeBefore(moment(50))).toBe(6);
      expect(batchEventsOf(await stores.events.listAfter('org_a', {}, null, 10)).map((e) => e.type)).toEqual([
        'batch.paused',
      ]);
    });

    it('writes the deliveries a batch event owes with it: endpoints naming its type, and the batch URL', async () => {
      await endpoint('we_completed', ['batch.completed', 'batch.started']);
      await endpoint('we_calls', ['call.queued', 'call.cancelled']);
      await endpoint('we_other_org', ['batch.started'], 'org_b');
      const batch = batchRow('batch_1', 'org_a', 'https://example.com/batch-hooks');
      const [call] = await stores.batches.insertWithCalls(batch, [batchCall(batch, 'queued')]);
      if (!call) throw new Error('not written');
      await stores.batches.cancel(batch.id, ['active'], moment(5));

      const page = { limit: 100 };
      const logOf = async (endpointId: string, organizationId = 'org_a') =>
        (await stores.webhookDeliveries.list(organizationId, endpointId, {}, page))
          .map((d) => d.event_type)
          .sort();
      expect(await logOf('we_completed')).toEqual(['batch.started']);
      expect(await logOf('we_calls')).toEqual(['call.cancelled', 'call.queued']);
      expect(await logOf('we_other_org', 'org_b')).toEqual([]);

      // The batch's own URL: every event of the batch and of its calls; a batch's events one at a
      // time in sequence order, as a call's are.
      const target = 'https://example.com/batch-hooks';
      const claimed = await stores.webhookDeliveries.claim(target, at(10), at(1000), 10);
      expect(claimed.map((d) => [d.event_type, d.call_id, d.sequence]).sort()).toEqual(
        [
          ['batch.started', batch.id, 1],
          ['call.queued', call.id, 1],
        ].sort(),
      );
      expect(claimed.every((d) => d.url === target && d.endpoint_id === null)).toBe(true);
      const started = claimed.find((d) => d.event_type === 'batch.started');
      // Each cancellation waits for its subject's first event, still pending.
      expect(await stores.webhookDeliveries.claim(target, at(20), at(1000), 10)).toEqual([]);
      await stores.webhookDeliveries.recordAttempt(started?.id as string, null, {
        status: 'succeeded',
        nextAttemptAt: null,
      });
      expect(await stores.webhookDeliveries.claim(target, at(30), at(1000), 10)).toMatchObject([
        { event_type: 'batch.cancelled', call_id: batch.id, sequence: 2 },
      ]);
    });
  });
}
