/**
 * @module
 * What the mock's clock means for a call with a schedule, as the server reads it: a `scheduled`
 * call enters the Dial queue at its `scheduledAt` (the requested instant, or its window's next
 * opening) and fails `expired` once its `latestAt` has passed first; a queued call about to be
 * dialed goes back to `scheduled` when its window has closed meanwhile. Pure: the instant is
 * passed in.
 */
import { isWindowOpen, nextWindowOpening } from '@outdial/contract';
import type { Call } from './mock-types';

type ScheduleFields = Pick<Call, 'scheduledAt' | 'latestAt' | 'callingWindow'>;

/** The failure reason of a call whose `latestAt` passed before it could be dialed. */
export const EXPIRED_FAILURE_REASON = 'expired';

/** setTimeout's longest delay (2³¹−1 ms, about 24.8 days); a longer wait is taken in pieces. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

function hasPassed(instant: string | null, now: Date): boolean {
  return instant !== null && Date.parse(instant) <= now.getTime();
}

/**
 * What a `scheduled` call does at `now`: expiry wins, as for a server coming back after both
 * instants passed.
 *
 * @example
 * scheduledCallMove({ scheduledAt: '2026-12-02T10:00:00Z', latestAt: null, callingWindow: null }, now); // 'queue'
 */
export function scheduledCallMove(call: ScheduleFields, now: Date): 'wait' | 'queue' | 'expire' {
  if (hasPassed(call.latestAt, now)) return 'expire';
  if (call.scheduledAt === null || hasPassed(call.scheduledAt, now)) return 'queue';
  return 'wait';
}

/** The next instant at which the clock changes what a `scheduled` call does, in epoch milliseconds. */
export function nextScheduleInstant(call: ScheduleFields): number {
  const instants = [call.scheduledAt, call.latestAt].filter((i): i is string => i !== null).map(Date.parse);
  return Math.min(...instants);
}

/** What `dialGate` says of a queued call. */
export type DialGate = { kind: 'dial' } | { kind: 'expire' } | { kind: 'wait'; until: Date };

/**
 * Whether a queued call may be dialed at `now`: `dial`, `expire` (its `latestAt` has passed), or
 * `wait` until its window's next opening (the window closed while it was queued).
 *
 * @example
 * dialGate(call, now); // { kind: 'wait', until: 2026-12-03T14:00:00.000Z }
 */
export function dialGate(call: ScheduleFields, now: Date): DialGate {
  if (hasPassed(call.latestAt, now)) return { kind: 'expire' };
  if (call.callingWindow && !isWindowOpen(call.callingWindow, now)) {
    return { kind: 'wait', until: nextWindowOpening(call.callingWindow, now) };
  }
  return { kind: 'dial' };
}
