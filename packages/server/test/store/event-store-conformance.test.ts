/**
 * The event feed over every store implementation (store-kinds.ts), through the ports only: each
 * status change after creation is one event, written with the change, numbered per call, with
 * ids that increase in commit order within an organization, readable per organization only.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallRow, CallStatus, NewCall } from '../../src/ports/call-store';
import type { CallFeedEvent, EventRow } from '../../src/ports/event-store';
import type { Stores } from '../../src/ports/stores';
import { newCallRow } from '../support/call-rows';
import { SQLITE_FILE, STORES } from './store-kinds';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const EVENT_ID = /^evt_[0-9A-HJKMNP-TV-Z]{26}$/;

for (const kind of [...STORES, SQLITE_FILE]) {
  describe(`${kind.name} event store`, () => {
    let stores: Stores;
    let calls = 0;

    const newCall = (organizationId: string): NewCall => {
      calls += 1;
      return newCallRow({
        id: `call_${String(calls).padStart(4, '0')}`,
        organization_id: organizationId,
        agent_id: `agent-${organizationId}`,
        started_at: at(calls),
      });
    };

    /** Moves the call to `to` at second `seconds`; the move must be allowed. */
    const move = async (callId: string, to: CallStatus, seconds: number, patch = {}): Promise<CallRow> => {
      const row = await stores.calls.transition(callId, to, { now: new Date(at(seconds)), patch });
      if (!row) throw new Error(`${callId} could not move to ${to}`);
      return row;
    };

    const eventOf = (call: CallRow, sequence: number): EventRow => ({
      kind: 'call',
      id: expect.stringMatching(EVENT_ID) as unknown as string,
      organization_id: call.organization_id,
      call_id: call.id,
      status: call.status,
      sequence,
      at: call.updated_at,
      call,
    });

    beforeEach(async () => {
      stores = await kind.open();
      calls = 0;
      await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at(0) });
      await stores.organizations.create({ id: 'org_b', name: 'B', created_at: at(0) });
    });
    afterEach(() => stores.close());

    it('record each change after creation as an event: numbered per call, ids in commit order', async () => {
      const one = await stores.calls.insertInitiated(newCall('org_a'));
      const two = await stores.calls.insertInitiated(newCall('org_a'));
      const written = [
        await move(one.id, 'queued', 10),
        await move(two.id, 'queued', 11),
        await move(one.id, 'connecting', 12, { room_id: 'RM_1' }),
        // A clock set back does not put an event before those already committed.
        await move(two.id, 'cancelled', 5, { cancellation: 'before_dial' }),
      ];
      expect(await stores.calls.transition(two.id, 'queued')).toBeUndefined(); // refused: no event
      const events = (await stores.events.listAfter('org_a', {}, null, 100)) as CallFeedEvent[];
      expect(events).toEqual([
        eventOf(written[0] as CallRow, 1),
        eventOf(written[1] as CallRow, 1),
        eventOf(written[2] as CallRow, 2),
        eventOf(written[3] as CallRow, 2),
      ]);
      expect(events[2]?.call).toMatchObject({ status: 'connecting', room_id: 'RM_1' });
      const ids = events.map((e) => e.id);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(4);
      // The status history keeps creation, which is no event.
      expect((await stores.calls.events(one.id)).map((e) => [e.to_status, e.event_id === null])).toEqual([
        ['initiated', true],
        ['queued', false],
        ['connecting', false],
      ]);
    });

    it('commit no event before one a reader has seen, with many writers at once: resuming after the newest it saw misses none', async () => {
      const created = await Promise.all(
        Array.from({ length: 24 }, () => stores.calls.insertInitiated(newCall('org_a'))),
      );
      const seen: string[] = [];
      let last: string | null = null;
      const readPage = async (): Promise<number> => {
        const page = await stores.events.listAfter('org_a', {}, last, 100);
        for (const event of page) seen.push(event.id);
        last = page.at(-1)?.id ?? last;
        return page.length;
      };
      let writing = true;
      const reader = (async () => {
        while (writing) await readPage();
      })();
      // Every call through three changes, all calls at once: side by side on PostgreSQL's pool.
      for (const to of ['queued', 'connecting', 'ringing'] as const) {
        await Promise.all(created.map((call) => stores.calls.transition(call.id, to)));
      }
      writing = false;
      await reader;
      while ((await readPage()) > 0) {}
      const all = await stores.events.listAfter('org_a', {}, null, 1000);
      expect(all).toHaveLength(72);
      expect(seen).toEqual(all.map((event) => event.id));
    });

    it('list an organization’s events only: newest first before a cursor, oldest first after one', async () => {
      const a1 = await stores.calls.insertInitiated(newCall('org_a'));
      const b1 = await stores.calls.insertInitiated(newCall('org_b'));
      const a2 = await stores.calls.insertInitiated(newCall('org_a'));
      await move(a1.id, 'queued', 10);
      await move(b1.id, 'queued', 11);
      await move(a2.id, 'queued', 12);
      await move(a1.id, 'connecting', 13);
      await move(a2.id, 'failed', 14);
      const all = (await stores.events.listAfter('org_a', {}, null, 100)) as CallFeedEvent[];
      expect(all.map((e) => [e.call_id, e.status])).toEqual([
        [a1.id, 'queued'],
        [a2.id, 'queued'],
        [a1.id, 'connecting'],
        [a2.id, 'failed'],
      ]);
      const [first, second, third, fourth] = all.map((e) => e.id) as [string, string, string, string];
      expect((await stores.events.list('org_a', {}, { limit: 2 })).map((e) => e.id)).toEqual([
        fourth,
        third,
        second,
      ]);
      expect((await stores.events.list('org_a', {}, { limit: 2, before: third })).map((e) => e.id)).toEqual([
        second,
        first,
      ]);
      expect((await stores.events.listAfter('org_a', {}, second, 1)).map((e) => e.id)).toEqual([third]);
      const filtered = (await stores.events.list(
        'org_a',
        { types: ['call.queued', 'call.failed'], callId: a2.id },
        { limit: 10 },
      )) as CallFeedEvent[];
      expect(filtered.map((e) => e.status)).toEqual(['failed', 'queued']);
      expect(await stores.events.newestId('org_a')).toBe(fourth);
      expect(await stores.events.find('org_a', second)).toMatchObject({ call_id: a2.id });
      // Another organization's events are not found, listed or counted as its newest.
      const [bEvent] = (await stores.events.listAfter('org_b', {}, null, 100)) as CallFeedEvent[];
      expect(bEvent?.call_id).toBe(b1.id);
      expect(await stores.events.find('org_a', bEvent?.id as string)).toBeUndefined();
      expect(await stores.events.list('org_a', { callId: b1.id }, { limit: 10 })).toEqual([]);
      expect(await stores.events.newestId('org_c')).toBeUndefined();
    });

    it('read the live feeds at once where the store can (a SQLite file): the same rows as listAfter', async () => {
      // Only the file-backed SQLite store has its second, read-only connection for this.
      expect(stores.events.listAfterNow !== undefined).toBe(kind === SQLITE_FILE);
      if (!stores.events.listAfterNow) return;
      const a1 = await stores.calls.insertInitiated(newCall('org_a'));
      const b1 = await stores.calls.insertInitiated(newCall('org_b'));
      await move(a1.id, 'queued', 10);
      await move(b1.id, 'queued', 11);
      await move(a1.id, 'connecting', 12);
      const [first] = await stores.events.listAfter('org_a', {}, null, 100);
      for (const [filters, after] of [
        [{}, null],
        [{}, first?.id as string],
        [{ callId: a1.id }, null],
        [{ types: ['call.connecting' as const] }, null],
      ] as const) {
        const now = stores.events.listAfterNow('org_a', filters, after, 100);
        expect(now).toEqual(await stores.events.listAfter('org_a', filters, after, 100));
        expect(now.length).toBeGreaterThan(0);
      }
      // What committed a moment ago is there: the reader sees the writer's last commit.
      await move(a1.id, 'failed', 13);
      expect(
        (stores.events.listAfterNow('org_a', {}, null, 100) as CallFeedEvent[]).map((e) => e.status),
      ).toEqual(['queued', 'connecting', 'failed']);
    });

    it('purge the call events that happened before the cutoff', async () => {
      const call = await stores.calls.insertInitiated(newCall('org_a')); // started at second 1
      await move(call.id, 'queued', 10);
      await move(call.id, 'connecting', 20);
      expect(await stores.events.purgeBefore(new Date(at(10)))).toBe(1); // the creation record
      expect(await stores.events.purgeBefore(new Date(at(10)))).toBe(0);
      expect(await stores.events.purgeBefore(new Date(at(20)))).toBe(1);
      expect(
        ((await stores.events.listAfter('org_a', {}, null, 10)) as CallFeedEvent[]).map((e) => e.status),
      ).toEqual(['connecting']);
    });
  });
}
