/**
 * @module
 * Calls between claim and end (connecting, ringing, active), for the metrics gauge read at scrape
 * time.
 */
import type { Kysely } from 'kysely';
import type { CallStatus } from '../calls/call-status';
import type { Database } from './schema';

export const LIVE_CALL_STATUSES = [
  'connecting',
  'ringing',
  'active',
] as const satisfies readonly CallStatus[];

export type LiveCallStatus = (typeof LIVE_CALL_STATUSES)[number];

/** Every live status, with 0 for those that have no call (a gauge must not vanish at zero). */
export async function liveCallCounts(db: Kysely<Database>): Promise<Record<LiveCallStatus, number>> {
  const rows = await db
    .selectFrom('calls')
    .select(['status', (eb) => eb.fn.countAll<number>().as('calls')])
    .where('status', 'in', LIVE_CALL_STATUSES)
    .groupBy('status')
    .execute();
  const counts: Record<LiveCallStatus, number> = { connecting: 0, ringing: 0, active: 0 };
  for (const row of rows) counts[row.status as LiveCallStatus] = Number(row.calls);
  return counts;
}
