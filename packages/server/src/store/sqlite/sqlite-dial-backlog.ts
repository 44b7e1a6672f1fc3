import { type Kysely, sql } from 'kysely';
import type { CallRow, CallStore } from '../../ports/call-store';
import type {
  AgentDialSettings,
  DialBacklog,
  DialKey,
  DialOrder,
  QueueDepthRow,
} from '../../ports/dial-backlog';
import type { Database } from './sqlite-schema';

export class SqliteDialBacklog implements DialBacklog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly calls: CallStore,
  ) {}

  queuedAfter(after: DialKey | undefined, limit: number): Promise<DialKey[]> {
    return (
      this.db
        .selectFrom('calls')
        .select(['id', 'priority', 'seq'])
        .where('status', '=', 'queued')
        // A row-value comparison (SQLite ≥ 3.15 and Postgres) walks the (status, priority, seq) index.
        .$if(after !== undefined, (qb) =>
          qb.where(sql<boolean>`(priority, seq) > (${after?.priority}, ${after?.seq})`),
        )
        .orderBy('priority')
        .orderBy('seq')
        .limit(limit)
        .execute()
    );
  }

  queuedOrderAfter(after: DialOrder | undefined, limit: number): Promise<DialOrder[]> {
    return this.db
      .selectFrom('calls')
      .select(['priority', 'seq'])
      .where('status', '=', 'queued')
      .$if(after !== undefined, (qb) =>
        qb.where(sql<boolean>`(priority, seq) > (${after?.priority}, ${after?.seq})`),
      )
      .orderBy('priority')
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  claim(callId: string): Promise<CallRow | undefined> {
    return this.calls.transition(callId, 'connecting', {
      from: ['queued'],
      details: { source: 'dial_queue' },
    });
  }

  async agentDialSettings(agentId: string): Promise<AgentDialSettings | undefined> {
    const agent = await this.db
      .selectFrom('agents')
      .select(['livekit_agent_name', 'sip_trunk_id'])
      .where('id', '=', agentId)
      .executeTakeFirst();
    return agent && { livekitAgentName: agent.livekit_agent_name, sipTrunkId: agent.sip_trunk_id };
  }

  async recordLiveKitIds(
    callId: string,
    ids: { room_id: string } | { job_id: string },
    at: Date,
  ): Promise<void> {
    await this.db
      .updateTable('calls')
      .set({ ...ids, updated_at: at.toISOString() })
      .where('id', '=', callId)
      .execute();
  }

  /**
   * Calls are grouped by agent first (a range of the `calls_dial_order` index), so the join to
   * agents runs once per agent, not once per queued call.
   */
  async depthByTrunk(): Promise<QueueDepthRow[]> {
    const byAgent = this.db
      .selectFrom('calls')
      .select(['agent_id', 'priority', (eb) => eb.fn.countAll<number>().as('calls')])
      .where('status', '=', 'queued')
      .groupBy(['agent_id', 'priority'])
      .as('queued');
    const rows = await this.db
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
}
