/**
 * @module
 * The queued backlog by SIP trunk and priority, for the metrics gauge read at scrape time.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface QueueDepthRow {
  /** The agent's trunk; null when the agent names none (or was deleted): the default trunk. */
  sipTrunkId: string | null;
  priority: number;
  calls: number;
}

/**
 * Queued calls grouped by their agent's trunk and their priority. Calls are grouped by agent
 * first (a range of the `calls_dial_order` index), so the join to agents runs once per agent, not
 * once per queued call. The trunk is the agent's as it is now, as the Dial queue will read it
 * (placeCallRequestFor).
 */
export async function queueDepthByTrunk(db: Kysely<Database>): Promise<QueueDepthRow[]> {
  const byAgent = db
    .selectFrom('calls')
    .select(['agent_id', 'priority', (eb) => eb.fn.countAll<number>().as('calls')])
    .where('status', '=', 'queued')
    .groupBy(['agent_id', 'priority'])
    .as('queued');
  const rows = await db
    .selectFrom(byAgent)
    .leftJoin('agents', 'agents.id', 'queued.agent_id')
    .select([
      'agents.sip_trunk_id as sipTrunkId',
      'queued.priority as priority',
      (eb) => eb.fn.sum<number>('queued.calls').as('calls'),
    ])
    .groupBy(['agents.sip_trunk_id', 'queued.priority'])
    .execute();
  return rows.map((row) => ({
    sipTrunkId: row.sipTrunkId,
    priority: row.priority,
    calls: Number(row.calls),
  }));
}
