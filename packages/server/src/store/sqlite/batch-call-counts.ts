/**
 * @module
 * A batch's calls counted by the status of each contact's latest attempt: what the Batch's counters
 * are made of, read by `BatchStore.counts` and, inside the writing transaction, by each batch
 * event's snapshot, so an event shows the counters `getBatch` would have shown at that moment.
 */
import { type Kysely, sql } from 'kysely';
import type { BatchCallCounts } from '../../ports/batch-store';
import type { Database } from './sqlite-schema';

export async function batchCallCounts(db: Kysely<Database>, batchId: string): Promise<BatchCallCounts> {
  const retries = sql<number>`case when c.retry_of is null then 0 else 1 end`;
  const rows = await db
    .selectFrom('calls as c')
    .select(['c.status', retries.as('retry'), (eb) => eb.fn.countAll<number>().as('calls')])
    .where('c.batch_id', '=', batchId)
    // Each contact by its latest attempt: a call with a successor no longer counts.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('calls as s').select('s.id').whereRef('s.retry_of', '=', 'c.id'))),
    )
    .groupBy(['c.status', retries])
    .execute();
  const counts: BatchCallCounts = { total: 0, byStatus: {}, retrying: 0 };
  for (const row of rows) {
    const calls = Number(row.calls);
    counts.total += calls;
    if (row.status === 'scheduled' && Number(row.retry) === 1) counts.retrying += calls;
    else counts.byStatus[row.status] = (counts.byStatus[row.status] ?? 0) + calls;
  }
  return counts;
}
