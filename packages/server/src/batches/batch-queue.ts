/**
 * @module
 * The batches' view of the Dial queue (src/dial/dial-queue.ts): the calls' view, plus pausing
 * and resuming a batch's dials.
 */
import type { CallQueue, QueuedCallNotice } from '../calls/call-queue';

export interface BatchQueue extends Pick<CallQueue, 'notifyQueued' | 'notifyQueuedMany'> {
  /** At most `max` of the batch's calls are live at once. */
  limitBatch(batchId: string, max: number): void;
  /** The batch's calls not yet claimed are not dialed until resumeBatch. */
  pauseBatch(batchId: string): void;
  /** Dials the batch's calls again; `queued` are its calls waiting in the database. */
  resumeBatch(batchId: string, queued: readonly QueuedCallNotice[]): void;
}
