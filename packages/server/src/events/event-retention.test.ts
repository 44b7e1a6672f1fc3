import { pino } from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newCallRow } from '../../test/support/call-rows';
import type { CallRow } from '../ports/call-store';
import { openSqliteStores, type SqliteStores } from '../store/sqlite/sqlite-stores';
import { EventRetention } from './event-retention';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

let stores: SqliteStores;
beforeEach(async () => {
  stores = await openSqliteStores({ path: ':memory:' });
  await stores.organizations.create({ id: 'org_a', name: 'A', created_at: new Date(T0).toISOString() });
});
afterEach(() => stores.close());

/** A call queued at `queuedAt` and dialled (connecting) at `dialledAt`. */
async function callWithEvents(id: string, queuedAt: number, dialledAt: number): Promise<CallRow> {
  const at = new Date(queuedAt).toISOString();
  await stores.calls.insertInitiated(newCallRow({ id, organization_id: 'org_a', started_at: at }));
  await stores.calls.transition(id, 'queued', { now: new Date(queuedAt) });
  return (await stores.calls.transition(id, 'connecting', { now: new Date(dialledAt) })) as CallRow;
}

it('deletes exactly the events older than the retention period on the clock', async () => {
  await callWithEvents('call_old', T0, T0 + 10 * DAY);
  await callWithEvents('call_new', T0 + 10 * DAY, T0 + 10 * DAY);
  let now = T0 + 40 * DAY;
  const retention = new EventRetention({
    events: stores.events,
    clock: { now: () => new Date(now) },
    retentionDays: 30,
    logger: pino({ level: 'silent' }),
  });
  // Cutoff T0 + 10 days: only call_old's queued event (and its creation record) is older.
  expect(await retention.purgeExpired()).toBe(2);
  const left = await stores.events.listAfter('org_a', {}, null, 10);
  expect(left.map((e) => (e.kind === 'call' ? [e.call_id, e.status] : e.id))).toEqual([
    ['call_old', 'connecting'],
    ['call_new', 'queued'],
    ['call_new', 'connecting'],
  ]);
  // An event exactly as old as the retention period is kept; a millisecond later it is not.
  expect(await retention.purgeExpired()).toBe(0);
  now += 1;
  expect(await retention.purgeExpired()).toBe(4);
  expect(await stores.events.listAfter('org_a', {}, null, 10)).toEqual([]);
});
