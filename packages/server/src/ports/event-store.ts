/**
 * @module
 * The organization's event feed: call events, read from the call events that `CallStore.transition`
 * writes in the same transaction as each status change (the outbox), and batch events, written in
 * the transaction of each batch change (`BatchStore`). Both kinds share one id space: event ids
 * (`evt_<ulid>`) increase in commit order within an organization, so "after this id" is a resume
 * point that misses nothing committed later, of either kind.
 */
import type { components } from '@outdial/contract';
import type { BatchCallCounts, BatchRow } from './batch-store';
import type { CallRow, CallStatus } from './call-store';

export type EventType = components['schemas']['EventType'];
export type BatchEventType = components['schemas']['BatchEventType'];

/** A call's status change. */
export interface CallFeedEvent {
  kind: 'call';
  /** `evt_<ulid>`. */
  id: string;
  organization_id: string;
  call_id: string;
  /** The status the call moved to: the event's type is `call.<status>`. */
  status: CallStatus;
  /** 1-based, gapless among the call's events. */
  sequence: number;
  /** When the change happened (ISO 8601). */
  at: string;
  /** The call as the change wrote it. */
  call: CallRow;
}

/** A batch's change (started, paused, resumed, completed, cancelled). */
export interface BatchFeedEvent {
  kind: 'batch';
  /** `evt_<ulid>`, in the same id space as call events. */
  id: string;
  organization_id: string;
  batch_id: string;
  type: BatchEventType;
  /** 1-based, gapless among the batch's events. */
  sequence: number;
  /** When the change was committed (ISO 8601). */
  at: string;
  /** The batch as the change wrote it, and its calls' counts in the same transaction. */
  batch: BatchRow;
  counts: BatchCallCounts;
}

export type EventRow = CallFeedEvent | BatchFeedEvent;

export interface EventFilters {
  /** Only events of these types (either kind). */
  types?: readonly EventType[] | undefined;
  /** Only this call's events (so no batch event). */
  callId?: string | undefined;
  /** Only this batch's events and its calls' events. */
  batchId?: string | undefined;
}

export interface EventStore {
  /** An organization's events newest first, strictly before `before` when given; `limit + 1` rows. */
  list(
    organizationId: string,
    filters: EventFilters,
    page: { limit: number; before?: string | undefined },
  ): Promise<EventRow[]>;
  /** An organization's events oldest first, strictly after `after` (all when null), at most `limit`. */
  listAfter(
    organizationId: string,
    filters: EventFilters,
    after: string | null,
    limit: number,
  ): Promise<EventRow[]>;
  /**
   * The same, read at once, where the store can (SQLite's read-only connection): a live stream
   * woken by a commit sends its events in that turn. Absent on stores that cannot (PostgreSQL).
   */
  listAfterNow?(
    organizationId: string,
    filters: EventFilters,
    after: string | null,
    limit: number,
  ): EventRow[];
  /** The organization's event with this id (another organization's is not found). */
  find(organizationId: string, eventId: string): Promise<EventRow | undefined>;
  /** The id of the organization's newest event, of either kind, if it has any. */
  newestId(organizationId: string): Promise<string | undefined>;
  /**
   * Deletes the call events and batch events (and so the events) that happened before `cutoff`.
   * @returns how many rows were deleted
   */
  purgeBefore(cutoff: Date): Promise<number>;
}
