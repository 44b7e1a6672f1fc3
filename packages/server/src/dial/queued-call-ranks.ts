/**
 * @module
 * Every queued call's place in the Dial queue, kept in memory: read at start from the stored
 * backlog, then kept exact by the committed status changes, so a position costs O(log n) at any
 * backlog instead of a count over the calls ahead.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { CallRow, CallStore } from '../ports/call-store';
import type { DialBacklog, DialOrder } from '../ports/dial-backlog';
import type { QueuePositions } from '../ports/queue-positions';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';
import { dialOrderKey } from './dial-order';
import { OrderedKeySet } from './ordered-key-set';

/**
 * Rows per read while loading the backlog: small, so each page dies young and 1M queued calls
 * never sit in memory as rows (nor grow V8's young generation, which counts against RSS).
 */
const LOAD_PAGE_SIZE = 1000;
/**
 * How many calls another replica said left the queue before this one heard they entered it
 * (their notices come from different replicas, and nothing orders those): remembered, so the late
 * `queued` does not add them back.
 */
const EARLY_LEAVES_KEPT = 10_000;

/** A queued call's place in line, as a call row or another replica's notice gives it. */
export type QueuedCallOrder = Pick<CallRow, 'priority' | 'seq'> & Partial<Pick<CallRow, 'dial_turn'>>;
/**
 * One key per queued call, in the order the Dial queue dials them. It follows the status changes
 * `CallStore.transition` publishes after each commit (store/call-transitions.ts): into `queued`
 * (from `initiated`, or from `scheduled` when it falls due) adds the call, out of it (claimed,
 * cancelled, failed, back to `scheduled` when its window closed) removes it, whoever made the
 * change: the Dial queue's claims, cancels, or a test. Replicas on one PostgreSQL database tell
 * it theirs (`queued`, `left`, `reload`: replicas/replication.ts), so each answers for calls
 * accepted and dialed anywhere.
 *
 * @example
 * ```ts
 * const ranks = new QueuedCallRanks({ calls: stores.calls, backlog: stores.dialBacklog });
 * await ranks.start(); // before the first request
 * ranks.positionOf(call); // 1 for the next call to dial
 * ```
 */
export class QueuedCallRanks implements QueuePositions {
  readonly #calls: CallStore;
  readonly #backlog: Pick<DialBacklog, 'queuedOrderAfter'>;
  readonly #keys = new OrderedKeySet();
  /**
   * While the backlog is read: calls that left the queue meanwhile (by seq, unique per call). A
   * page read before such a change still lists the call, and must not put it back.
   */
  #leftWhileLoading: Set<number> | undefined;
  #subscribed = false;
  /** Calls another replica said left before they were known here, oldest first (by seq). */
  readonly #leftEarly = new Set<number>();
  readonly #onTransition = (message: unknown): void => {
    const { calls, from, to, call } = message as CallTransitionMessage;
    if (calls !== this.#calls) return; // Another server's store, in the same process.
    if (to === 'queued') this.#keys.add(dialOrderKey(keyOf(call)), call.seq);
    else if (from === 'queued') this.#remove(call);
  };

  constructor(deps: { calls: CallStore; backlog: Pick<DialBacklog, 'queuedOrderAfter'> }) {
    this.#calls = deps.calls;
    this.#backlog = deps.backlog;
  }

  /** The number of queued calls. */
  get size(): number {
    return this.#keys.size;
  }

  /**
   * Starts following status changes, then reads every queued call from the store. Changes that
   * commit during the read are applied as they come; a call that left meanwhile is not re-added.
   */
  async start(): Promise<void> {
    if (this.#subscribed) return;
    subscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    this.#subscribed = true;
    this.#keys.clear();
    this.#leftWhileLoading = new Set();
    try {
      let after: DialOrder | undefined;
      for (;;) {
        const page = await this.#backlog.queuedOrderAfter(after, LOAD_PAGE_SIZE);
        for (const call of page) {
          if (!this.#leftWhileLoading.has(call.seq)) this.#keys.add(dialOrderKey(call), call.seq);
        }
        after = page.at(-1);
        if (page.length < LOAD_PAGE_SIZE) break;
        // A turn of the event loop between pages: timers and GC observers run (see
        // cli/young-generation-limit.ts) while a large backlog is read.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.stop();
      throw error;
    } finally {
      this.#leftWhileLoading = undefined;
    }
  }

  /** Another replica queued a call (committed). */
  queued(call: QueuedCallOrder): void {
    if (this.#leftEarly.delete(call.seq)) return;
    this.#keys.add(dialOrderKey(keyOf(call)), call.seq);
  }

  /** Another replica took a call out of the queue (claimed, cancelled…; committed). */
  left(call: QueuedCallOrder): void {
    if (this.#remove(call) || this.#leftWhileLoading) return;
    this.#leftEarly.add(call.seq);
    if (this.#leftEarly.size > EARLY_LEAVES_KEPT)
      this.#leftEarly.delete(this.#leftEarly.values().next().value as number);
  }

  /**
   * Reads the backlog again: after a replica missed notices (its connection to the others was
   * down), what they said meanwhile is only in the database.
   */
  async reload(): Promise<void> {
    if (!this.#subscribed || this.#leftWhileLoading) return;
    this.stop();
    this.#leftEarly.clear();
    await this.start();
  }

  #remove(call: QueuedCallOrder): boolean {
    this.#leftWhileLoading?.add(call.seq);
    return this.#keys.delete(dialOrderKey(keyOf(call)), call.seq);
  }

  stop(): void {
    if (!this.#subscribed) return;
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    this.#subscribed = false;
  }

  positionOf(call: Pick<CallRow, 'priority' | 'seq' | 'dial_turn'>): number {
    return this.#keys.countBelow(dialOrderKey(keyOf(call)), call.seq) + 1;
  }
}

/** A call row's place in line: (priority, turn) as one number, with its seq as the tie-breaker. */
function keyOf(call: QueuedCallOrder): DialOrder {
  return {
    priority: call.priority,
    seq: call.seq,
    ...(call.dial_turn == null ? {} : { turn: call.dial_turn }),
  };
}
