/**
 * @module
 * A stored call's dial time limits (ports/dial-backlog.ts): its calling window and latest time,
 * as the Dial queue checks them before each claim. Shared by every store and by the hand-off of
 * a newly queued call, so both build the same limits from the same columns.
 */
import type { CallingWindow } from '@outdial/contract';
import type { CallRow } from '../ports/call-store';
import type { DialTimeLimits } from '../ports/dial-backlog';

/** Undefined for a call with neither a window nor a latest time: nothing to check. */
export function dialTimeLimitsOf(
  call: Pick<CallRow, 'calling_window' | 'latest_at'>,
): DialTimeLimits | undefined {
  const window = call.calling_window ?? null;
  const latestAt = call.latest_at ?? null;
  if (window === null && latestAt === null) return undefined;
  return { callingWindow: window === null ? null : (JSON.parse(window) as CallingWindow), latestAt };
}
