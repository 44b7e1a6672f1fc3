/**
 * @module
 * How many calls the Dial queue claims and prepares (claim, room, agent dispatch) ahead of their
 * pacing slot. Too few and the pacer finds nobody ready when a slot opens, wasting CPS budget; too
 * many and an urgent call queues behind calls already claimed (each costs one slot, 1/CPS). The
 * right number is the lead time (from the claim's start to ready for the slot) in slots, plus one:
 * it follows the measured lead time (under 5 ms on SQLite against a local emulator; 10–150 ms on
 * PostgreSQL, where the claim waits for the organization's event-id lock; 100+ ms against LiveKit
 * Cloud).
 */

/** What preparation is assumed to take until it has been measured: LiveKit Cloud's order. */
const INITIAL_PREPARATION_MS = 100;
/** Weight of each new measurement in the moving averages. */
const SMOOTHING = 0.2;
/**
 * Deviations of margin (as TCP's retransmission timer keeps, RFC 6298, with 2 rather than 4: a
 * slot missed costs 1/CPS, a call claimed early costs an urgent call at most one slot). A slot is
 * lost to the slowest of the calls ahead, not the average one: on PostgreSQL the claims of one
 * second range from 10 to 40 ms.
 */
const DEVIATIONS = 2;

/**
 * @example
 * const lookAhead = new DialLookAhead({ cps: 50, max: 100 });
 * queue.concurrency = lookAhead.record(12); // 12 ms from claim to ready → 2 once steady
 */
export class DialLookAhead {
  /** The trunk's budget (it may change while dialing). */
  cps: number;
  readonly #max: number;
  #preparationMs = INITIAL_PREPARATION_MS;
  /** Moving average of |measurement − average|. */
  #deviationMs = 0;

  constructor({ cps, max }: { cps: number; max: number }) {
    this.cps = cps;
    this.#max = max;
  }

  /** The number of calls to hold claimed ahead of their slot (at least 2, at most `max`). */
  get size(): number {
    const leadMs = this.#preparationMs + DEVIATIONS * this.#deviationMs;
    const slots = Math.ceil((leadMs * this.cps) / 1000) + 1;
    return Math.min(this.#max, Math.max(2, slots));
  }

  /** Records how long one call took from the start of its claim to ready for its slot; returns the new size. */
  record(preparationMs: number): number {
    const error = preparationMs - this.#preparationMs;
    this.#deviationMs += SMOOTHING * (Math.abs(error) - this.#deviationMs);
    this.#preparationMs += SMOOTHING * error;
    return this.size;
  }
}
