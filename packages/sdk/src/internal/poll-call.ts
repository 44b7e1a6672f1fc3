/**
 * @module
 * The polling loop behind `calls.waitForStatus` and `batches.waitForCompletion`. Like AWS SDK
 * waiters and openai-node's `poll`, but: the first check is immediate, there is always a last
 * check at the deadline, transient failures never end the wait, and an unknown status backs off
 * like any other.
 */
import { WaitTimeoutError } from '../core/errors';
import type { WaitOptions } from '../core/wait-options';
import type { Batch, Call } from '../models';
import { backoffDelay } from './retry-policy';
import { sleep } from './sleep';
import { transientFailureDelay } from './transient-failure';

export const DEFAULT_WAIT_TIMEOUT_MS = 15 * 60_000;

/** What a wait polls: a call, or a batch. */
type Polled = Call | Batch;

/** A wait's options, with `onStatusChange` taking what it polls. */
export type PollOptions<T> = Omit<WaitOptions, 'onStatusChange'> & {
  onStatusChange?: ((item: T) => void) | undefined;
  /** What `WaitTimeoutError` says was waited for. Default `call`. */
  waitedFor?: 'call' | 'batch';
};

/** How far a wait has got: its deadline, the statuses reported, and the call (or batch) as last seen. */
export interface WaitProgress<T extends Polled = Call> {
  deadline: number;
  seen: Set<string>;
  last: T | undefined;
}

/** A wait starting now. */
export const startWait = <T extends Polled = Call>(timeoutMs: number): WaitProgress<T> => ({
  deadline: Date.now() + timeoutMs,
  seen: new Set(),
  last: undefined,
});

/** Records `call` as seen, calling `onStatusChange` the first time its status appears. */
export function observe<T extends Polled>(progress: WaitProgress<T>, call: T, options: PollOptions<T>): void {
  progress.last = call;
  if (progress.seen.has(call.status)) return;
  progress.seen.add(call.status);
  options.onStatusChange?.(call);
}

/**
 * Calls `check` until `isDone(call)`, sleeping with backoff in between.
 * `check` receives the milliseconds left before the deadline. `progress` carries on a wait that
 * began another way (a stream): its deadline and the statuses already reported.
 */
export async function pollCall<T extends Polled = Call>(
  check: (remainingMs: number) => Promise<T>,
  isDone: (call: T) => boolean,
  options: PollOptions<T> = {},
  progress: WaitProgress<T> = startWait(options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS),
): Promise<T> {
  const { timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, minDelayMs = 1_000, maxDelayMs = 5_000, signal } = options;
  const { deadline } = progress;
  for (let attempt = 0; ; attempt++) {
    let call: T | undefined;
    let serverDelay = 0;
    try {
      call = await check(deadline - Date.now());
    } catch (error) {
      const delay = transientFailureDelay(error);
      if (delay === undefined) throw error;
      serverDelay = delay;
    }
    if (call) {
      observe(progress, call, options);
      if (isDone(call)) return call;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new WaitTimeoutError(progress.last, timeoutMs, options.waitedFor);
    // Never past the deadline, so the last check lands on it.
    const delay = Math.max(serverDelay, backoffDelay(attempt, minDelayMs, maxDelayMs));
    await sleep(Math.min(delay, remaining), signal);
  }
}
