/**
 * @module
 * How many calls the Dial queue claims and prepares (room, agent dispatch) ahead of their pacing
 * slot. Too few and the pacer finds nobody ready when a slot opens, wasting CPS budget; too many
 * and an urgent call queues behind calls already claimed (each costs one slot, 1/CPS). The right
 * number is the preparation time in slots, plus one: it follows the measured preparation time
 * (fast against a local emulator, 100+ ms against LiveKit Cloud).
 */

/** What preparation is assumed to take until it has been measured: LiveKit Cloud's order. */
const INITIAL_PREPARATION_MS = 100;
/** Weight of each new measurement in the moving average. */
const SMOOTHING = 0.2;

/**
 * @example
 * const lookAhead = new DialLookAhead({ cps: 50, max: 100 });
 * queue.concurrency = lookAhead.record(12); // 12 ms from claim to ready → 2
 */
export class DialLookAhead {
  /** The trunk's budget (it may change while dialing). */
  cps: number;
  readonly #max: number;
  #preparationMs = INITIAL_PREPARATION_MS;

  constructor({ cps, max }: { cps: number; max: number }) {
    this.cps = cps;
    this.#max = max;
  }

  /** The number of calls to hold claimed ahead of their slot (at least 2, at most `max`). */
  get size(): number {
    const slots = Math.ceil((this.#preparationMs * this.cps) / 1000) + 1;
    return Math.min(this.#max, Math.max(2, slots));
  }

  /** Records how long one call took from claim to ready for its slot; returns the new size. */
  record(preparationMs: number): number {
    this.#preparationMs += SMOOTHING * (preparationMs - this.#preparationMs);
    return this.size;
  }
}
