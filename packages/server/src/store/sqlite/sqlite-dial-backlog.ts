import { type Kysely, sql } from 'kysely';
import type { CallRow, CallStore } from '../../ports/call-store';
import type {
  AgentDialSettings,
  DialBacklog,
  DialCountRow,
  DialKey,
  DialOrder,
  QueueDepthRow,
  TrunkFilter,
} from '../../ports/dial-backlog';
import { dialTimeLimitsOf } from '../dial-time-limits';
import { eventIdFloor } from '../ids';
import { PrecompiledQuery } from './precompiled-query';
import type { Database } from './sqlite-schema';

/** Read for every call dialed. */
const agentDialRow = new PrecompiledQuery<
  { agentId: string },
  { livekit_agent_name: string | null; sip_trunk_id: string | null }
>((db, arg) =>
  db.selectFrom('agents').select(['livekit_agent_name', 'sip_trunk_id']).where('id', '=', arg('agentId')),
);

export class SqliteDialBacklog implements DialBacklog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly calls: CallStore,
  ) {}

  async queuedAfter(after: DialOrder | undefined, limit: number, trunk?: TrunkFilter): Promise<DialKey[]> {
    if (after === undefined) await this.#numberUnturned();
    const rows = await this.db
      .selectFrom('calls')
      .select([
        'calls.id',
        'calls.organization_id',
        'calls.priority',
        'calls.dial_turn',
        'calls.seq',
        'calls.calling_window',
        'calls.latest_at',
        'calls.batch_id',
      ])
      .where('calls.status', '=', 'queued')
      // A row-value comparison (SQLite ≥ 3.15 and Postgres) walks the calls_dial_order index,
      // (status, priority, dial_turn, seq).
      .$if(after !== undefined, (qb) => qb.where(afterKey(after as DialOrder)))
      // One trunk's calls: the agent is read by primary key for each call the index walk meets.
      .$if(trunk !== undefined, (qb) => qb.where(onTrunk(trunk as TrunkFilter)))
      .orderBy('calls.priority')
      .orderBy('calls.dial_turn')
      .orderBy('calls.seq')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const limits = dialTimeLimitsOf(row);
      return {
        id: row.id,
        organizationId: row.organization_id,
        priority: row.priority,
        ...(row.dial_turn == null ? {} : { turn: Number(row.dial_turn) }),
        seq: row.seq,
        ...(limits ? { limits } : {}),
        ...(row.batch_id ? { batchId: row.batch_id } : {}),
      };
    });
  }

  async queuedOrderAfter(after: DialOrder | undefined, limit: number): Promise<DialOrder[]> {
    if (after === undefined) await this.#numberUnturned();
    const rows = await this.db
      .selectFrom('calls')
      .select(['priority', 'dial_turn', 'seq'])
      .where('status', '=', 'queued')
      .$if(after !== undefined, (qb) => qb.where(afterKey(after as DialOrder)))
      .orderBy('priority')
      .orderBy('dial_turn')
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      row.dial_turn == null
        ? { priority: row.priority, seq: row.seq }
        : { priority: row.priority, turn: Number(row.dial_turn), seq: row.seq },
    );
  }

  /**
   * Queued calls without a turn (written by a server from before migration 0008, or by hand) would
   * fall out of the row-value comparisons: they get their seq as their turn, as the migration gave
   * the calls it found, before a read from the start. The partial index calls_unturned holds only
   * such rows, so this costs one index probe when there are none.
   */
  async #numberUnturned(): Promise<void> {
    await this.db
      .updateTable('calls')
      .set((eb) => ({ dial_turn: eb.ref('seq') }))
      .where('status', '=', sql.lit<'queued'>('queued'))
      .where('dial_turn', 'is', null)
      .execute();
  }

  claim(callId: string): Promise<CallRow | undefined> {
    return this.calls.transition(callId, 'connecting', {
      from: ['queued'],
      details: { source: 'dial_queue' },
    });
  }

  unclaim(
    callId: string,
    at: Date,
    source: 'batch_paused' | 'trunk_changed' = 'batch_paused',
  ): Promise<CallRow | undefined> {
    return this.calls.transition(callId, 'queued', {
      from: ['connecting'],
      // Its room was deleted before anything rang: the ids name nothing any more.
      patch: { room_id: null, job_id: null },
      details: { source },
      now: at,
    });
  }

  async liveCalls(
    trunk?: TrunkFilter,
  ): Promise<{ id: string; organizationId: string; batchId: string | null }[]> {
    const rows = await this.db
      .selectFrom('calls')
      .select(['calls.id as id', 'calls.organization_id as organization_id', 'calls.batch_id as batch_id'])
      .where('calls.status', 'in', ['connecting', 'ringing', 'active'])
      .$if(trunk !== undefined, (qb) => qb.where(onTrunk(trunk as TrunkFilter)))
      .execute();
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      batchId: row.batch_id ?? null,
    }));
  }

  async agentTrunkIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('agents')
      .select('sip_trunk_id')
      .distinct()
      .where('sip_trunk_id', 'is not', null)
      .orderBy('sip_trunk_id')
      .execute();
    return rows.map((row) => row.sip_trunk_id as string);
  }

  async agentDialSettings(agentId: string): Promise<AgentDialSettings | undefined> {
    const agent = await agentDialRow.takeFirst(this.db, { agentId });
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
      // A claim handed straight back to the queue (its batch paused before the INVITE) dialed
      // nothing: its next event is connecting → queued.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('call_events as back')
              .select('back.id')
              .whereRef('back.call_id', '=', 'call_events.call_id')
              .where('back.from_status', '=', 'connecting')
              .where('back.to_status', '=', 'queued')
              .where('back.sequence', '=', sql<number>`call_events.sequence + 1`),
          ),
        ),
      )
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

/**
 * Strictly after `after` in dial order. Every queued call has a turn since migration 0008 (it is
 * set whenever a call is queued), so the row value never meets a null. A key without a turn (from
 * before it) reads as its seq, as the migration numbered them.
 */
function afterKey(after: DialOrder) {
  return sql<boolean>`(priority, dial_turn, seq) > (${after.priority}, ${after.turn ?? after.seq}, ${after.seq})`;
}

/**
 * The calls of one trunk, by their agent's trunk as a dial will read it (dial/place-call-request.ts):
 * an agent naming no trunk, or deleted, dials on the default trunk. A correlated lookup by the
 * agents' primary key, so the calls_dial_order walk stays the plan.
 */
function onTrunk({ trunkId, isDefault }: TrunkFilter) {
  const agentTrunk = sql`(select agents.sip_trunk_id from agents where agents.id = calls.agent_id)`;
  return isDefault
    ? sql<boolean>`coalesce(${agentTrunk}, ${trunkId}) = ${trunkId}`
    : sql<boolean>`${agentTrunk} = ${trunkId}`;
}
