/**
 * @module
 * Paces dial starts: at most `cps` starts in any window of `windowMs`, evenly spread, each slot
 * going to the most urgent waiter.
 */
import { type MonotonicClock, monotonicClock } from '../ports/clock';
import { MinHeap } from './min-heap';

export interface DialPacerOptions {
  /** Calls per second the SIP trunk accepts. */
  cps: number;
  /**
   * Extra milliseconds each window of `cps` starts must span, beyond `windowMs`. It absorbs the
   * jitter between our clock and the carrier's (event-loop lag, network), at a throughput cost of
   * guardBandMs / (windowMs + guardBandMs): the default 15 ms keeps 98.5% of the budget.
   */
  guardBandMs?: number;
  windowMs?: number;
  clock?: MonotonicClock;
}

/**
 * Waiters are served by rank (lowest first, the Dial queue's (priority, turn) order), not in order
 * of arrival: a slot is given away only when it opens, so an urgent call that becomes ready while
 * others wait takes the next slot instead of queueing behind calls prepared before it.
 *
 * Two rules, both on the monotonic clock:
 *
 * 1. An even schedule: slot k+1 is one spacing ((windowMs + guard) / cps) after slot k, so under a
 *    backlog starts are spread evenly rather than bunched at window edges. Slots that pass while
 *    nobody waits are forfeited, so an idle queue that suddenly gets work does not burst to make
 *    up for them. But while others wait, a waiter that woke late (event-loop lag, a GC pause)
 *    does not push the schedule back: the next waiter keeps its slot (catch-up), which keeps
 *    throughput at the budget.
 * 2. A hard window check on the times starts really happened: a start is allowed only if the
 *    `cps`-th previous start is at least windowMs + guard ago. Catch-up after a late wake-up can
 *    bring two starts closer than one spacing; this rule makes sure no window ever overflows.
 *    A start counts from when the INVITE really left (`DialStart.sent()`), which can be later
 *    than the slot: a cold HTTP client, a GC pause or a busy event loop between the slot and the
 *    socket write would otherwise let the carrier see a late start and the next window's starts
 *    inside one second.
 *
 * @example
 * ```ts
 * const pacer = new DialPacer({ cps: 50 });
 * const start = await pacer.acquire(rank); // now is a good moment to send the INVITE
 * start.sent(); // once it has left
 * ```
 */
export class DialPacer {
  readonly #cps: number;
  readonly #span: number;
  readonly #spacing: number;
  readonly #clock: MonotonicClock;
  #nextSlot = Number.NEGATIVE_INFINITY;
  /** Ties in rank go first come, first served. */
  #arrivals = 0;
  readonly #waiters = new MinHeap<Waiter>((a, b) => a.rank - b.rank || a.arrival - b.arrival);
  #granting = false;
  /**
   * When the last waiter was served, and how far behind the schedule that was: those slots had
   * opened while someone waited, so a waiter arriving later still gets them (see acquire).
   */
  #emptiedAt = Number.NEGATIVE_INFINITY;
  #lagWhenEmptied = 0;
  /** The last `cps` starts, oldest first. */
  readonly #recentStarts: StartRecord[] = [];

  constructor({ cps, guardBandMs = 15, windowMs = 1000, clock = monotonicClock }: DialPacerOptions) {
    if (!(cps > 0) || !Number.isInteger(cps))
      throw new RangeError(`cps must be a positive integer, got ${cps}`);
    if (!(guardBandMs >= 0)) throw new RangeError(`guardBandMs must be ≥ 0, got ${guardBandMs}`);
    this.#cps = cps;
    this.#span = windowMs + guardBandMs;
    this.#spacing = this.#span / cps;
    this.#clock = clock;
  }

  /**
   * Resolves when one more dial may start, and counts that start. Of the waiters, the lowest
   * `rank` is served first; equal ranks in order of arrival.
   */
  acquire(rank = 0): Promise<DialStart> {
    if (this.#waiters.size === 0) {
      // Slots that open while nobody waits are forfeited, so an idle pacer does not burst. But the
      // slots still owed when the last waiter was served late (a late wake-up being caught up) are
      // kept, less the time nobody waited: under a backlog the next waiter arrives just after (the
      // Dial queue's look-ahead re-fills), and forfeiting them would lose throughput to each stall.
      const now = this.#clock.now();
      const idleMs = Math.max(0, now - this.#emptiedAt);
      this.#nextSlot = Math.max(this.#nextSlot, now - Math.max(0, this.#lagWhenEmptied - idleMs));
    }
    return new Promise<DialStart>((resolve) => {
      this.#waiters.push({ rank, arrival: this.#arrivals++, resolve });
      void this.#grantSlots();
    });
  }

  /** Gives each slot, as it opens, to the most urgent waiter; one loop, while anyone waits. */
  async #grantSlots(): Promise<void> {
    if (this.#granting) return;
    this.#granting = true;
    try {
      while (this.#waiters.size > 0) {
        const now = this.#clock.now();
        const notBefore = Math.max(this.#nextSlot, this.#windowOpensAt());
        if (now >= notBefore) {
          // The schedule moves on from the slot, not from now: a late wake-up is caught up.
          this.#nextSlot += this.#spacing;
          (this.#waiters.pop() as Waiter).resolve(this.#recordStart(now));
          if (this.#waiters.size === 0) {
            this.#emptiedAt = now;
            this.#lagWhenEmptied = Math.max(0, now - this.#nextSlot);
          }
          continue;
        }
        // An oldest start still unsent counts as sending now: re-check at least every spacing.
        await this.#clock.sleep(Math.min(notBefore - now, this.#spacing));
      }
    } finally {
      this.#granting = false;
    }
  }

  #windowOpensAt(): number {
    const oldest = this.#recentStarts.length < this.#cps ? undefined : this.#recentStarts[0];
    if (!oldest) return Number.NEGATIVE_INFINITY;
    return (oldest.sent ? oldest.at : Math.max(oldest.at, this.#clock.now())) + this.#span;
  }

  #recordStart(at: number): DialStart {
    const record: StartRecord = { at, sent: false };
    this.#recentStarts.push(record);
    if (this.#recentStarts.length > this.#cps) this.#recentStarts.shift();
    return {
      at,
      sent: () => {
        if (record.sent) return;
        record.sent = true;
        record.at = Math.max(record.at, this.#clock.now());
      },
    };
  }
}

interface Waiter {
  rank: number;
  arrival: number;
  resolve(start: DialStart): void;
}

interface StartRecord {
  at: number;
  sent: boolean;
}

/** A granted start. */
export interface DialStart {
  /** When the slot was granted (monotonic ms). */
  readonly at: number;
  /** The INVITE has left now: the start counts from this moment. Idempotent. */
  sent(): void;
}
