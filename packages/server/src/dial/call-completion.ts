/**
 * @module
 * Ending an answered call, shared by the webhook handler and the live-call tracker (its safety
 * net for webhooks that never arrive).
 */
import type { CallRow, CallStore } from '../ports/call-store';
import type { Clock } from '../ports/clock';

/**
 * `active → completed` with ended_at and duration (whole seconds since answered_at). Guarded:
 * a call that is not active (never answered, already ended, cancelled) is left alone.
 */
export async function completeAnsweredCall(
  calls: CallStore,
  callId: string,
  details: Record<string, unknown>,
  clock: Clock,
): Promise<CallRow | undefined> {
  const call = await calls.find(callId);
  if (call?.status !== 'active') return undefined;
  const now = clock.now();
  const duration = call.answered_at
    ? Math.max(0, Math.floor((now.getTime() - Date.parse(call.answered_at)) / 1000))
    : null;
  return calls.transition(callId, 'completed', {
    from: ['active'],
    patch: { ended_at: now.toISOString(), duration },
    details,
    now,
  });
}
