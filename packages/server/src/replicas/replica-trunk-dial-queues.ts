/**
 * @module
 * The trunks' Dial queues of a replica (dial/trunk-dial-queues.ts), each a ReplicaDialQueue that
 * dials while this replica holds its trunk's lock. What other replicas commit arrives here as
 * signals and is routed like this replica's own notices; this replica's batch decisions are sent
 * to the others once, whichever trunks lead where.
 */
import type { QueuedCallNotice } from '../calls/call-queue';
import { TrunkDialQueues } from '../dial/trunk-dial-queues';
import type { ReplicaDialQueue } from './replica-dial-queue';
import type { ReplicaSignal } from './replica-signals';

/** A batch decision made on this replica, for the leaders (whichever replicas they are) to apply. */
type BatchSignal = Extract<ReplicaSignal, { kind: 'pause' | 'resume' | 'cancel' | 'limit' }>;

export class ReplicaTrunkDialQueues extends TrunkDialQueues<ReplicaDialQueue> {
  /** Sends a batch decision to the other replicas (set by the wiring once signals are up). */
  broadcast: (signal: BatchSignal) => void = () => {};

  /** Resolves once every trunk's term begun so far has started. */
  async settled(): Promise<void> {
    await Promise.all(this.trunks().map(({ trunkId }) => this.queueOf(trunkId).settled()));
  }

  override limitBatch(batchId: string, max: number): void {
    super.limitBatch(batchId, max);
    this.broadcast({ kind: 'limit', batchId, max });
  }

  override async pauseBatch(batchId: string): Promise<void> {
    // Sent first: the leaders hold the batch back while this replica waits for its own dials.
    this.broadcast({ kind: 'pause', batchId });
    await super.pauseBatch(batchId);
  }

  override resumeBatch(batchId: string, queued: readonly QueuedCallNotice[]): void {
    super.resumeBatch(batchId, queued);
    this.broadcast({ kind: 'resume', batchId });
  }

  override async cancelBatch(batchId: string, cancelWaiting: () => Promise<unknown>): Promise<void> {
    await super.cancelBatch(batchId, cancelWaiting);
    // After the commit: the leaders' claims of the batch's queued calls now find them cancelled,
    // and they cancel those they claimed before whose INVITE has not left.
    this.broadcast({ kind: 'cancel', batchId });
  }

  /** Applies what another replica sent; only the trunks' leaders have anything to do. */
  apply(signal: ReplicaSignal): void {
    switch (signal.kind) {
      case 'change':
        if (signal.callId !== undefined && signal.to !== undefined && signal.batchId !== undefined) {
          this.changedElsewhere({
            callId: signal.callId,
            organizationId: signal.organizationId,
            batchId: signal.batchId,
            to: signal.to,
          });
        }
        if (signal.queued) this.notifyQueued(signal.queued);
        if (signal.to === 'cancelled' && signal.callId !== undefined) {
          void this.cancelledElsewhere(signal.callId);
        }
        return;
      case 'pause':
        void super.pauseBatch(signal.batchId);
        return;
      case 'resume':
        // Its waiting calls are read back from the backlog.
        super.resumeBatch(signal.batchId, []);
        this.rereadBacklog();
        return;
      case 'cancel':
        // The waiting calls' cancel has committed: only the claimed ones are left to cancel.
        super
          .cancelBatch(signal.batchId, async () => {})
          .catch((error: unknown) =>
            this.logger.error({ err: error, batchId: signal.batchId }, 'batch cancel failed here'),
          );
        return;
      case 'limit':
        super.limitBatch(signal.batchId, signal.max);
        return;
      case 'reread':
        this.rereadBacklog();
        this.resyncLiveCalls().catch((error: unknown) =>
          this.logger.error({ err: error }, 'could not re-read the live calls'),
        );
        return;
    }
  }
}
