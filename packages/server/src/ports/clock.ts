/**
 * @module
 * The clocks. Wall time stamps what is stored; pacing is measured on a monotonic clock, because
 * wall time (Date.now()) steps in whole milliseconds and can jump, which is exactly how a plain
 * interval limiter lets bursts through. Pass a clock in to control time in a test.
 */

/** Wall time, for timestamps. */
export interface Clock {
  now(): Date;
}

export const wallClock: Clock = { now: () => new Date() };

export interface MonotonicClock {
  /** Milliseconds since an arbitrary origin, sub-millisecond precision, never going backwards. */
  now(): number;
  /** Resolves after about `ms` milliseconds (maybe a little early or late: callers re-check now()). */
  sleep(ms: number): Promise<void>;
}

export const monotonicClock: MonotonicClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
