/**
 * @module
 * The polling loop behind `calls.waitForStatus`. Like AWS SDK waiters and openai-node's `poll`,
 * but: the first check is immediate, there is always a last check at the deadline, transient
 * failures never end the wait, and an unknown status backs off like any other.
 */
import { WaitTimeoutError } from '../core/errors';
import type { WaitOptions } from '../core/wait-options';
import type { Call } from '../models';
import { backoffDelay } from './retry-policy';
import { sleep } from './sleep';
import { transientFailureDelay } from './transient-failure';

export const DEFAULT_WAIT_TIMEOUT_MS = 15 * 60_000;

/** How far a wait has got: its deadline, the statuses reported, and the call as last seen. */
export interface WaitProgress {
  deadline: number;
  seen: Set<string>;
  last: Call | undefined;
}

/** A wait starting now. */
export const startWait = (timeoutMs: number): WaitProgress => ({
  deadline: Date.now() + timeoutMs,
  seen: new Set(),
  last: undefined,
});

/** Records `call` as seen, calling `onStatusChange` the first time its status appears. */
export function observe(progress: WaitProgress, call: Call, options: WaitOptions): void {
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
export async function pollCall(
  check: (remainingMs: number) => Promise<Call>,
  isDone: (call: Call) => boolean,
  options: WaitOptions = {},
  progress: WaitProgress = startWait(options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS),
): Promise<Call> {
  const { timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, minDelayMs = 1_000, maxDelayMs = 5_000, signal } = options;
  const { deadline } = progress;
  for (let attempt = 0; ; attempt++) {
    let call: Call | undefined;
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
    if (remaining <= 0) throw new WaitTimeoutError(progress.last, timeoutMs);
    // Never past the deadline, so the last check lands on it.
    const delay = Math.max(serverDelay, backoffDelay(attempt, minDelayMs, maxDelayMs));
    await sleep(Math.min(delay, remaining), signal);
  }
}
