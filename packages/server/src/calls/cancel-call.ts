/**
 * @module
 * DELETE /api/v1/calls/{callId}: commits the cancel through the status machine, then lets the
 * Dial queue drop the queued call or delete the live call's LiveKit room.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { apiError } from '../http/api-error';
import { transitionCall } from '../store/call-transitions';
import type { CallRow, Database } from '../store/schema';
import type { CallQueue } from './call-queue';
import { CANCELLABLE_STATUSES } from './call-status';
import { findOwnCall } from './find-own-call';

export interface CancelCallDeps {
  db: Kysely<Database>;
  queue: CallQueue;
  logger: Logger;
}

/** A status can change under us (the Dial queue, a webhook); a few re-reads settle it. */
const MAX_ATTEMPTS = 5;

export async function cancelCall(
  deps: CancelCallDeps,
  request: { organizationId: string; callId: string },
): Promise<{ id: string; status: 'cancelled' }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = await findOwnCall(deps.db, request.organizationId, request.callId);
    if (!CANCELLABLE_STATUSES.includes(before.status)) {
      throw apiError('call_not_cancellable', { status: before.status });
    }
    const endedAt = new Date();
    const cancelled = await transitionCall(deps.db, before.id, 'cancelled', {
      from: [before.status],
      patch: { ended_at: endedAt.toISOString(), duration: talkSeconds(before, endedAt) },
      details: { reason: 'cancelled_by_api' },
      now: endedAt,
    });
    if (!cancelled) continue;
    try {
      await deps.queue.onCallCancelled(before);
    } catch (error) {
      // The cancel is committed either way; the contract says a failed room deletion is only a warning.
      deps.logger.warn({ err: error, callId: before.id }, 'cancelled call clean-up failed');
    }
    return { id: cancelled.id, status: 'cancelled' };
  }
  throw new Error(`call ${request.callId} kept changing status while being cancelled`);
}

/** Whole seconds from answer to end; 0 for a call that was never answered. */
function talkSeconds(call: CallRow, endedAt: Date): number {
  if (!call.answered_at) return 0;
  return Math.max(0, Math.floor((endedAt.getTime() - Date.parse(call.answered_at)) / 1000));
}
