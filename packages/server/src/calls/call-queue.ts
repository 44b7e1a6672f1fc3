/**
 * The HTTP layer's view of the Dial queue (src/dial/dial-queue.ts): a port, so the request
 * handlers depend on what they call and not on how dials are paced.
 */
import type { CallRow } from '../store/schema';

export interface CallQueue {
  /** Hands a committed `queued` call to the queue. */
  notifyQueued(call: { id: string; priority: number; seq: number }): void;
  /** After a cancel is committed: drops a queued call, or deletes a live call's LiveKit room. */
  onCallCancelled(before: CallRow): Promise<void>;
  readonly running: boolean;
}
