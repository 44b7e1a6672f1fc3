/**
 * @module
 * Where a queued call stands in the Dial queue, asked on every read of a queued call. A port
 * because the answer depends on who can queue calls: one server process sees every transition
 * and keeps the order in memory (dial/queued-call-ranks.ts); replicas on one PostgreSQL database
 * keep it the same way, each also told the others' changes (replicas/replication.ts).
 */
import type { CallRow } from './call-store';

export interface QueuePositions {
  /**
   * The 1-based position of a queued call: the queued calls ahead of it in dial order (priority, turn, seq),
   * plus one. The queue is shared by every organization, so is the count.
   */
  positionOf(call: Pick<CallRow, 'priority' | 'seq' | 'dial_turn'>): number;
}
