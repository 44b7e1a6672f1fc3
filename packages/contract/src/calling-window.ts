/**
 * @module
 * Calling-window arithmetic, shared by the server and the mock so both dial at the same instants.
 * Pure and platform-neutral: only `Intl.DateTimeFormat` reads the time-zone database.
 *
 * A window is judged by the local wall clock. Each weekday in `days` (ISO, 1 Monday … 7 Sunday,
 * default all) opens one interval `[start, end)` of real instants: from the first instant whose
 * local time is at or after `start` on that local date, to the first instant whose local time is at
 * or after `end` (on the next local date when `end` is before `start`: the window crosses midnight
 * and belongs to the day it opens). So across DST a window opens at the same local time; a start
 * that falls in a spring-forward gap opens when the clocks jump past it, and a wall time repeated
 * by a fall-back counts at its first occurrence. `isWindowOpen` and `nextWindowOpening` read the
 * same intervals, so a call scheduled for the next opening is always inside its window then.
 *
 * @example
 * const window = { timezone: 'America/New_York', start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] };
 * isWindowOpen(window, new Date('2026-12-05T15:00:00Z')); // false: a Saturday
 * nextWindowOpening(window, new Date('2026-12-05T15:00:00Z')); // 2026-12-07T14:00:00.000Z
 */
import type { components } from './generated/openapi';

/** Local hours in which a call may be dialed (the spec's `CallingWindow`). */
export type CallingWindow = components['schemas']['CallingWindow'];

/** A local calendar date; `month` 1–12. */
type LocalDate = { year: number; month: number; day: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far a weekly window's next opening may lie: a week, plus a week when DST empties one day's interval. */
const SEARCH_DAYS = 15;

// Building an Intl.DateTimeFormat costs far more than formatting with one; the dial path asks per
// call, so each time zone gets one formatter kept for good.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` names a time zone `Intl.DateTimeFormat` knows (IANA names such as
 * `America/New_York`, `Europe/Berlin`, `UTC`). Offsets such as `+05:00` are refused: they have no DST
 * rules and are not IANA names.
 *
 * @example
 * isValidTimeZone('America/New_York'); // true
 * isValidTimeZone('Mars/Olympus_Mons'); // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || !/^[A-Za-z]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall time at `instant`, as milliseconds of a UTC clock showing that wall time (whole seconds). */
function localWallAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The UTC offset in force at `instant`, in milliseconds (local = UTC + offset). */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return localWallAt(wholeSecond, timeZone) - wholeSecond;
}

function localDateAt(instant: number, timeZone: string): LocalDate {
  const wall = new Date(localWallAt(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The ISO weekday of a local date: 1 Monday … 7 Sunday. */
function isoWeekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
}

/** Minutes after midnight of an `HH:MM` the schema has already checked. */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * The first instant whose local time is at or after `minutes` past midnight of `date`. Usually the
 * one instant showing that wall time; the earlier of two in a fall-back overlap; the end of the
 * gap when a spring-forward skips it.
 */
function firstInstantAtOrAfter(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE_MS;
  // Offsets lie within ±14 h, so a day either side of the wall time brackets the instant, and the
  // offsets there are the ones before and after any transition near it.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter(
    (instant) => localWallAt(instant, timeZone) === wall,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // A gap: the wall time never shows. Local time rises through the gap's edge between the two
  // candidates, so bisect (to the second: transitions fall on whole seconds) for where it passes.
  let low = Math.min(wall - before, wall - after);
  let high = Math.max(wall - before, wall - after);
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (localWallAt(middle, timeZone) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

/** The window's interval `[opens, closes)` for the opening on local `date`, or undefined when `date` is not one of its days. */
function intervalOn(window: CallingWindow, date: LocalDate): { opens: number; closes: number } | undefined {
  if (window.days && !window.days.includes(isoWeekday(date))) return undefined;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) throw new RangeError('A calling window needs different start and end times');
  const opens = firstInstantAtOrAfter(date, start, window.timezone);
  const closes = firstInstantAtOrAfter(end > start ? date : addDays(date, 1), end, window.timezone);
  return { opens, closes };
}

/**
 * Whether a call may be dialed at `at` under `window`. Start inclusive, end exclusive.
 *
 * @example
 * isWindowOpen({ timezone: 'Europe/Berlin', start: '22:00', end: '02:00' }, new Date('2026-06-01T23:30:00Z')); // true: 01:30 local
 */
export function isWindowOpen(window: CallingWindow, at: Date): boolean {
  const instant = at.getTime();
  const today = localDateAt(instant, window.timezone);
  // Only an opening today, or yesterday's crossing midnight, can cover a local instant.
  for (const date of [addDays(today, -1), today]) {
    const interval = intervalOn(window, date);
    if (interval && interval.opens <= instant && instant < interval.closes) return true;
  }
  return false;
}

/**
 * When a call may next be dialed under `window`: `at` itself while the window is open, otherwise
 * the window's next opening.
 *
 * @example
 * const window = { timezone: 'America/New_York', start: '09:00', end: '17:00' };
 * nextWindowOpening(window, new Date('2026-03-08T05:00:00Z')); // 2026-03-08T13:00:00.000Z (09:00 EDT)
 */
export function nextWindowOpening(window: CallingWindow, at: Date): Date {
  if (isWindowOpen(window, at)) return at;
  const instant = at.getTime();
  const today = localDateAt(instant, window.timezone);
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const interval = intervalOn(window, addDays(today, offset));
    // A DST gap can swallow a whole interval (02:00–02:30 on a spring-forward day): no opening then.
    if (interval && interval.opens > instant && interval.opens < interval.closes)
      return new Date(interval.opens);
  }
  throw new RangeError(`The calling window never opens: ${JSON.stringify(window)}`);
}
