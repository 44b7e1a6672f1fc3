/**
 * @module
 * The polling loop behind `calls.waitForStatus`. Like AWS SDK waiters and openai-node's `poll`,
 * but: the first check is immediate, there is always a last check at the deadline, transient
 * failures never end the wait, and an unknown status backs off like any other.
 */
import { ApiError, ConnectionError, RateLimitError, WaitTimeoutError } from '../core/errors';
import type { WaitOptions } from '../core/wait-options';
import type { Call } from '../models';
import { backoffDelay, isRetryableStatus } from './retry-policy';
import { sleep } from './sleep';

export const DEFAULT_WAIT_TIMEOUT_MS = 15 * 60_000;

/**
 * Calls `check` until `isDone(call)`, sleeping with backoff in between.
 * `check` receives the milliseconds left before the deadline.
 */
export async function pollCall(
  check: (remainingMs: number) => Promise<Call>,
  isDone: (call: Call) => boolean,
  options: WaitOptions = {},
): Promise<Call> {
  const { timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, minDelayMs = 1_000, maxDelayMs = 5_000, signal } = options;
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  let last: Call | undefined;
  for (let attempt = 0; ; attempt++) {
    let call: Call | undefined;
    let serverDelay = 0;
    try {
      call = await check(deadline - Date.now());
    } catch (error) {
      // Network trouble, 5xx and 429 pass; 401/403/404 (and aborts) will not fix themselves.
      if (
        !(error instanceof ConnectionError || (error instanceof ApiError && isRetryableStatus(error.status)))
      )
        throw error;
      if (error instanceof RateLimitError) serverDelay = error.retryAfterMs ?? 0;
    }
    if (call) {
      last = call;
      if (!seen.has(call.status)) {
        seen.add(call.status);
        options.onStatusChange?.(call);
      }
      if (isDone(call)) return call;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new WaitTimeoutError(last, timeoutMs);
    // Never past the deadline, so the last check lands on it.
    const delay = Math.max(serverDelay, backoffDelay(attempt, minDelayMs, maxDelayMs));
    await sleep(Math.min(delay, remaining), signal);
  }
}
