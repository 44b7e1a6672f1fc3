/**
 * @module
 * Paces dial starts: at most `cps` INVITEs sent in any sliding window of `windowMs`, spread one
 * spacing (windowMs / cps) apart, each slot going to the most urgent waiter.
 */
import { type MonotonicClock, monotonicClock } from '../ports/clock';
import { MinHeap } from './min-heap';

export interface DialPacerOptions {
  /** Calls per second the SIP trunk accepts. */
  cps: number;
  /**
   * Extra milliseconds every `cps` consecutive sends must span, beyond `windowMs`: a margin for
   * the jitter between our clock and the carrier's (network, the carrier's own event loop). Under
   * a backlog it costs guardBandMs / (windowMs + guardBandMs) of the budget: the default 15 ms
   * keeps 98.5%.
   */
  guardBandMs?: number;
  windowMs?: number;
  /**
   * How many milliseconds of missed slots may still be made up (a late wake-up, a stall, a slot
   * that found no call ready), at most twice the rate (two starts at once after a late wake-up,
   * then half a spacing apart). Slots older than this, and all slots while
   * no start is in the window (idle), are forfeited. Default windowMs / 5.
   */
  catchUpMs?: number;
  clock?: MonotonicClock;
}

/** The default guard band (ms) every window of `cps` starts must span beyond 1 s (DIAL_GUARD_BAND_MS). */
export const DEFAULT_GUARD_BAND_MS = 15;

/**
 * Waiters are served by rank (lowest first, the Dial queue's (priority, turn) order), not in order
 * of arrival: a slot is given away only when it opens, so an urgent call that becomes ready while
 * others wait takes the next slot instead of queueing behind calls prepared before it.
 *
 * Three rules, all on the monotonic clock; a slot opens when all three allow it:
 *
 * 1. The schedule: slot k+1 is one spacing (windowMs / cps) after slot k. When slots pass unused
 *    (a late wake-up, a GC pause, no call prepared in time) the schedule stays behind, by at most
 *    `catchUpMs`, and the next starts make it up; after an idle spell (no start in the last
 *    window) it restarts from now, so new work after a quiet period is spread, not bunched.
 * 2. Bounded catch-up: grants follow a second schedule at half a spacing, which may lag now by
 *    half a spacing at most. Making up a stall runs at twice the rate; a late wake-up may grant
 *    two starts at once (so a slow timer does not halve the catch-up), never more.
 * 3. The hard limit, a sliding window over the times INVITEs really left (`DialStart.sent()`):
 *    a start is granted only if fewer than `cps` starts were sent in the last windowMs + guard, a
 *    granted start not yet sent counting as sending now. A grant is not a send: the ms between
 *    them (the gate, the HTTP client, a busy event loop) would otherwise let a late INVITE and
 *    the next window's land in one carrier second. The grant is the earliest its send can be,
 *    so counting from grants onward no sliding window of sends ever holds more than `cps`.
 *    A granted start whose INVITE is not sent at all (`DialStart.unused()`) gives its place back.
 *
 * Under a backlog rule 3 is what binds: start k + cps is granted as soon as start k has been
 * sent one window + guard ago, so the drain rate is cps per (windowMs + guard + the mean
 * grant-to-send time), and a hole or a catch-up repeats one window later rather than being lost.
 *
 * @example
 * ```ts
 * const pacer = new DialPacer({ cps: 50 });
 * const start = await pacer.acquire(rank); // now is a good moment to send the INVITE
 * if (cancelled) start.unused(); // nothing was sent: the slot goes to the next waiter
 * else start.sent(); // once its headers have left
 * ```
 */
export class DialPacer {
  #cps: number;
  readonly #windowMs: number;
  /** windowMs + guard: the least time `cps` consecutive sends may span. */
  readonly #span: number;
  #spacing: number;
  readonly #catchUpMs: number;
  readonly #clock: MonotonicClock;
  #nextSlot = Number.NEGATIVE_INFINITY;
  /** Rule 2's schedule. */
  #catchUpSlot = Number.NEGATIVE_INFINITY;
  /** Ties in rank go first come, first served. */
  #arrivals = 0;
  readonly #waiters = new MinHeap<Waiter>((a, b) => a.rank - b.rank || a.arrival - b.arrival);
  #granting = false;
  /** Starts still in the window, in grant order: not yet sent (or returned), or sent < span ago. */
  #inWindow: StartRecord[] = [];
  /**
   * Wakes the grant loop early: a start was returned, or (while unsent starts alone fill the
   * window, so its opening is unknown) sent.
   */
  #wake: (() => void) | undefined;
  #waitingForSend = false;

  constructor({
    cps,
    guardBandMs = DEFAULT_GUARD_BAND_MS,
    windowMs = 1000,
    catchUpMs = windowMs / 5,
    clock = monotonicClock,
  }: DialPacerOptions) {
    if (!(cps > 0) || !Number.isInteger(cps))
      throw new RangeError(`cps must be a positive integer, got ${cps}`);
    if (!(guardBandMs >= 0)) throw new RangeError(`guardBandMs must be ≥ 0, got ${guardBandMs}`);
    if (!(catchUpMs >= 0)) throw new RangeError(`catchUpMs must be ≥ 0, got ${catchUpMs}`);
    this.#cps = cps;
    this.#span = windowMs + guardBandMs;
    this.#spacing = windowMs / cps;
    this.#windowMs = windowMs;
    this.#catchUpMs = catchUpMs;
    this.#clock = clock;
  }

  get cps(): number {
    return this.#cps;
  }

  /**
   * A new budget, from the next grant on. Rule 3 counts the starts already in the window against
   * it, so a lower budget waits for them to leave: no window that ends after the change holds more
   * than the new `cps`.
   */
  set cps(cps: number) {
    if (!(cps > 0) || !Number.isInteger(cps))
      throw new RangeError(`cps must be a positive integer, got ${cps}`);
    this.#cps = cps;
    this.#spacing = this.#windowMs / cps;
    // A raised budget may open a slot sooner than the loop is sleeping for.
    this.#wake?.();
  }

  /**
   * Resolves when one more dial may start, and counts that start. Of the waiters, the lowest
   * `rank` is served first; equal ranks in order of arrival. Aborted before that, it rejects with
   * the signal's reason and takes no slot.
   */
  acquire(rank = 0, signal?: AbortSignal): Promise<DialStart> {
    return new Promise<DialStart>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        waiter.gone = true;
        reject(signal?.reason);
        // It may be the one the loop sleeps for: the next waiter's slot may be sooner.
        this.#wake?.();
      };
      const waiter: Waiter = {
        rank,
        arrival: this.#arrivals++,
        // Granted: the signal (one per queue, shared by every dial) must not keep a listener
        // per start it ever served.
        resolve: (start) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(start);
        },
        gone: false,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
      void this.#grantSlots();
    });
  }

  /** Gives each slot, as it opens, to the most urgent waiter; one loop, while anyone waits. */
  async #grantSlots(): Promise<void> {
    if (this.#granting) return;
    this.#granting = true;
    try {
      while (this.#waiters.size > 0) {
        if (this.#waiters.peek()?.gone) {
          this.#waiters.pop();
          continue;
        }
        const now = this.#clock.now();
        this.#forgetSentBefore(now - this.#span);
        const notBefore = Math.max(this.#scheduledSlot(now), this.#catchUpSlot, this.#windowOpensAt());
        if (now >= notBefore) {
          // The schedule moves on from the slot, not from now: what is behind is made up (rule 1).
          this.#nextSlot = Math.max(this.#nextSlot, now - this.#catchUpMs) + this.#spacing;
          const half = this.#spacing / 2;
          this.#catchUpSlot = Math.max(this.#catchUpSlot, now - half) + half;
          (this.#waiters.pop() as Waiter).resolve(this.#grant(now));
          continue;
        }
        await this.#sleep(notBefore - now);
      }
    } finally {
      this.#granting = false;
    }
  }

  /** Rule 1. With no start in the window the pacer has been idle: the schedule restarts now. */
  #scheduledSlot(now: number): number {
    if (this.#inWindow.length === 0) this.#nextSlot = Math.max(this.#nextSlot, now);
    return this.#nextSlot;
  }

  /**
   * Rule 3: when fewer than `cps` starts will be in the last span. Unsent starts count as sending
   * at some moment from now on, so they leave last; if they alone fill the window, only their
   * `sent()` or `unused()` can tell (Infinity: the loop waits for that).
   */
  #windowOpensAt(): number {
    const excess = this.#inWindow.length - this.#cps;
    if (excess < 0) return Number.NEGATIVE_INFINITY;
    const sentAt = this.#inWindow
      .flatMap((start) => (start.sentAt === undefined ? [] : [start.sentAt]))
      .sort((a, b) => a - b);
    const leaving = sentAt[excess];
    return leaving === undefined ? Number.POSITIVE_INFINITY : leaving + this.#span;
  }

  #forgetSentBefore(cutoff: number): void {
    if (this.#inWindow.some((start) => start.sentAt !== undefined && start.sentAt <= cutoff)) {
      this.#inWindow = this.#inWindow.filter((start) => start.sentAt === undefined || start.sentAt > cutoff);
    }
  }

  /**
   * Sleeps `ms`, or less if a start is returned meanwhile; Infinity: until a start is sent or
   * returned. (A send while the window's opening is known cannot bring it forward: it is the
   * newest send, so it leaves last.)
   */
  #sleep(ms: number): Promise<void> {
    this.#waitingForSend = !Number.isFinite(ms);
    return new Promise<void>((resolve) => {
      this.#wake = resolve;
      if (Number.isFinite(ms)) void this.#clock.sleep(ms).then(resolve);
    }).finally(() => {
      this.#wake = undefined;
      this.#waitingForSend = false;
    });
  }

  #grant(grantedAt: number): DialStart {
    const record: StartRecord = { sentAt: undefined };
    this.#inWindow.push(record);
    let settled = false;
    return {
      at: grantedAt,
      sent: () => {
        if (settled) return;
        settled = true;
        record.sentAt = Math.max(grantedAt, this.#clock.now());
        if (this.#waitingForSend) this.#wake?.();
      },
      unused: () => {
        if (settled) return;
        settled = true;
        this.#inWindow = this.#inWindow.filter((start) => start !== record);
        // Its slot is owed again, as any missed slot is (made up within catchUpMs).
        this.#nextSlot -= this.#spacing;
        this.#catchUpSlot -= this.#spacing / 2;
        this.#wake?.();
      },
    };
  }
}

interface Waiter {
  rank: number;
  arrival: number;
  resolve(start: DialStart): void;
  /** Its acquire was aborted: it leaves the heap when it reaches the top, without a slot. */
  gone: boolean;
}

interface StartRecord {
  /** Undefined until the INVITE has left. */
  sentAt: number | undefined;
}

/** A granted start: report exactly one of `sent()` and `unused()` (later calls are ignored). */
export interface DialStart {
  /** When the slot was granted (monotonic ms). */
  readonly at: number;
  /** The INVITE has left now: the start counts from this moment. */
  sent(): void;
  /** No INVITE will be sent for this start (cancelled, held back): its place in the window goes back. */
  unused(): void;
}
