import { type Kysely, sql } from 'kysely';
import type { CallRow, CallStore } from '../../ports/call-store';
import type {
  AgentDialSettings,
  DialBacklog,
  DialCountRow,
  DialKey,
  DialOrder,
  QueueDepthRow,
} from '../../ports/dial-backlog';
import { dialTimeLimitsOf } from '../dial-time-limits';
import { eventIdFloor } from '../ids';
import type { Database } from './sqlite-schema';

export class SqliteDialBacklog implements DialBacklog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly calls: CallStore,
  ) {}

  async queuedAfter(after: DialOrder | undefined, limit: number): Promise<DialKey[]> {
    const rows = await this.db
      .selectFrom('calls')
      .select(['id', 'organization_id', 'priority', 'seq', 'calling_window', 'latest_at', 'batch_id'])
      .where('status', '=', 'queued')
      // A row-value comparison (SQLite ≥ 3.15 and Postgres) walks the (status, priority, seq) index.
      .$if(after !== undefined, (qb) =>
        qb.where(sql<boolean>`(priority, seq) > (${after?.priority}, ${after?.seq})`),
      )
      .orderBy('priority')
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const limits = dialTimeLimitsOf(row);
      return {
        id: row.id,
        organizationId: row.organization_id,
        priority: row.priority,
        seq: row.seq,
        ...(limits ? { limits } : {}),
        ...(row.batch_id ? { batchId: row.batch_id } : {}),
      };
    });
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

  async liveCalls(): Promise<{ id: string; organizationId: string; batchId: string | null }[]> {
    const rows = await this.db
      .selectFrom('calls')
      .select(['id', 'organization_id', 'batch_id'])
      .where('status', 'in', ['connecting', 'ringing', 'active'])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      batchId: row.batch_id ?? null,
    }));
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

  depthByTrunk(): Promise<QueueDepthRow[]> {
    return this.queuedByTrunk(undefined);
  }

  organizationDepthByTrunk(organizationId: string): Promise<QueueDepthRow[]> {
    return this.queuedByTrunk(organizationId);
  }

  async organizationDialsSince(organizationId: string, since: Date): Promise<DialCountRow[]> {
    const rows = await this.db
      .selectFrom('call_events')
      .innerJoin('calls', 'calls.id', 'call_events.call_id')
      .leftJoin('agents', 'agents.id', 'calls.agent_id')
      .select([
        'agents.sip_trunk_id as sipTrunkId',
        // ISO 8601 text in both databases: the first 19 characters are the UTC second.
        sql<string>`substr(call_events.at, 1, 19)`.as('second'),
        (eb) => eb.fn.countAll<number>().as('calls'),
      ])
      .where('call_events.organization_id', '=', organizationId)
      // Event ids are ULIDs never older than their commit time, so this bound walks only the
      // last minute of the organization's feed (the call_events_feed index), not all of it.
      .where('call_events.event_id', '>=', eventIdFloor(since))
      .where('call_events.at', '>=', since.toISOString())
      .where('call_events.to_status', '=', 'connecting')
      .groupBy(['agents.sip_trunk_id', sql`substr(call_events.at, 1, 19)`])
      .execute();
    return rows.map((row) => ({ sipTrunkId: row.sipTrunkId, second: row.second, calls: Number(row.calls) }));
  }

  /**
   * Calls are grouped by agent first (a range of the `calls_dial_order` index), so the join to
   * agents runs once per agent, not once per queued call.
   */
  private async queuedByTrunk(organizationId: string | undefined): Promise<QueueDepthRow[]> {
    const byAgent = this.db
      .selectFrom('calls')
      .select(['agent_id', 'priority', (eb) => eb.fn.countAll<number>().as('calls')])
      .where('status', '=', 'queued')
      .$if(organizationId !== undefined, (qb) => qb.where('organization_id', '=', organizationId as string))
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
