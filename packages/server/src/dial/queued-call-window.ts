/**
 * @module
 * The part of the queued backlog held in memory: the next `size` calls in dial order (dial-order.ts),
 * read from the database a window at a time, so memory stays bounded with 100k+ queued calls.
 */
import type { Logger } from 'pino';
import type { DialBacklog, DialKey } from '../ports/dial-backlog';
import { compareDialKeys } from './dial-order';

export type { DialKey };

export interface QueuedCallWindowDeps {
  backlog: DialBacklog;
  logger: Logger;
  size: number;
  /** True for calls already taken for dialing, which must not be admitted again. */
  isTaken(callId: string): boolean;
  /** Hands a call to the start line; `signal` aborts when the call leaves the window. */
  enqueue(call: DialKey, signal: AbortSignal): void;
}

// How often a caught-up window looks for queued calls that arrived without a notification
// (inserted by another process, or by the CLI).
const IDLE_RESCAN_MS = 5_000;

/**
 * Invariant: every queued call whose key is ≤ `#cursor` (the last key read from the backlog) is in the
 * window, was taken, or was evicted (and then the cursor moved back before it). Refills read
 * strictly after the cursor. So a new call that sorts before the cursor must enter the window at
 * once (an urgent call behind a large backlog), and one that sorts after it is left to a refill.
 */
export class QueuedCallWindow {
  readonly #deps: QueuedCallWindowDeps;
  readonly #entries = new Map<string, { key: DialKey; abort: AbortController }>();
  #cursor: DialKey | undefined;
  /** The last refill found nothing more after the cursor. */
  #caughtUp = false;
  #refilling: Promise<void> | undefined;
  /** Notifications that arrived during a refill, re-examined after it. */
  #arrivedDuringRefill: DialKey[] = [];
  #open = false;
  #rescanTimer: NodeJS.Timeout | undefined;

  constructor(deps: QueuedCallWindowDeps) {
    this.#deps = deps;
  }

  get size(): number {
    return this.#entries.size;
  }

  open(): void {
    this.#open = true;
    this.#rescanTimer = setInterval(() => this.#rescanIfIdle(), IDLE_RESCAN_MS);
    this.#rescanTimer.unref();
  }

  /** Drops every call from memory (their jobs never start); they stay queued in the database. */
  close(): void {
    this.#open = false;
    clearInterval(this.#rescanTimer);
    for (const entry of this.#entries.values()) entry.abort.abort();
    this.#entries.clear();
    this.#cursor = undefined;
    this.#caughtUp = false;
  }

  /** A newly committed queued call. */
  admit(call: DialKey): void {
    if (!this.#open || this.#entries.has(call.id) || this.#deps.isTaken(call.id)) return;
    if (this.#refilling) {
      this.#arrivedDuringRefill.push(call);
      return;
    }
    if (this.#cursor && compareDialKeys(call, this.#cursor) <= 0) {
      this.#add(call);
      if (this.#entries.size > 2 * this.#deps.size) this.#evictTail();
      return;
    }
    // After the cursor: the next refill reads it, in order with anything committed before it.
    this.#caughtUp = false;
    void this.refill();
  }

  /**
   * Many calls were queued at once (a batch): rather than admitting each, read the backlog again
   * from the start. Safe at any moment: with no cursor, the invariant holds trivially, and calls
   * already in the window are skipped as the reads pass them.
   */
  rewind(): void {
    if (!this.#open) return;
    if (this.#refilling) {
      // The refill in progress may have read past some of them: rewind once it is done.
      void this.#refilling.then(() => this.rewind());
      return;
    }
    this.#cursor = undefined;
    this.#caughtUp = false;
    void this.refill();
  }

  /** Cancelled while queued: its job must never start. */
  remove(callId: string): void {
    const entry = this.#entries.get(callId);
    if (!entry) return;
    entry.abort.abort();
    this.#entries.delete(callId);
  }

  /** The start line took this call: it leaves the window (and may make room for a refill). */
  taken(callId: string): void {
    this.#entries.delete(callId);
    if (this.#entries.size <= this.#deps.size / 2 && !this.#caughtUp) void this.refill();
  }

  /** Reads the next calls after the cursor until the window is full. Concurrent calls share one. */
  refill(): Promise<void> {
    this.#refilling ??= this.#refillOnce()
      .catch((error: unknown) => this.#deps.logger.error({ err: error }, 'could not read the queued backlog'))
      .finally(() => {
        this.#refilling = undefined;
        const arrived = this.#arrivedDuringRefill;
        this.#arrivedDuringRefill = [];
        for (const call of arrived) this.admit(call);
      });
    return this.#refilling;
  }

  async #refillOnce(): Promise<void> {
    while (this.#open && !this.#caughtUp && this.#entries.size < this.#deps.size) {
      const limit = this.#deps.size - this.#entries.size;
      const cursor = this.#cursor;
      const rows = await this.#deps.backlog.queuedAfter(cursor, limit);
      if (!this.#open) return;
      for (const row of rows) {
        if (!this.#entries.has(row.id) && !this.#deps.isTaken(row.id)) this.#add(row);
      }
      const last = rows.at(-1);
      if (last) this.#cursor = last;
      if (rows.length < limit) this.#caughtUp = true;
    }
  }

  #add(call: DialKey): void {
    const abort = new AbortController();
    const key: DialKey = { id: call.id, priority: call.priority, seq: call.seq };
    if (call.turn !== undefined) key.turn = call.turn;
    if (call.organizationId) key.organizationId = call.organizationId;
    if (call.limits) key.limits = call.limits;
    if (call.batchId) key.batchId = call.batchId;
    this.#entries.set(call.id, { key, abort });
    this.#deps.enqueue(key, abort.signal);
  }

  /**
   * A flood of urgent calls can grow the window past its size. Drop the least urgent half back to
   * the database (they stay queued) and move the cursor back so a later refill reads them again.
   */
  #evictTail(): void {
    const sorted = [...this.#entries.values()].sort((a, b) => compareDialKeys(a.key, b.key));
    for (const entry of sorted.slice(this.#deps.size)) {
      entry.abort.abort();
      this.#entries.delete(entry.key.id);
    }
    this.#cursor = sorted[this.#deps.size - 1]?.key;
    this.#caughtUp = false;
  }

  /** Once the window is empty, read from the start again (finds calls nobody notified us of). */
  #rescanIfIdle(): void {
    if (!this.#open || this.#entries.size > 0 || this.#refilling) return;
    this.#cursor = undefined;
    this.#caughtUp = false;
    void this.refill();
  }
}
