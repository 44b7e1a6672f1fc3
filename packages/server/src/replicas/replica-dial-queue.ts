/**
 * @module
 * The Dial queue of a replica sharing PostgreSQL with others: it dials only while this replica
 * leads the trunk lock (trunk-leadership.ts), and answers everything else (cancels, pauses) like a
 * queue that is not running.
 *
 * One per SIP trunk (dial/trunk-dial-queues.ts), each with its trunk's lock: trunks are led, and
 * fail over, independently, and a replica may lead some and follow others.
 *
 * Each leadership term gets a fresh DialQueue, started as after a restart: the batches stored
 * paused and their concurrency limits are read, interrupted dials (those a dead leader claimed) are
 * reconciled, never dialed again, and the backlog is loaded. When the term ends the queue abdicates
 * at once: no INVITE leaves after this replica knows it no longer leads, and the calls it claimed
 * whose INVITE had not left go back to `queued` for the next leader.
 *
 * What the other replicas commit reaches the term's queue through `ReplicaSignals`, routed by
 * ReplicaTrunkDialQueues, which also sends this replica's batch decisions to the others.
 */
import type { Logger } from 'pino';
import type { BatchQueue } from '../batches/batch-queue';
import type { CallCancellation, CallQueue, QueuedCallNotice } from '../calls/call-queue';
import type { DialQueue } from '../dial/dial-queue';
import type { BatchStore } from '../ports/batch-store';
import type { CallRow } from '../ports/call-store';
import type { DialKey } from '../ports/dial-backlog';

export interface ReplicaDialQueueDeps {
  /** A new, unstarted Dial queue at `cps`: one per leadership term, and an idle one while following. */
  createQueue(cps: number): DialQueue;
  /** The trunk's budget. */
  cps: number;
  batches: Pick<BatchStore, 'pausedIds' | 'concurrencyLimits'>;
  /**
   * Milliseconds a new leader waits before its first dial: one pacing window (1 s plus the guard
   * band). The previous leader stopped dialing before this one could take the lock, so no 1 s
   * window holds dial starts of both, and the trunk's CPS holds across the takeover.
   */
  takeoverQuietMs: number;
  logger: Pick<Logger, 'info' | 'error'>;
}

export class ReplicaDialQueue implements CallQueue, BatchQueue {
  readonly #deps: ReplicaDialQueueDeps;
  #current: DialQueue;
  #leading = false;
  #closed = false;
  /** Term starts, one after the other. */
  #transitions: Promise<void> = Promise.resolve();
  /**
   * Ended terms whose dials are still settling (ringing calls wait for their outcome). A new term
   * does not wait for them: an abdicated queue sends no INVITE, and the quiet window keeps the
   * pacing whole.
   */
  readonly #settling = new Set<Promise<void>>();
  #cps: number;

  constructor(deps: ReplicaDialQueueDeps) {
    this.#deps = deps;
    this.#cps = deps.cps;
    this.#current = deps.createQueue(deps.cps);
  }

  /** Whether this replica leads now (its queue may still be starting). */
  get leading(): boolean {
    return this.#leading;
  }

  get running(): boolean {
    return this.#current.running;
  }

  get pendingTeardowns(): number {
    return this.#current.pendingTeardowns;
  }

  /** Leadership gained: a new term's queue starts as after a restart. */
  lead(): void {
    if (this.#leading || this.#closed) return;
    this.#leading = true;
    const queue = this.#deps.createQueue(this.#cps);
    // Swapped in first, so that batch signals arriving while it starts are applied to it.
    this.#current = queue;
    this.#transitions = this.#transitions
      .then(() => this.#startTerm(queue))
      .catch((error: unknown) =>
        this.#deps.logger.error({ err: error }, 'could not start dialing as leader'),
      );
  }

  /** Leadership lost: the term's queue stops dialing at once (synchronously), then settles. */
  follow(): void {
    if (!this.#leading) return;
    this.#leading = false;
    const queue = this.#current;
    this.#current = this.#deps.createQueue(this.#cps);
    this.#deps.logger.info('no longer leading: stopped dialing');
    const settled: Promise<void> = queue
      .abdicate()
      .catch((error: unknown) => this.#deps.logger.error({ err: error }, 'dials failed to settle'))
      .finally(() => this.#settling.delete(settled));
    this.#settling.add(settled);
  }

  /** Resolves once the term begun so far has started (or given up). */
  settled(): Promise<void> {
    return this.#transitions;
  }

  /** Stops for good (the server closes): dialing stops and the dials in flight settle. */
  async close(): Promise<void> {
    this.#closed = true;
    this.follow();
    await this.#transitions;
    await Promise.all([...this.#settling]);
  }

  /** Only `close()` stops a replica's queue; kept for the RunningServer surface. */
  start(): Promise<void> {
    return this.settled();
  }

  stop(): Promise<void> {
    return this.close();
  }

  notifyQueued(call: QueuedCallNotice): void {
    this.#current.notifyQueued(call);
  }

  notifyQueuedMany(calls: readonly QueuedCallNotice[]): void {
    this.#current.notifyQueuedMany(calls);
  }

  cancel(
    before: CallRow,
    commit: (cancellation: CallCancellation) => Promise<CallRow | undefined>,
  ): Promise<CallRow | undefined> {
    // The committed `cancelled` reaches the leader as a transition (ReplicaSignals).
    return this.#current.cancel(before, commit);
  }

  limitBatch(batchId: string, max: number): void {
    this.#current.limitBatch(batchId, max);
  }

  pauseBatch(batchId: string): Promise<void> {
    return this.#current.pauseBatch(batchId);
  }

  resumeBatch(batchId: string, queued: readonly QueuedCallNotice[]): void {
    this.#current.resumeBatch(batchId, queued);
  }

  cancelBatch(batchId: string, cancelWaiting: () => Promise<unknown>): Promise<void> {
    return this.#current.cancelBatch(batchId, cancelWaiting);
  }

  admit(call: DialKey): void {
    this.#current.admit(call);
  }

  isDialing(callId: string): boolean {
    return this.#current.isDialing(callId);
  }

  /** The budget of this term's queue and of every later term's. */
  setCps(cps: number): void {
    this.#cps = cps;
    this.#current.setCps(cps);
  }

  rereadBacklog(): void {
    this.#current.rereadBacklog();
  }

  cancelledElsewhere(callId: string): Promise<void> {
    return this.#current.cancelledElsewhere(callId);
  }

  async #startTerm(queue: DialQueue): Promise<void> {
    if (this.#current !== queue) return; // lost before it began
    const { batches } = this.#deps;
    const quiet = new Promise((resolve) => setTimeout(resolve, this.#deps.takeoverQuietMs));
    for (const batchId of await batches.pausedIds()) await queue.pauseBatch(batchId);
    for (const { id, maxConcurrentCalls } of await batches.concurrencyLimits()) {
      queue.limitBatch(id, maxConcurrentCalls);
    }
    if (this.#current !== queue) return;
    // Claims and prepares meanwhile, so the first INVITE leaves as the quiet window ends.
    await queue.start({
      reconcileInBackground: true,
      firstDialAfter: quiet,
      // A previous leader alive hands its undialed claims back as it abdicates: in far less.
      undialedGraceMs: this.#deps.takeoverQuietMs,
    });
    this.#deps.logger.info('leading: dialing');
  }
}
