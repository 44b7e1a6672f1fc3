/**
 * @module
 * The order the Dial queue dials in: priority first (0 most urgent), then seq (FIFO within one).
 */
import type { DialKey } from '../ports/dial-backlog';

/** Negative when `a` is dialed before `b`. */
export function compareDialKeys(a: Omit<DialKey, 'id'>, b: Omit<DialKey, 'id'>): number {
  return a.priority - b.priority || a.seq - b.seq;
}

/**
 * (priority, seq) as one number that sorts the same way, for the structures that order plain
 * numbers (the pacer's waiters, the queue positions). Exact below 2^53: priorities up to 8191 (the
 * API allows 0–10) and seqs below 2^40.
 */
export function dialOrderKey(call: Omit<DialKey, 'id'>): number {
  return call.priority * SEQ_RANGE + call.seq;
}

const SEQ_RANGE = 2 ** 40;
