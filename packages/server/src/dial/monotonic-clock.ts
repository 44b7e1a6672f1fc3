/**
 * @module
 * The clock port. Pacing is measured on a monotonic clock: wall time (Date.now()) steps in whole
 * milliseconds and can jump, which is exactly how a plain interval limiter lets bursts through.
 */

export interface MonotonicClock {
  /** Milliseconds since an arbitrary origin, sub-millisecond precision, never going backwards. */
  now(): number;
  /** Resolves after about `ms` milliseconds (maybe a little early or late: callers re-check now()). */
  sleep(ms: number): Promise<void>;
}

export const systemClock: MonotonicClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
