/**
 * @module
 * The call scheduler: moves `scheduled` calls into the Dial queue when they fall due, never
 * earlier, and fails calls whose latest time passed before they were dialed (`expired`). The
 * database is the schedule, so a restart loses nothing: the first pass at start handles every
 * call that fell due while the server was down, in dial order, and the Dial queue paces them.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { isWindowOpen, nextWindowOpening } from '@outdial/contract';
import type { Logger } from 'pino';
import type { CallQueue } from '../calls/call-queue';
import type { CallRow, CallStore } from '../ports/call-store';
import type { Clock } from '../ports/clock';
import type { ScheduledCall, ScheduledCalls } from '../ports/scheduled-calls';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';
import { dialTimeLimitsOf } from '../store/dial-time-limits';
import { expireCall, queueDueCall } from './schedule-transitions';

export interface CallSchedulerDeps {
  calls: CallStore;
  scheduled: ScheduledCalls;
  /** Where due calls go: the Dial queue. */
  queue: Pick<CallQueue, 'notifyQueuedMany'>;
  /** Wall time: what "due" is measured against (the stored instants are wall time). */
  clock: Clock;
  logger: Logger;
  /**
   * The longest sleep between looks, in real milliseconds: the timer is set to the next due
   * instant, but the wall clock can jump (NTP, a suspended VM, a test's clock) and another process
   * sharing the database can schedule calls this one never hears of. Default 30 s.
   */
  maxSleepMs?: number;
  /** Calls read per query. Default 500. */
  batchSize?: number;
}

const DEFAULT_MAX_SLEEP_MS = 30_000;
const DEFAULT_BATCH_SIZE = 500;

/**
 * @example
 * ```ts
 * const scheduler = new CallScheduler({ calls, scheduled: stores.scheduledCalls, queue: dialQueue, clock, logger });
 * await scheduler.start(); // the calls that fell due while the server was down, then a timer
 * await scheduler.stop();
 * ```
 */
export class CallScheduler {
  readonly #deps: CallSchedulerDeps;
  readonly #log: Logger;
  readonly #maxSleepMs: number;
  readonly #batchSize: number;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  /** The wall-clock instant the timer is set for. */
  #wakeAt = Number.POSITIVE_INFINITY;
  #pass: Promise<void> | undefined;
  /** A wake arrived during a pass: run another once it ends. */
  #again = false;
  readonly #onTransition = (message: unknown): void => {
    const { calls, to, call } = message as CallTransitionMessage;
    if (calls !== this.#deps.calls || (to !== 'scheduled' && to !== 'queued')) return;
    // A newly scheduled call (or one with a latest time) may be due before the timer.
    const instants = [to === 'scheduled' ? call.scheduled_at : null, call.latest_at]
      .filter((at): at is string => typeof at === 'string')
      .map((at) => Date.parse(at));
    if (instants.length > 0) this.#wakeBy(Math.min(...instants));
  };

  constructor(deps: CallSchedulerDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'call-scheduler' });
    this.#maxSleepMs = deps.maxSleepMs ?? DEFAULT_MAX_SLEEP_MS;
    this.#batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  /** Handles every call already due (awaited), then follows the schedule until stop(). */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    subscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    await this.wake();
  }

  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#pass) await this.#pass;
  }

  /**
   * Looks for due and expired calls now (and then sets the timer for the next).
   * @returns when that look (and any it ran into) is over
   */
  wake(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    if (this.#pass) {
      this.#again = true;
      return this.#pass;
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#wakeAt = Number.POSITIVE_INFINITY;
    const pass = this.#runPasses().finally(() => {
      this.#pass = undefined;
      // A change committed after the pass's last read: look again.
      if (this.#again) void this.wake();
    });
    this.#pass = pass;
    return pass;
  }

  async #runPasses(): Promise<void> {
    let next: Date | undefined;
    do {
      this.#again = false;
      try {
        await this.#handleDue(this.#deps.clock.now());
        next = await this.#deps.scheduled.nextDueAt();
      } catch (error) {
        // Left as they are in the database: the next pass (the timer's, at most maxSleepMs away)
        // finds them again.
        this.#log.error({ err: error }, 'could not move due calls');
        next = undefined;
      }
    } while (this.#again && this.#running);
    if (this.#running) this.#setTimer(next ? next.getTime() : Number.POSITIVE_INFINITY);
  }

  async #handleDue(now: Date): Promise<void> {
    const { calls, scheduled, queue } = this.#deps;
    // Expiry first: a call due and expired at once is failed, not dialed.
    for (;;) {
      const expired = await scheduled.expiredAt(now, this.#batchSize);
      for (const call of expired) await expireCall(calls, call.id, [call.status], now);
      if (expired.length < this.#batchSize || !this.#running) break;
    }
    let moved = 0;
    for (;;) {
      const due = await scheduled.dueAt(now, this.#batchSize);
      const queued: CallRow[] = [];
      for (const call of due) {
        if (await this.#postponeIfClosed(call, now)) continue;
        const row = await queueDueCall(calls, call.id, now);
        if (row) queued.push(row); // Else cancelled meanwhile.
      }
      moved += queued.length;
      queue.notifyQueuedMany(queued);
      if (due.length < this.#batchSize || !this.#running) break;
    }
    if (moved > 0) this.#log.debug({ calls: moved }, 'scheduled calls fell due');
  }

  /**
   * A call whose window was open at its due time is always still in it here, but one that fell
   * due while the server was down may find its window closed: it waits for the next opening,
   * still `scheduled`, rather than joining the queue only to be taken out again.
   */
  async #postponeIfClosed(call: ScheduledCall, now: Date): Promise<boolean> {
    const window = dialTimeLimitsOf(call)?.callingWindow;
    if (!window || isWindowOpen(window, now)) return false;
    await this.#deps.scheduled.postpone(call.id, nextWindowOpening(window, now), now);
    return true;
  }

  /** Wakes by `instant` (wall time), for a change another part of the server just committed. */
  #wakeBy(instant: number): void {
    if (!this.#running) return;
    // The pass in progress may have read the schedule before this change committed.
    if (this.#pass) {
      this.#again = true;
      return;
    }
    if (instant < this.#wakeAt || !this.#timer) this.#setTimer(instant);
  }

  #setTimer(instant: number): void {
    clearTimeout(this.#timer);
    // setTimeout may fire a millisecond early: the pass then finds nothing due and re-arms.
    const delay = Math.min(this.#maxSleepMs, Math.max(1, instant - this.#deps.clock.now().getTime()));
    this.#wakeAt = instant;
    this.#timer = setTimeout(() => void this.wake(), delay);
    this.#timer.unref();
  }
}
