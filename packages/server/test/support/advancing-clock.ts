/**
 * @module
 * Wall time a test can move forward: the system clock plus an offset that only grows. Real time
 * keeps passing (the Dial queue, timeouts and the emulator behave as in production), and a test
 * that needs two moments apart says so with `advance` instead of sleeping.
 */
import type { Clock } from '../../src/ports/clock';

export interface AdvancingClock extends Clock {
  /** Moves the clock `ms` milliseconds ahead of the system clock, on top of earlier advances. */
  advance(ms: number): void;
}

export function advancingClock(): AdvancingClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms) {
      offsetMs += Math.max(0, ms);
    },
  };
}
