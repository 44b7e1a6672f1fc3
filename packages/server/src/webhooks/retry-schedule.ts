/**
 * @module
 * When a failed delivery is tried again: Svix's schedule, immediately and then after 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h and 10 h (eight attempts over about 27.6 hours). Read against the clock
 * port, so a test moves through it in milliseconds.
 */
import type { DeliveryOutcome } from '../ports/webhook-delivery-store';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait before each retry; the first attempt is immediate. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** An endpoint whose every attempt has failed for this long is disabled (`failing`). */
export const DISABLE_FAILING_AFTER_MS = 5 * 24 * HOUR;

/**
 * @param attemptsMade attempts made so far, the failed one included
 * @returns how long until the next attempt, or undefined when the schedule is exhausted
 */
export function retryDelayAfter(attemptsMade: number): number | undefined {
  return RETRY_DELAYS_MS[attemptsMade - 1];
}

/**
 * What a delivery becomes after an attempt at `now`: succeeded, due again on the schedule, or
 * failed once the schedule is exhausted (or when trying again cannot help).
 * @param attemptsMade attempts made so far, this one included
 */
export function outcomeAfter(
  attempt: { succeeded: boolean; retryable: boolean; attemptsMade: number },
  now: Date,
): DeliveryOutcome {
  if (attempt.succeeded) return { status: 'succeeded', nextAttemptAt: null };
  const delay = attempt.retryable ? retryDelayAfter(attempt.attemptsMade) : undefined;
  return delay === undefined
    ? { status: 'failed', nextAttemptAt: null }
    : { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay).toISOString() };
}
