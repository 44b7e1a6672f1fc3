/**
 * @module
 * The order the Dial queue dials in: priority first (0 most urgent), then the call's turn (fair
 * queueing between the batches and the single calls of one priority, see
 * store/sqlite/dial-turns.ts), then seq (FIFO between calls of one turn).
 */
import type { DialKey } from '../ports/dial-backlog';

type Ordered = Omit<DialKey, 'id'>;

/** A key's turn: its `dial_turn`, or its seq when it has none (keys from before migration 0008). */
export function turnOf(call: Pick<DialKey, 'turn' | 'seq'>): number {
  return call.turn ?? call.seq;
}

/** Negative when `a` is dialed before `b`. */
export function compareDialKeys(a: Ordered, b: Ordered): number {
  return a.priority - b.priority || turnOf(a) - turnOf(b) || a.seq - b.seq;
}

/**
 * (priority, turn) as one number that sorts the same way, for the structures that order plain
 * numbers (the pacer's waiters, the in-flight dials): calls of one turn tie there and are served in
 * order of arrival. The queue positions break the tie by seq (`QueuedCallRanks`). Exact below
 * 2^53: priorities up to 8191 (the API allows 0–10) and turns below 2^40 (a turn grows by at most
 * one per call queued, so it stays below the largest seq).
 */
export function dialOrderKey(call: Ordered): number {
  return call.priority * TURN_RANGE + turnOf(call);
}

const TURN_RANGE = 2 ** 40;
