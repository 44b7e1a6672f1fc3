/**
 * @module
 * The batches' view of the Dial queue (src/dial/dial-queue.ts): the calls' view, plus pausing,
 * resuming and cancelling a batch's dials.
 */
import type { CallQueue, QueuedCallNotice } from '../calls/call-queue';

export interface BatchQueue extends Pick<CallQueue, 'notifyQueued' | 'notifyQueuedMany'> {
  /** At most `max` of the batch's calls are live at once. */
  limitBatch(batchId: string, max: number): void;
  /**
   * The batch's calls not dialed yet are not dialed until resumeBatch (claimed ones whose INVITE
   * has not left go back to `queued`). Resolves once no INVITE of the batch can start any more.
   */
  pauseBatch(batchId: string): Promise<void>;
  /** Dials the batch's calls again; `queued` are its calls waiting in the database. */
  resumeBatch(batchId: string, queued: readonly QueuedCallNotice[]): void;
  /**
   * Cancels the batch's calls not dialed yet: `cancelWaiting` commits the cancel of its waiting
   * (scheduled, queued) calls, and the queue cancels those it has claimed whose INVITE has not
   * left. Resolves once no INVITE of the batch can start any more.
   */
  cancelBatch(batchId: string, cancelWaiting: () => Promise<unknown>): Promise<void>;
}
