/**
 * @module
 * What the Dial queue needs of the stored backlog: the queued calls in dial order, a window at a
 * time; the claim that makes a dial happen at most once; the agent's dial settings; and the
 * LiveKit ids of a dial. A dial's outcome is a status change, written through
 * `CallStore.transition` like every other.
 */
import type { CallRow } from './call-store';

/** A queued call's place in line: priority first (0 most urgent), then seq (FIFO). */
export interface DialKey {
  id: string;
  priority: number;
  seq: number;
}

/** A queued call's place in line without its id: what the queue positions keep of every call. */
export type DialOrder = Omit<DialKey, 'id'>;

/** What a dial reads of the call's agent, at dial time. */
export interface AgentDialSettings {
  livekitAgentName: string | null;
  sipTrunkId: string | null;
}

export interface QueueDepthRow {
  /** The agent's trunk; null when the agent names none (or was deleted): the default trunk. */
  sipTrunkId: string | null;
  priority: number;
  calls: number;
}

export interface DialBacklog {
  /** Up to `limit` queued calls strictly after `after` in (priority, seq) order. */
  queuedAfter(after: DialKey | undefined, limit: number): Promise<DialKey[]>;
  /**
   * The same without the ids, for reading the whole backlog at start (queue positions): no id
   * string per row, so 1M queued calls read through in small pages without growing the heap.
   */
  queuedOrderAfter(after: DialOrder | undefined, limit: number): Promise<DialOrder[]>;
  /**
   * Claims a queued call for dialing (`queued → connecting`, through the guarded transition).
   * It commits before any LiveKit side effect, so a call is dialed at most once, also across
   * processes sharing the database.
   * @returns the claimed call, or undefined when it is no longer queued (cancelled, claimed)
   */
  claim(callId: string): Promise<CallRow | undefined>;
  /** The agent's worker name and trunk as they are now; undefined for a deleted agent. */
  agentDialSettings(agentId: string): Promise<AgentDialSettings | undefined>;
  /** Records the dial's room or dispatch id (informational: the room's name derives from the call id). */
  recordLiveKitIds(callId: string, ids: { room_id: string } | { job_id: string }, at: Date): Promise<void>;
  /**
   * Queued calls by their agent's trunk (as it is now, as a dial will read it) and priority, for
   * the queue-depth gauge.
   */
  depthByTrunk(): Promise<QueueDepthRow[]>;
}
