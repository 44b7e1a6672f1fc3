/**
 * @module
 * What the Dial queue needs of the stored backlog: the queued calls in dial order, a window at a
 * time; the claim that makes a dial happen at most once; the agent's dial settings; and the
 * LiveKit ids of a dial. A dial's outcome is a status change, written through
 * `CallStore.transition` like every other.
 */
import type { CallingWindow } from '@outdial/contract';
import type { CallRow } from './call-store';

/**
 * When a queued call may be dialed, checked just before its claim: present only on calls with a
 * calling window or a latest time, so a call without either costs no check and no query.
 */
export interface DialTimeLimits {
  callingWindow: CallingWindow | null;
  /** ISO instant: past it the call is failed as `expired` instead of dialed. */
  latestAt: string | null;
}

/**
 * A queued call's place in line: priority first (0 most urgent), then its turn (batches and single
 * calls of one priority take turns, see store/sqlite/dial-turns.ts), then seq (FIFO between calls
 * of one turn).
 */
export interface DialKey {
  id: string;
  /** For the per-organization concurrency limit (absent on keys built without it, in tests). */
  organizationId?: string;
  priority: number;
  /** The call's `dial_turn`; absent reads as its seq (as migration 0008 gave the calls it found queued). */
  turn?: number;
  seq: number;
  limits?: DialTimeLimits;
  /** The call's batch, for batch calls only: a paused batch's calls are not dialed. */
  batchId?: string;
  /** The SIP trunk whose queue holds it (set by a trunk's Dial queue; absent in tests). */
  trunkId?: string;
}

/**
 * The calls of one SIP trunk: those whose agent names `trunkId`, and when it is the server's
 * default trunk also those whose agent names none (or was deleted).
 */
export interface TrunkFilter {
  trunkId: string;
  isDefault: boolean;
}

/** A queued call's place in line without its id: what the queue positions keep of every call. */
export type DialOrder = Pick<DialKey, 'priority' | 'turn' | 'seq'>;

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

/** Dial starts of one second on one trunk (`second`: the UTC second, `YYYY-MM-DDTHH:MM:SS`). */
export interface DialCountRow {
  sipTrunkId: string | null;
  second: string;
  calls: number;
}

export interface DialBacklog {
  /**
   * Up to `limit` queued calls strictly after `after` in (priority, turn, seq) order, each with its
   * time limits when it has any.
   */
  queuedAfter(after: DialOrder | undefined, limit: number, trunk?: TrunkFilter): Promise<DialKey[]>;
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
  /**
   * Hands a claimed call whose INVITE never left back to the queue (`connecting → queued`, its
   * batch paused, or its agent moved to another trunk), keeping its turn so that it keeps its
   * place. Records `source` (default `batch_paused`).
   * @returns the queued call, or undefined when it is no longer connecting
   */
  unclaim(callId: string, at: Date, source?: 'batch_paused' | 'trunk_changed'): Promise<CallRow | undefined>;
  /** The calls live now (connecting, ringing or active), for the concurrency limits; of one trunk with `trunk`. */
  liveCalls(trunk?: TrunkFilter): Promise<{ id: string; organizationId: string; batchId: string | null }[]>;
  /** The trunks agents name (distinct, without null), for the Dial queue to dial each. */
  agentTrunkIds(): Promise<string[]>;
  /** The agent's worker name and trunk as they are now; undefined for a deleted agent. */
  agentDialSettings(agentId: string): Promise<AgentDialSettings | undefined>;
  /** Records the dial's room or dispatch id (informational: the room's name derives from the call id). */
  recordLiveKitIds(callId: string, ids: { room_id: string } | { job_id: string }, at: Date): Promise<void>;
  /**
   * Queued calls by their agent's trunk (as it is now, as a dial will read it) and priority, for
   * the queue-depth gauge.
   */
  depthByTrunk(): Promise<QueueDepthRow[]>;
  /** The same for one organization's calls (`GET /api/v1/queue`). */
  organizationDepthByTrunk(organizationId: string): Promise<QueueDepthRow[]>;
  /**
   * One organization's dial starts (`queued → connecting`, less the claims handed straight back
   * by a batch's pause, which dialed nothing) at or after `since`, counted per
   * trunk and UTC second, read from the call events.
   */
  organizationDialsSince(organizationId: string, since: Date): Promise<DialCountRow[]>;
}
