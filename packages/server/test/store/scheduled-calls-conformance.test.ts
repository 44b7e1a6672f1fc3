/**
 * The scheduling side of the stores (ports/scheduled-calls.ts, and the time limits the dial
 * backlog carries), over every store implementation (store-kinds.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallRow, CallStatus, NewCall } from '../../src/ports/call-store';
import type { CallFeedEvent } from '../../src/ports/event-store';
import type { Stores } from '../../src/ports/stores';
import { newCallRow } from '../support/call-rows';
import { STORES } from './store-kinds';

const T0 = Date.parse('2027-01-04T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const WINDOW = { timezone: 'America/New_York', start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] };

for (const kind of STORES) {
  describe(`${kind.name} scheduled calls`, () => {
    let stores: Stores;
    let count = 0;

    beforeEach(async () => {
      stores = await kind.open();
      count = 0;
      await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at(0).toISOString() });
    });
    afterEach(() => stores.close());

    /** A call moved from `initiated` to `to`, as the calls service and the scheduler do. */
    const call = async (
      to: CallStatus,
      fields: Partial<NewCall> & { scheduledAt?: Date } = {},
    ): Promise<CallRow> => {
      const { scheduledAt, ...columns } = fields;
      const initiated = await stores.calls.insertInitiated(
        newCallRow({
          id: `call_${String(++count).padStart(4, '0')}`,
          organization_id: 'org_a',
          started_at: at(count).toISOString(),
          ...columns,
        }),
      );
      const moved = await stores.calls.transition(initiated.id, to, {
        ...(scheduledAt ? { patch: { scheduled_at: scheduledAt.toISOString() } } : {}),
        now: at(count),
      });
      if (!moved) throw new Error(`could not move to ${to}`);
      return moved;
    };

    it('stores and returns scheduled_at, latest_at and calling_window; a call without them reads null', async () => {
      const scheduled = await call('scheduled', {
        scheduledAt: at(600),
        latest_at: at(7200).toISOString(),
        calling_window: JSON.stringify(WINDOW),
      });
      expect(await stores.calls.find(scheduled.id)).toMatchObject({
        status: 'scheduled',
        scheduled_at: at(600).toISOString(),
        latest_at: at(7200).toISOString(),
        calling_window: JSON.stringify(WINDOW),
      });
      const plain = await call('queued');
      expect(await stores.calls.find(plain.id)).toMatchObject({
        scheduled_at: null,
        latest_at: null,
        calling_window: null,
      });
      expect(
        (await stores.calls.list('org_a', { statuses: ['scheduled'] }, { limit: 10 })).map((c) => c.id),
      ).toEqual([scheduled.id]);
    });

    it('finds due calls in dial order (priority, then seq), never one due later', async () => {
      const low = await call('scheduled', { scheduledAt: at(100), priority: 10 });
      const urgent = await call('scheduled', { scheduledAt: at(300), priority: 0 });
      const first = await call('scheduled', { scheduledAt: at(200), priority: 5 });
      const second = await call('scheduled', { scheduledAt: at(150), priority: 5 });
      const notYet = await call('scheduled', { scheduledAt: new Date(at(300).getTime() + 1) });
      await call('queued');
      const due = await stores.scheduledCalls.dueAt(at(300), 10);
      expect(due.map((c) => c.id)).toEqual([urgent.id, first.id, second.id, low.id]);
      expect(due.map((c) => c.id)).not.toContain(notYet.id);
      expect((await stores.scheduledCalls.dueAt(at(300), 2)).map((c) => c.id)).toEqual([urgent.id, first.id]);
      expect(await stores.scheduledCalls.dueAt(at(99), 10)).toEqual([]);
    });

    it('finds calls not yet dialed past their latest time, and the next instant anything happens', async () => {
      expect(await stores.scheduledCalls.nextDueAt()).toBeUndefined();
      const scheduled = await call('scheduled', { scheduledAt: at(500), latest_at: at(400).toISOString() });
      const queued = await call('queued', { latest_at: at(300).toISOString() });
      await call('queued');
      const dialing = await call('queued', { latest_at: at(200).toISOString() });
      await stores.calls.transition(dialing.id, 'connecting');
      expect(await stores.scheduledCalls.nextDueAt()).toEqual(at(300));
      expect((await stores.scheduledCalls.expiredAt(at(450), 10)).map((c) => c.id).sort()).toEqual(
        [scheduled.id, queued.id].sort(),
      );
      expect((await stores.scheduledCalls.expiredAt(at(350), 10)).map((c) => c.id)).toEqual([queued.id]);
      await stores.calls.transition(queued.id, 'failed', { patch: { failure_reason: 'expired' } });
      expect(await stores.scheduledCalls.nextDueAt()).toEqual(at(400));
      const early = await call('scheduled', { scheduledAt: at(50) });
      expect(await stores.scheduledCalls.nextDueAt()).toEqual(at(50));
      await stores.calls.transition(early.id, 'queued');
      expect(await stores.scheduledCalls.nextDueAt()).toEqual(at(400));
    });

    it('postpones only a call still scheduled', async () => {
      const scheduled = await call('scheduled', { scheduledAt: at(100) });
      expect(await stores.scheduledCalls.postpone(scheduled.id, at(900), at(200))).toBe(true);
      expect(await stores.calls.find(scheduled.id)).toMatchObject({
        status: 'scheduled',
        scheduled_at: at(900).toISOString(),
        updated_at: at(200).toISOString(),
      });
      // No status change, so no event.
      expect((await stores.calls.events(scheduled.id)).map((e) => e.to_status)).toEqual([
        'initiated',
        'scheduled',
      ]);
      const queued = await call('queued');
      expect(await stores.scheduledCalls.postpone(queued.id, at(900), at(200))).toBe(false);
      expect((await stores.calls.find(queued.id))?.scheduled_at).toBeNull();
    });

    it('moves calls between scheduled and queued by the status machine, writing call.scheduled events', async () => {
      const scheduled = await call('scheduled', { scheduledAt: at(100) });
      expect(await stores.calls.transition(scheduled.id, 'connecting')).toBeUndefined();
      expect(await stores.calls.transition(scheduled.id, 'queued')).toMatchObject({ status: 'queued' });
      expect(
        await stores.calls.transition(scheduled.id, 'scheduled', {
          patch: { scheduled_at: at(900).toISOString() },
        }),
      ).toMatchObject({ status: 'scheduled', scheduled_at: at(900).toISOString() });
      expect(await stores.calls.transition(scheduled.id, 'cancelled')).toMatchObject({ status: 'cancelled' });
      expect(await stores.calls.transition(scheduled.id, 'queued')).toBeUndefined();
      const events = (await stores.events.list(
        'org_a',
        { callId: scheduled.id },
        { limit: 10 },
      )) as CallFeedEvent[];
      // The public events: `call.<status>` each, with the call as written (its new scheduled_at).
      expect(events.map((event) => event.status).reverse()).toEqual([
        'scheduled',
        'queued',
        'scheduled',
        'cancelled',
      ]);
      expect(events.map((event) => event.call.scheduled_at).reverse()).toEqual([
        at(100).toISOString(),
        at(100).toISOString(),
        at(900).toISOString(),
        at(900).toISOString(),
      ]);
    });

    it('hands the Dial queue each queued call with its time limits, and none for a call without', async () => {
      const plain = await call('queued', { priority: 1 });
      const windowed = await call('queued', { priority: 2, calling_window: JSON.stringify(WINDOW) });
      const expiring = await call('queued', { priority: 3, latest_at: at(900).toISOString() });
      expect(await stores.dialBacklog.queuedAfter(undefined, 10)).toEqual([
        // Each alone at its priority: the first turn there.
        { id: plain.id, organizationId: 'org_a', priority: 1, turn: 0, seq: plain.seq },
        {
          id: windowed.id,
          organizationId: 'org_a',
          priority: 2,
          turn: 0,
          seq: windowed.seq,
          limits: { callingWindow: WINDOW, latestAt: null },
        },
        {
          id: expiring.id,
          organizationId: 'org_a',
          priority: 3,
          turn: 0,
          seq: expiring.seq,
          limits: { callingWindow: null, latestAt: at(900).toISOString() },
        },
      ]);
      expect(Object.keys((await stores.dialBacklog.queuedAfter(undefined, 1))[0] ?? {})).toEqual([
        'id',
        'organizationId',
        'priority',
        'turn',
        'seq',
      ]);
    });
  });
}
