/**
 * @module
 * A bounded record: keeps the newest `limit` entries, dropping the oldest, so an emulator that
 * runs for days holds a fixed amount of history.
 */

/** Checks a `recordLimit` option: a whole number ≥ 0, or `Infinity` to keep everything. */
export function validRecordLimit(limit: number): number {
  if (limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit >= 0)) return limit;
  throw new RangeError(`recordLimit must be a whole number ≥ 0 or Infinity, got ${limit}`);
}

/** Entries in arrival order, at most `limit` of them; a full ring overwrites its oldest entry. */
export class RecordRing<T> {
  readonly #limit: number;
  readonly #entries: T[] = [];
  // Index of the oldest entry once the ring is full.
  #start = 0;
  #added = 0;

  constructor(limit: number) {
    this.#limit = validRecordLimit(limit);
  }

  /** How many entries were ever added, dropped ones included. */
  get added(): number {
    return this.#added;
  }

  push(entry: T): void {
    this.#added++;
    if (this.#entries.length < this.#limit) {
      this.#entries.push(entry);
    } else if (this.#limit > 0) {
      this.#entries[this.#start] = entry;
      this.#start = (this.#start + 1) % this.#limit;
    }
  }

  /** The kept entries, oldest first, as a new array. */
  toArray(): T[] {
    return [...this.#entries.slice(this.#start), ...this.#entries.slice(0, this.#start)];
  }

  clear(): void {
    this.#entries.length = 0;
    this.#start = 0;
    this.#added = 0;
  }
}
