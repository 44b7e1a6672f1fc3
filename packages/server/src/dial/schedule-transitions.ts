/**
 * @module
 * The status changes of scheduling, written by the call scheduler and by the Dial queue's check
 * before a claim: through `CallStore.transition` like every status, so each writes its call event
 * (`call.scheduled`, `call.queued`, `call.failed`) and the webhooks it owes.
 */
import type { CallRow, CallStatus, CallStore } from '../ports/call-store';

/** The call's latest time passed before it was dialed: `failed`, `failureReason: expired`. */
export function expireCall(
  calls: CallStore,
  callId: string,
  from: readonly CallStatus[],
  now: Date,
): Promise<CallRow | undefined> {
  return calls.transition(callId, 'failed', {
    from,
    patch: { failure_reason: 'expired', ended_at: now.toISOString(), duration: 0 },
    details: { reason: 'expired' },
    now,
  });
}

/** A queued call whose calling window closed before its dial waits for the window's next opening. */
export function rescheduleQueuedCall(
  calls: CallStore,
  callId: string,
  until: Date,
  now: Date,
): Promise<CallRow | undefined> {
  return calls.transition(callId, 'scheduled', {
    from: ['queued'],
    patch: { scheduled_at: until.toISOString() },
    details: { reason: 'calling_window_closed' },
    now,
  });
}

/** A scheduled call fell due: it joins the Dial queue (at its priority, in seq order). */
export function queueDueCall(calls: CallStore, callId: string, now: Date): Promise<CallRow | undefined> {
  return calls.transition(callId, 'queued', {
    from: ['scheduled'],
    details: { reason: 'due' },
    now,
  });
}
