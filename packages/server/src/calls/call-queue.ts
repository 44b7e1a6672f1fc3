/**
 * @module
 * The calls service's view of the Dial queue (src/dial/dial-queue.ts): a port, so the domain
 * depends on what it calls and not on how dials are paced.
 */
import type { CallCancellation, CallRow } from '../ports/call-store';

export type { CallCancellation };

/** A queued call as the queue needs it: its place in line and its dial time limits, if any. */
export type QueuedCallNotice = Pick<CallRow, 'id' | 'priority' | 'seq'> &
  Partial<
    Pick<CallRow, 'organization_id' | 'agent_id' | 'calling_window' | 'latest_at' | 'batch_id' | 'dial_turn'>
  >;

export interface CallQueue {
  /** Hands a committed `queued` call to the queue. */
  notifyQueued(call: QueuedCallNotice): void;
  /** Hands many committed `queued` calls to the queue at once (a batch, calls falling due). */
  notifyQueuedMany(calls: readonly QueuedCallNotice[]): void;
  /**
   * Commits a cancel so that it cannot cross the call's INVITE: `commit` runs while no INVITE for
   * the call can start, and is told which case it is. Once it returns the cancelled row, the
   * queue drops the queued call, or hangs the live one up in LiveKit (retried until LiveKit
   * confirms; the first attempt is awaited).
   * @returns what `commit` returned: the cancelled call, or undefined when it did not commit
   */
  cancel(
    before: CallRow,
    commit: (cancellation: CallCancellation) => Promise<CallRow | undefined>,
  ): Promise<CallRow | undefined>;
  readonly running: boolean;
}
