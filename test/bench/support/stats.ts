import type { BenchRow } from './bench-result';

/** Percentile by nearest rank over an unsorted sample (ms values). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The most timestamps (ms) inside any half-open sliding window [t, t + windowMs). */
export function maxInSlidingWindow(timestamps: readonly number[], windowMs = 1000): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/**
 * The pacer's own view of a run's windows: the most INVITEs sent (headers written, on the
 * server's clock) in any 1 s. The emulator's row beside it adds the receiver's scheduling delays,
 * which on a shared machine can bunch arrivals whatever the sender does.
 */
export function sentWindowRow(scenario: string, cps: number, maxSent: number): BenchRow {
  return {
    scenario,
    metric: 'max dial starts in any 1 s window, as sent (server clock)',
    value: `${maxSent}`,
    target: `≤ ${cps}`,
    met: maxSent <= cps,
    note: 'when each INVITE left the server (its diagnostics channel): what the pacer counts and guarantees',
  };
}

/**
 * The time during which at least one accepted call had not been dialed yet, and the starts in it:
 * a slot with nobody waiting is not the pacer's loss. `acceptedAt` is when the 201 arrived, a
 * little after the call was queued, so a start may come first: the count never goes below zero.
 */
export function rateWhileWaiting(acceptedAt: number[], startedAt: number[]): { ms: number; starts: number } {
  const events = [
    ...acceptedAt.map((at) => ({ at, delta: 1 })),
    ...startedAt.map((at) => ({ at, delta: -1 })),
  ].sort((a, b) => a.at - b.at || a.delta - b.delta);
  let waiting = 0;
  let ms = 0;
  let starts = 0;
  let previous = events[0]?.at ?? 0;
  for (const { at, delta } of events) {
    if (waiting > 0) ms += at - previous;
    if (delta < 0 && waiting > 0) starts++;
    waiting = Math.max(0, waiting + delta);
    previous = at;
  }
  return { ms, starts };
}
