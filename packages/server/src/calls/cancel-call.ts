/**
 * @module
 * Cancelling a call (DELETE /api/v1/calls/{callId}): commits the cancel through the status machine, inside the Dial
 * queue's gate (so it cannot cross the call's INVITE), which then drops the queued call or hangs
 * the live one up in LiveKit.
 */
import { apiError, CANCELLABLE_STATUSES } from '@outdial/contract';
import type { CallRow, CallStore } from '../ports/call-store';
import type { Clock } from '../ports/clock';
import type { CallQueue } from './call-queue';
import { findOwnCall } from './find-own-call';

export interface CancelCallDeps {
  calls: CallStore;
  queue: CallQueue;
  clock: Clock;
}

/** A status can change under us (the Dial queue, a webhook); a few re-reads settle it. */
const MAX_ATTEMPTS = 5;

export async function cancelCall(
  deps: CancelCallDeps,
  request: { organizationId: string; callId: string },
): Promise<{ id: string; status: 'cancelled' }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = await findOwnCall(deps.calls, request.organizationId, request.callId);
    if (!CANCELLABLE_STATUSES.includes(before.status)) {
      throw apiError('call_not_cancellable', { status: before.status });
    }
    const cancelled = await deps.queue.cancel(before, (cancellation) => {
      // Taken inside the queue's gate: the cancel's time is its commit's, after any INVITE it
      // let go first.
      const endedAt = deps.clock.now();
      return deps.calls.transition(before.id, 'cancelled', {
        from: [before.status],
        patch: { ended_at: endedAt.toISOString(), duration: talkSeconds(before, endedAt), cancellation },
        details: { reason: 'cancelled_by_api', cancellation },
        now: endedAt,
      });
    });
    if (!cancelled) continue;
    return { id: cancelled.id, status: 'cancelled' };
  }
  throw new Error(`call ${request.callId} kept changing status while being cancelled`);
}

/** Whole seconds from answer to end; 0 for a call that was never answered. */
function talkSeconds(call: CallRow, endedAt: Date): number {
  if (!call.answered_at) return 0;
  return Math.max(0, Math.floor((endedAt.getTime() - Date.parse(call.answered_at)) / 1000));
}
