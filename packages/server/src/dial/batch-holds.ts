/**
 * @module
 * The batches whose calls the Dial queue must not dial now: paused ones, and those being
 * cancelled. A batch's calls are checked before their claim and once more at the INVITE, inside
 * the DialGate, after the pacing slot; the Dial queue claims and prepares a few calls ahead of
 * their slot (its look-ahead), and without the second check those would be dialed after a pause or
 * a cancel. So a pause or a cancel is answered only once nothing it should stop can still leave:
 * an INVITE that passed its check before is on the socket, and every later dial checks again.
 */
import type { CallRow, CallStore } from '../ports/call-store';
import type { DialKey } from '../ports/dial-backlog';
import type { DialGate } from './dial-gate';

export interface BatchHoldsDeps {
  calls: CallStore;
  gate: DialGate;
  /** The calls this process is dialing (from before their claim until their dial is over). */
  dialing(): Iterable<DialKey>;
}

/**
 * @example
 * ```ts
 * const holds = new BatchHolds({ calls, gate, dialing: () => dialing.values() });
 * await holds.pause('batch_1'); // no INVITE of batch_1 starts from now on
 * if (holds.holdsBack(key)) return; // checked before the claim and inside the gate
 * ```
 */
export class BatchHolds {
  readonly #deps: BatchHoldsDeps;
  readonly #paused = new Set<string>();
  /** Batches whose cancel is in progress: a call handed back meanwhile is cancelled, not queued. */
  readonly #cancelling = new Set<string>();

  constructor(deps: BatchHoldsDeps) {
    this.#deps = deps;
  }

  /** Whether the call belongs to a batch that is paused or being cancelled. */
  holdsBack(key: DialKey): boolean {
    return key.batchId !== undefined && (this.#paused.has(key.batchId) || this.#cancelling.has(key.batchId));
  }

  /** Whether the call's batch is being cancelled (so a call handed back must end cancelled). */
  isCancelling(key: DialKey): boolean {
    return key.batchId !== undefined && this.#cancelling.has(key.batchId);
  }

  /**
   * From now on no INVITE of the batch starts: resolves once those that passed their last check
   * before this are on the socket (at most one per call, a few microseconds of writing).
   */
  async pause(batchId: string): Promise<void> {
    this.#paused.add(batchId);
    await this.#passedGate(batchId);
  }

  resume(batchId: string): void {
    this.#paused.delete(batchId);
  }

  /**
   * Cancels the batch's calls not yet dialed. Order matters: the batch is held first, so no dial
   * of it passes the gate from here; then `cancelWaiting` cancels its scheduled and queued calls
   * (a claim committing after it finds nothing to claim); then the calls claimed before it whose
   * INVITE has not left end `cancelled` through the gate (those whose INVITE left go on, live).
   * A call handed back to the queue meanwhile is cancelled by its own dial (see isCancelling).
   */
  async cancel(batchId: string, cancelWaiting: () => Promise<unknown>, at: Date): Promise<void> {
    this.#cancelling.add(batchId);
    try {
      await cancelWaiting();
      const claimed = [...this.#deps.dialing()].filter((key) => key.batchId === batchId);
      await Promise.all(
        claimed.map((key) =>
          this.#deps.gate.whileCancelling(key.id, ({ inviteSent }) =>
            inviteSent ? Promise.resolve(undefined) : this.cancelBeforeDial(key, at),
          ),
        ),
      );
      // Nothing of the batch is left to hold back.
      this.#paused.delete(batchId);
    } finally {
      // Every call of the batch is cancelled now, or live, or being handed back by a dial that
      // was in `dialing` above (so cancelled there or by its own isCancelling check). When the
      // cancel failed, a paused batch stays paused here.
      this.#cancelling.delete(batchId);
    }
  }

  /** Cancels a claimed (or just handed back) call of a cancelled batch that was never dialed. */
  cancelBeforeDial(key: DialKey, at: Date): Promise<CallRow | undefined> {
    const cancellation = 'before_dial';
    return this.#deps.calls.transition(key.id, 'cancelled', {
      from: ['connecting', 'queued'],
      patch: { cancellation, ended_at: at.toISOString(), duration: 0 },
      details: { reason: 'batch_cancelled', cancellation, batchId: key.batchId },
      now: at,
    });
  }

  async #passedGate(batchId: string): Promise<void> {
    const { dialing, gate } = this.#deps;
    const ofBatch = [...dialing()].filter((key) => key.batchId === batchId);
    await Promise.all(ofBatch.map((key) => gate.whenClear(key.id)));
  }
}
