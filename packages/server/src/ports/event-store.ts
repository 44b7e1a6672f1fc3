/**
 * @module
 * The organization's event feed, read from the call events that `CallStore.transition` writes in
 * the same transaction as each status change (the outbox): one event per change after creation.
 * Event ids (`evt_<ulid>`) increase in commit order within an organization, so "after this id" is
 * a resume point that misses nothing committed later.
 */
import type { CallRow, CallStatus } from './call-store';

export interface EventRow {
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

export interface EventFilters {
  /** Only changes to these statuses. */
  statuses?: readonly CallStatus[] | undefined;
  callId?: string | undefined;
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
  /** The organization's event with this id (another organization's is not found). */
  find(organizationId: string, eventId: string): Promise<EventRow | undefined>;
  /** The id of the organization's newest event, if it has any. */
  newestId(organizationId: string): Promise<string | undefined>;
  /**
   * Deletes the call events (and so the events) that happened before `cutoff`.
   * @returns how many rows were deleted
   */
  purgeBefore(cutoff: Date): Promise<number>;
}
