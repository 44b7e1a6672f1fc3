/**
 * @module
 * Whether a queued call may be dialed now, by its time limits: a call past its latest time is
 * expired, one whose calling window has closed waits (back to `scheduled`) for the next opening.
 * Checked just before the claim, so a call that waited in a long backlog is never dialed outside
 * its window or after its latest time.
 */
import { isWindowOpen, nextWindowOpening } from '@outdial/contract';
import type { DialTimeLimits } from '../ports/dial-backlog';

export type DialTimeVerdict = { kind: 'dial' } | { kind: 'expire' } | { kind: 'wait'; until: Date };

const DIAL: DialTimeVerdict = { kind: 'dial' };

export function dialTimeVerdict(limits: DialTimeLimits | undefined, now: Date): DialTimeVerdict {
  if (!limits) return DIAL;
  if (limits.latestAt !== null && Date.parse(limits.latestAt) <= now.getTime()) return { kind: 'expire' };
  const window = limits.callingWindow;
  if (window && !isWindowOpen(window, now)) return { kind: 'wait', until: nextWindowOpening(window, now) };
  return DIAL;
}
