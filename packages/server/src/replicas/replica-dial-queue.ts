/**
 * @module
 * The Dial queue of a replica sharing PostgreSQL with others: it dials only while this replica
 * leads the trunk lock (trunk-leadership.ts), and answers everything else (cancels, pauses) like a
 * queue that is not running.
 *
 * Why one lock for the whole dialer, not one per trunk: the pacing budget (DIAL_CPS) is one per
 * server today, and one Dial queue paces every trunk. One lock, keyed by the default trunk, keeps
 * "exactly one replica dials" true with the existing queue unchanged; per-trunk leaders come with
 * per-trunk budgets.
 *
 * Each leadership term gets a fresh DialQueue, started as after a restart: the batches stored
 * paused and their concurrency limits are read, interrupted dials (those a dead leader claimed) are
 * reconciled, never dialed again, and the backlog is loaded. When the term ends the queue abdicates
 * at once: no INVITE leaves after this replica knows it no longer leads, and the calls it claimed
 * whose INVITE had not left go back to `queued` for the next leader.
 *
 * What the other replicas commit reaches the term's queue through `ReplicaSignals`; what this one
 * decides about batches (pause, resume, cancel, limits) is sent to them through `broadcast`.
 */
import type { Logger } from 'pino';
import type { BatchQueue } from '../batches/batch-queue';
import type { CallCancellation, CallQueue, QueuedCallNotice } from '../calls/call-queue';
import type { DialQueue } from '../dial/dial-queue';
import type { BatchStore } from '../ports/batch-store';
import type { CallRow } from '../ports/call-store';
import type { ReplicaSignal } from './replica-signals';

export interface ReplicaDialQueueDeps {
  /** A new, unstarted Dial queue: one per leadership term, and an idle one while following. */
  createQueue(): DialQueue;
  batches: Pick<BatchStore, 'pausedIds' | 'concurrencyLimits'>;
  /**
   * Milliseconds a new leader waits before its first dial: one pacing window (1 s plus the guard
   * band). The previous leader stopped dialing before this one could take the lock, so no 1 s
   * window holds dial starts of both, and the trunk's CPS holds across the takeover.
   */
  takeoverQuietMs: number;
  logger: Pick<Logger, 'info' | 'error'>;
}

/** A batch decision made on this replica, for the leader (whichever replica it is) to apply. */
type BatchSignal = Extract<ReplicaSignal, { kind: 'pause' | 'resume' | 'cancel' | 'limit' }>;

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
  /** Sends a batch decision to the other replicas (set by the wiring once signals are up). */
  broadcast: (signal: BatchSignal) => void = () => {};

  constructor(deps: ReplicaDialQueueDeps) {
    this.#deps = deps;
    this.#current = deps.createQueue();
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
    const queue = this.#deps.createQueue();
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
    this.#current = this.#deps.createQueue();
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
    this.broadcast({ kind: 'limit', batchId, max });
  }

  async pauseBatch(batchId: string): Promise<void> {
    // Sent first: the leader holds the batch back while this replica waits for its own dials.
    this.broadcast({ kind: 'pause', batchId });
    await this.#current.pauseBatch(batchId);
  }

  resumeBatch(batchId: string, queued: readonly QueuedCallNotice[]): void {
    this.#current.resumeBatch(batchId, queued);
    this.broadcast({ kind: 'resume', batchId });
  }

  async cancelBatch(batchId: string, cancelWaiting: () => Promise<unknown>): Promise<void> {
    await this.#current.cancelBatch(batchId, cancelWaiting);
    // After the commit: the leader's claims of the batch's queued calls now find them cancelled,
    // and it cancels those it claimed before whose INVITE has not left.
    this.broadcast({ kind: 'cancel', batchId });
  }

  /** Applies what another replica sent; only the leader's queue has anything to do. */
  apply(signal: ReplicaSignal): void {
    const queue = this.#current;
    switch (signal.kind) {
      case 'change':
        if (signal.queued) queue.notifyQueued(signal.queued);
        if (signal.to === 'cancelled' && signal.callId !== undefined) {
          void queue.cancelledElsewhere(signal.callId);
        }
        return;
      case 'pause':
        void queue.pauseBatch(signal.batchId);
        return;
      case 'resume':
        // Its waiting calls are read back from the backlog.
        queue.resumeBatch(signal.batchId, []);
        queue.rereadBacklog();
        return;
      case 'cancel':
        // The waiting calls' cancel has committed: only the claimed ones are left to cancel.
        queue
          .cancelBatch(signal.batchId, async () => {})
          .catch((error: unknown) =>
            this.#deps.logger.error({ err: error, batchId: signal.batchId }, 'batch cancel failed here'),
          );
        return;
      case 'limit':
        queue.limitBatch(signal.batchId, signal.max);
        return;
      case 'reread':
        queue.rereadBacklog();
        return;
    }
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
    await queue.start({ reconcileInBackground: true, firstDialAfter: quiet });
    this.#deps.logger.info('leading: dialing');
  }
}
