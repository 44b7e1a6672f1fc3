/**
 * @module
 * `OUTDIAL_DEFAULT_CALLING_WINDOW` (`08:00-21:00`) and `OUTDIAL_DEFAULT_TIMEZONE` (an IANA zone,
 * default `UTC`): the calling window of every call that names none. A call without a window has
 * no time zone of its own, so the default window's zone is configured beside it.
 */
import { type CallingWindow, isValidTimeZone } from '@outdial/contract';

const HOURS = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * @returns the window, or null when `window` is unset (then a time zone alone is a problem: it
 * would silently do nothing); each problem is pushed onto `problems`, by variable name
 */
export function parseDefaultCallingWindow(
  window: string | undefined,
  timezone: string | undefined,
  problems: string[],
): CallingWindow | null {
  if (window === undefined) {
    if (timezone !== undefined)
      problems.push('OUTDIAL_DEFAULT_TIMEZONE is set but OUTDIAL_DEFAULT_CALLING_WINDOW is not');
    return null;
  }
  const zone = timezone ?? 'UTC';
  let valid = true;
  const [start, end, ...rest] = window.split('-').map((part) => part.trim());
  if (start === undefined || end === undefined || rest.length > 0 || !HOURS.test(start) || !HOURS.test(end)) {
    problems.push(
      `OUTDIAL_DEFAULT_CALLING_WINDOW must be HH:MM-HH:MM, such as 08:00-21:00 (got "${window}")`,
    );
    valid = false;
  } else if (start === end) {
    problems.push(`OUTDIAL_DEFAULT_CALLING_WINDOW must end at another time than it starts (got "${window}")`);
    valid = false;
  }
  if (!isValidTimeZone(zone)) {
    problems.push(
      `OUTDIAL_DEFAULT_TIMEZONE must be an IANA time zone such as America/New_York (got "${zone}")`,
    );
    valid = false;
  }
  return valid && start !== undefined && end !== undefined ? { timezone: zone, start, end } : null;
}
