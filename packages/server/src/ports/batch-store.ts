/**
 * @module
 * Batches and their calls. A batch's calls are created with it, in one transaction, straight
 * into their first status (`queued`, or `scheduled` when not yet due) with their call events and
 * the webhook deliveries those owe, as `CallStore.transition` would have written them one by one.
 * Every later status change of a batch call goes through `CallStore.transition` like any other.
 * Each change of a batch writes its batch event (event-store.ts) in the same transaction:
 * `batch.started` (created with calls due now, or, in `CallStore.transition`, its first call
 * leaving `scheduled`), `batch.paused`, `batch.resumed`, `batch.cancelled`, `batch.completed`.
 */
import type { CallRow, CallStatus, NewCall } from './call-store';
import type { PageRequest } from './page-request';

/**
 * What is stored of a batch's status: `active` reads as `scheduled` or `running` (from its calls),
 * the others as themselves. `completed` and `cancelled` are final.
 */
export type StoredBatchStatus = 'active' | 'paused' | 'cancelled' | 'completed';

export interface BatchRow {
  id: string;
  organization_id: string;
  name: string;
  agent_id: string;
  status: StoredBatchStatus;
  priority: number;
  /** As sent, or null (each call then has the agent's first number). */
  caller_id: string | null;
  scheduled_at: string | null;
  latest_at: string | null;
  /** JSON of the contract's CallingWindow, or null. */
  calling_window: string | null;
  max_concurrent_calls: number | null;
  /** JSON of the contract's BatchRetry (with its default delay), or null. */
  retry: string | null;
  webhook_url: string | null;
  /** JSON object. */
  metadata: string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** A batch call as created: its first status, and its `scheduled_at` when that is `scheduled`. */
export interface NewBatchCall {
  call: NewCall;
  status: Extract<CallStatus, 'queued' | 'scheduled'>;
}

/** A batch's calls by the status of each contact's latest attempt (see BatchCounters in the spec). */
export interface BatchCallCounts {
  total: number;
  /** Latest attempts per status; `scheduled` ones that retry an earlier attempt are `retrying`. */
  byStatus: Partial<Record<CallStatus, number>>;
  retrying: number;
}

export interface BatchStore {
  /**
   * Inserts the batch and its calls (each with its first call event and the webhook deliveries
   * that event owes), in one transaction: all or nothing.
   * @param idempotencyKey the Idempotency-Key claim this batch answers, linked in the transaction
   * @returns the calls as written, in the order given
   */
  insertWithCalls(
    batch: BatchRow,
    calls: readonly NewBatchCall[],
    idempotencyKey?: { organizationId: string; key: string },
  ): Promise<CallRow[]>;
  /** Any organization's batch: the caller checks the organization. */
  find(batchId: string): Promise<BatchRow | undefined>;
  /** An organization's batches, newest first by (created_at, id), `limit + 1` rows. */
  list(
    organizationId: string,
    statuses: readonly StoredBatchStatus[] | undefined,
    page: PageRequest,
  ): Promise<BatchRow[]>;
  /**
   * Pauses (`paused`) or resumes (`active`) the batch if it is in one of `from`, with its
   * `batch.paused` or `batch.resumed` event in the same transaction.
   * @returns the batch as written, or undefined when it was in none of them
   */
  setStatus(
    batchId: string,
    to: 'paused' | 'active',
    from: readonly StoredBatchStatus[],
    at: Date,
  ): Promise<BatchRow | undefined>;
  /**
   * Marks an `active` or `paused` batch `completed` if none of its calls is left to finish, with
   * its `batch.completed` event in the same transaction.
   * @returns the batch as written, or undefined when it was not completed now
   */
  completeIfFinished(batchId: string, at: Date): Promise<BatchRow | undefined>;
  counts(batchId: string): Promise<BatchCallCounts>;
  /** The batch's calls in one of `statuses`, in dial order. */
  callsWithStatus(batchId: string, statuses: readonly CallStatus[]): Promise<CallRow[]>;
  /**
   * Cancels the batch if it is in one of `from`, and every call of it not yet dialed (`scheduled`
   * or `queued`), in one transaction: each call with its call event and webhook deliveries as
   * `CallStore.transition` writes them (`cancellation: before_dial`), then the batch's
   * `batch.cancelled`. A call claimed for dialing first is left to go on.
   * @returns the batch as written and the calls cancelled, or undefined when it was in none of `from`
   */
  cancel(
    batchId: string,
    from: readonly StoredBatchStatus[],
    at: Date,
  ): Promise<{ batch: BatchRow; calls: CallRow[] } | undefined>;
  /** The ids of every `paused` batch. */
  pausedIds(): Promise<string[]>;
  /** The `maxConcurrentCalls` of every batch not finished that has one. */
  concurrencyLimits(): Promise<{ id: string; maxConcurrentCalls: number }[]>;
  /**
   * Calls of active batches that ended in `statuses` and have no successor yet: the retries a
   * crash may have left unmade.
   */
  endedWithoutSuccessor(statuses: readonly CallStatus[]): Promise<CallRow[]>;
}
