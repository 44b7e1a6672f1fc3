/**
 * The live feed over the real SQLite store and hub: an event committed while the feed is reading
 * (after its query ran, before the rows came back) is still sent, once, and a call's feed ends
 * with its terminal event.
 */

import { afterEach, beforeEach, expect, it } from 'vitest';
import { newCallRow } from '../../test/support/call-rows';
import type { NewCall } from '../ports/call-store';
import { openSqliteStores, type SqliteStores } from '../store/sqlite/sqlite-stores';
import { EventHub } from './event-hub';
import type { EventResource } from './event-resource';
import { EventService } from './event-service';

const T0 = '2026-01-01T00:00:00.000Z';
/** No timed assertion: the test's own timeout bounds every wait. */
const UNTIL_DONE = { timeout: 10 * 60_000, interval: 5 };

let stores: SqliteStores;
let hub: EventHub;
beforeEach(async () => {
  stores = await openSqliteStores({ path: ':memory:' });
  hub = new EventHub(stores.calls);
  hub.start();
  await stores.organizations.create({ id: 'org_a', name: 'A', created_at: T0 });
});
afterEach(async () => {
  hub.stop();
  await stores.close();
});

const newCall = (id: string): NewCall => newCallRow({ id, organization_id: 'org_a', started_at: T0 });

/** Collects what a feed sends, and whether it ended. */
function sink() {
  const sent: EventResource[] = [];
  let ended = false;
  return {
    sent,
    ended: () => ended,
    send: (event: EventResource) => sent.push(event),
    end: () => {
      ended = true;
    },
  };
}

it('sends an event committed during a read, exactly once', async () => {
  await stores.calls.insertInitiated(newCall('call_1'));
  await stores.calls.transition('call_1', 'queued');
  // The first read runs its query, then waits here while the call moves on.
  let releaseFirstRead: () => void = () => {};
  const firstReadHeld = new Promise<void>((resolve) => {
    releaseFirstRead = resolve;
  });
  let reads = 0;
  const listAfter = stores.events.listAfter.bind(stores.events);
  stores.events.listAfter = async (...args) => {
    const rows = await listAfter(...args);
    reads += 1;
    if (reads === 1) await firstReadHeld;
    return rows;
  };
  const service = new EventService({ calls: stores.calls, events: stores.events, hub });
  const feed = await service.callFeed('org_a', 'call_1', undefined);
  const out = sink();
  feed.start(out);
  await expect.poll(() => reads, UNTIL_DONE).toBe(1);
  // Committed after the first query: that read cannot have it, the wake must bring it.
  await stores.calls.transition('call_1', 'connecting');
  await stores.calls.transition('call_1', 'failed');
  releaseFirstRead();
  await expect.poll(() => out.ended(), UNTIL_DONE).toBe(true);
  expect(out.sent.map((e) => [e.type, e.sequence])).toEqual([
    ['call.queued', 1],
    ['call.connecting', 2],
    ['call.failed', 3],
  ]);
});

it("starts an organization's feed after the newest event when there is no resume point", async () => {
  await stores.calls.insertInitiated(newCall('call_1'));
  await stores.calls.transition('call_1', 'queued');
  const service = new EventService({ calls: stores.calls, events: stores.events, hub });
  const feed = await service.organizationFeed('org_a', {}, undefined);
  const out = sink();
  feed.start(out);
  await stores.calls.transition('call_1', 'cancelled');
  await expect.poll(() => out.sent.length, UNTIL_DONE).toBe(1);
  expect(out.sent[0]?.type).toBe('call.cancelled');
  feed.stop();
  // Stopped: later changes are not sent, though a feed still open is sent them.
  const open = await service.organizationFeed('org_a', {}, undefined);
  const openOut = sink();
  open.start(openOut);
  await stores.calls.insertInitiated(newCall('call_2'));
  await stores.calls.transition('call_2', 'queued');
  await expect.poll(() => openOut.sent.length, UNTIL_DONE).toBe(1);
  open.stop();
  expect(out.sent).toHaveLength(1);
  expect(out.ended()).toBe(false);
});
