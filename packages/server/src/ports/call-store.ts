/**
 * @module
 * Calls and their status history. Status changes after creation go through `transition`, the
 * single write path for statuses: it is guarded by the status machine's table
 * (`@outdial/contract`), in the database (`WHERE status IN (…)`), so a late event can never
 * resurrect a finished call.
 */
import type { CallStatus } from '@outdial/contract';
import type { PageRequest } from './page-request';

export type { CallStatus };

/**
 * How a cancelled call was stopped: `before_dial` when no INVITE had been sent (the phone never
 * rang), `hung_up` when one had (or may have, for a dial interrupted by a restart), so the call was
 * torn down in LiveKit.
 */
export type CallCancellation = 'before_dial' | 'hung_up';

export interface CallRow {
  /** Insertion order, assigned by the store: FIFO within a priority, and the Dial queue's cursor. */
  seq: number;
  id: string;
  organization_id: string;
  agent_id: string;
  /** Agent name and type as they were when the call was placed (agents can be deleted). */
  agent_name: string;
  agent_type: 'voice' | 'chat';
  phone_number: string;
  caller_id: string;
  status: CallStatus;
  /** 0 is the most urgent. */
  priority: number;
  ring_timeout_seconds: number;
  max_duration_seconds: number | null;
  /** JSON object: the caller's metadata plus caller_id, from_phone_number and priority. */
  metadata: string;
  /** JSON object of string → string. */
  variables: string;
  room_id: string | null;
  job_id: string | null;
  sip_participant_id: string | null;
  failure_reason: string | null;
  summary: string | null;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  duration: number | null;
  /** How a cancelled call was stopped; null unless cancelled. */
  cancellation: CallCancellation | null;
  /**
   * The call's own webhook URL (createOutboundCall's `webhookUrl`): it gets every event of the
   * call, signed with the organization's webhook secret. Absent from call snapshots written before
   * migration 0005 (read as null).
   */
  webhook_url?: string | null;
  /**
   * When a `scheduled` call enters the Dial queue: the requested `scheduledAt`, or its calling
   * window's next opening. Kept after the call leaves `scheduled`; null for a call never scheduled.
   * This and the two below are absent from call snapshots written before migration 0006 (null).
   */
  scheduled_at?: string | null;
  /** Give up at this instant: a call not dialed by then ends `failed` (`expired`). */
  latest_at?: string | null;
  /**
   * JSON of the contract's `CallingWindow`: the call's own, or the server default it was created
   * under. The Dial queue dials the call only while it is open.
   */
  calling_window?: string | null;
  /** The batch the call belongs to; null (or absent, before migration 0007) for a single call. */
  batch_id?: string | null;
  /** The call's attempt at its contact: 1 for the first (null, or absent, reads as 1). */
  attempt?: number | null;
  /** The call this one retries (attempt - 1), or null. */
  retry_of?: string | null;
  /**
   * The call's turn in the Dial queue among the queued calls of its priority, set by the store each
   * time the call becomes `queued` (see store/sqlite/dial-turns.ts); kept after it leaves. Null
   * (or absent, before migration 0008) for a call never queued.
   */
  dial_turn?: number | null;
  updated_at: string;
}

/** A call as created: the store assigns `seq` and the first status, `initiated`. */
export type NewCall = Omit<CallRow, 'seq' | 'status' | 'cancellation'>;

/** Other columns a status change may write in the same update (answered_at, room_id, …). */
export type CallPatch = Partial<Omit<CallRow, 'id' | 'seq' | 'status' | 'organization_id' | 'updated_at'>>;

export interface CallEventRow {
  id: number;
  call_id: string;
  from_status: CallStatus | null;
  to_status: CallStatus;
  at: string;
  /** JSON object with whatever explains the change (SIP code, webhook event, reason). */
  details: string;
  /**
   * The public event (event-store.ts) this change is: `evt_<ulid>`, increasing in commit order
   * within the organization. Null for `initiated` (creation is not an event) and for rows written
   * before events existed; then so are the three fields below.
   */
  event_id: string | null;
  organization_id: string | null;
  /** 1-based, gapless among the call's events. */
  sequence: number | null;
  /** JSON of the CallRow as this change wrote it. */
  call_snapshot: string | null;
}

export interface CallFilters {
  agentId?: string | undefined;
  batchId?: string | undefined;
  statuses?: readonly CallStatus[] | undefined;
  phoneNumber?: string | undefined;
  /** Inclusive bounds on started_at, as canonical `toISOString()` text. */
  startDate?: string | undefined;
  endDate?: string | undefined;
}

export interface TransitionOptions {
  /** Other columns to write in the same update. */
  patch?: CallPatch;
  /** Recorded on the call event: why the status changed. */
  details?: Record<string, unknown>;
  /** Only move from these statuses (a subset of the table's allowed sources). */
  from?: readonly CallStatus[];
  /** When the change happened (updated_at, the call event's at). Default: the store's clock. */
  now?: Date;
}

/** Where a call created by {@link CallStore.create} goes at once from `initiated`. */
export interface CallEntry {
  to: 'queued' | 'scheduled';
  /** Other columns the entry writes (a scheduled call's `scheduled_at`). */
  patch?: CallPatch;
  /** Recorded on the entry's call event. */
  details?: Record<string, unknown>;
}

/** The Idempotency-Key claim a created call answers, completed in the transaction that creates it. */
export interface IdempotencyCompletion {
  organizationId: string;
  key: string;
  /** The response stored for replays, built from the call as written. */
  response(call: CallRow): { status: number; body: unknown };
}

export interface CallStore {
  /**
   * Inserts a call as `initiated` with its first call event, in one transaction; the caller then
   * moves it to `queued` with {@link CallStore.transition}.
   * @param idempotencyKey the Idempotency-Key claim this call answers, linked in the same transaction
   */
  insertInitiated(call: NewCall, idempotencyKey?: { organizationId: string; key: string }): Promise<CallRow>;
  /**
   * Creates a call and moves it straight on to `entry.to`, all in one transaction: the row, its
   * `initiated` event, the entry's event (the public event of event-store.ts) with the webhook
   * deliveries it owes, and the completed Idempotency-Key record. Nothing is written unless all
   * of it is; once committed the entry is published on CALL_TRANSITION_CHANNEL, as `transition`
   * does. The store may commit concurrent creates together (SQLite: group commit); each still
   * resolves only once its own write is committed.
   * @returns the call as it entered `entry.to`
   */
  create(call: NewCall, entry: CallEntry, idempotency?: IdempotencyCompletion): Promise<CallRow>;
  /** Any organization's call: the caller tells 403 from 404. */
  find(callId: string): Promise<CallRow | undefined>;
  /** An organization's calls, newest first by (started_at, id), `limit + 1` rows. */
  list(organizationId: string, filters: CallFilters, page: PageRequest): Promise<CallRow[]>;
  /**
   * Moves a call to `to` if the status machine allows it from the call's current status (and
   * that status is in `from`, when given). The status change and its call event (the public event
   * of event-store.ts) commit together, with the event's webhook deliveries (one per enabled
   * endpoint of the organization subscribed to its type, and one to the call's `webhook_url`);
   * once committed, the change is published on CALL_TRANSITION_CHANNEL (store/call-transitions.ts).
   * @returns the updated call, or undefined when the call does not exist or may not move
   */
  transition(callId: string, to: CallStatus, options?: TransitionOptions): Promise<CallRow | undefined>;
  /** The call's status history, oldest first. */
  events(callId: string): Promise<CallEventRow[]>;
  /** The current status of each of these calls that exists (any order). */
  statusesOf(callIds: readonly string[]): Promise<Pick<CallRow, 'id' | 'status'>[]>;
  /** The ids of every call in one of `statuses`. */
  idsWithStatus(statuses: readonly CallStatus[]): Promise<string[]>;
  /** How many calls are in each of `statuses` (0 for none). */
  countByStatus<S extends CallStatus>(statuses: readonly S[]): Promise<Record<S, number>>;
}
