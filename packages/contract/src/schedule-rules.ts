/**
 * @module
 * The scheduling rules a schema cannot express, checked after schema validation by the server and
 * the mock alike, and the instant a call falls due. Pure and platform-neutral; `now` is passed in
 * so both read their own clock.
 *
 * - `scheduledAt` at most 90 days ahead, and not more than 5 minutes in the past (clock skew: a
 *   little in the past means now);
 * - `latestAt` after `scheduledAt` and after now;
 * - a calling window's `start` differs from its `end`, and its `timezone` is one Intl knows.
 *
 * @example
 * const violations = scheduleViolations({ scheduledAt: '2030-01-01T00:00:00Z' }, new Date('2026-12-02T00:00:00Z'));
 * // [{ code: 'scheduled_at_too_far', field: 'scheduledAt' }]
 */
import { type CallingWindow, isValidTimeZone, nextWindowOpening } from './calling-window';
import { type ApiError, apiError, type CatalogKey, reasonOf } from './error-catalog';

/** How far ahead `scheduledAt` may lie: 90 days. */
export const MAX_SCHEDULE_AHEAD_MS = 90 * 86_400_000;
/** How far in the past `scheduledAt` may lie (and then means now): 5 minutes of clock skew. */
export const SCHEDULE_CLOCK_SKEW_MS = 5 * 60_000;

/** The scheduling fields of a create request (`createOutboundCall`), after schema validation. */
export type ScheduleRequest = {
  scheduledAt?: string | undefined;
  latestAt?: string | undefined;
  callingWindow?: CallingWindow | undefined;
};

/** One broken scheduling rule: its catalog entry and the field it blames. */
export type ScheduleViolation = {
  code: Extract<
    CatalogKey,
    | 'scheduled_at_too_far'
    | 'scheduled_at_in_past'
    | 'latest_at_too_early'
    | 'calling_window_empty'
    | 'invalid_time_zone'
  >;
  field: string;
};

/**
 * Every scheduling rule `request` breaks at `now`, in the request's field order (one per field).
 * `prefix` places the fields inside a larger body (`calls.17.`).
 *
 * @example
 * scheduleViolations({ callingWindow: { timezone: 'Mars/Base', start: '09:00', end: '17:00' } }, new Date());
 * // [{ code: 'invalid_time_zone', field: 'callingWindow.timezone' }]
 */
export function scheduleViolations(request: ScheduleRequest, now: Date, prefix = ''): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const scheduledAt = request.scheduledAt === undefined ? undefined : Date.parse(request.scheduledAt);
  if (scheduledAt !== undefined) {
    if (scheduledAt > now.getTime() + MAX_SCHEDULE_AHEAD_MS) {
      violations.push({ code: 'scheduled_at_too_far', field: `${prefix}scheduledAt` });
    } else if (scheduledAt < now.getTime() - SCHEDULE_CLOCK_SKEW_MS) {
      violations.push({ code: 'scheduled_at_in_past', field: `${prefix}scheduledAt` });
    }
  }
  if (request.latestAt !== undefined) {
    const latestAt = Date.parse(request.latestAt);
    if (latestAt <= now.getTime() || (scheduledAt !== undefined && latestAt <= scheduledAt)) {
      violations.push({ code: 'latest_at_too_early', field: `${prefix}latestAt` });
    }
  }
  const window = request.callingWindow;
  if (window) {
    if (!isValidTimeZone(window.timezone)) {
      violations.push({ code: 'invalid_time_zone', field: `${prefix}callingWindow.timezone` });
    }
    if (window.start === window.end) {
      violations.push({ code: 'calling_window_empty', field: `${prefix}callingWindow.end` });
    }
  }
  return violations;
}

/**
 * The 400 for `violations`: the first one's catalog message on top, one detail per violation, or
 * undefined when there are none.
 *
 * @example
 * const error = scheduleError(scheduleViolations(body, clock.now()));
 * if (error) throw error;
 */
export function scheduleError(violations: readonly ScheduleViolation[]): ApiError | undefined {
  const [first] = violations;
  if (!first) return undefined;
  return apiError(
    first.code,
    {},
    {
      details: violations.map(({ code, field }) => ({ field, message: reasonOf(code) })),
    },
  );
}

/** When a new call enters the Dial queue: `dueAt`, and whether that is later than now (the call starts `scheduled`). */
export type CallSchedule = { dueAt: Date; scheduled: boolean };

/**
 * When a call created at `now` falls due: its `scheduledAt` (a past one means now), moved on to
 * the next opening of `window` (the call's own, or the server's default) when that is closed then.
 * Only for a request `scheduleViolations` accepted.
 *
 * @example
 * callSchedule({ scheduledAt: '2026-12-03T14:00:00Z' }, undefined, new Date('2026-12-02T00:00:00Z'));
 * // { dueAt: 2026-12-03T14:00:00.000Z, scheduled: true }
 */
export function callSchedule(
  request: Pick<ScheduleRequest, 'scheduledAt'>,
  window: CallingWindow | null | undefined,
  now: Date,
): CallSchedule {
  const requested = request.scheduledAt === undefined ? now.getTime() : Date.parse(request.scheduledAt);
  const earliest = new Date(Math.max(requested, now.getTime()));
  const dueAt = window ? nextWindowOpening(window, earliest) : earliest;
  return { dueAt, scheduled: dueAt.getTime() > now.getTime() };
}
