/**
 * @module
 * The waiters' strategy: follow the call's event stream, which tells of every status change as
 * it is committed (one connection instead of a poll every few seconds: 200 waits no longer run
 * into the rate limit), and poll for whatever the stream cannot give. The options and results are
 * the polling waiter's: the same deadline, a last check at it, `onStatusChange` once per status.
 */
import type { Outdial } from '../client';
import { AbortError } from '../core/errors';
import type { WaitOptions } from '../core/wait-options';
import type { Batch, Call } from '../models';
import { DEFAULT_WAIT_TIMEOUT_MS, observe, type PollOptions, pollCall, startWait } from './poll-call';
import { MAX_TIMER_MS } from './sleep';

/**
 * The options of a wait's requests: no retries of their own (the wait rides out failures by
 * itself, by polling), and a timeout that does not outlive the deadline by much.
 */
export const waitRequest = (
  client: Outdial,
  headers: WaitOptions['headers'],
  signal: AbortSignal | undefined,
  remainingMs: number,
) => ({
  headers,
  signal,
  maxRetries: 0,
  timeoutMs: Math.min(client._policy.timeoutMs, Math.max(remainingMs, 1_000)),
});

/**
 * Waits until `isDone(call)`: from `stream` (the call's events, ended by the signal it is given)
 * while it lasts, then by polling with `check`. Polling takes over when the stream fails in any
 * way (no stream on this server or runtime, an error status, the network) — it then meets the
 * same errors a polling wait always met — and when the stream ends first: the call ended without
 * `isDone` holding, and a predicate may still hold later (a field set after the call ended sends no
 * event). At the deadline that is the one last check. A batch's wait streams the batch in the
 * same way (batches.ts).
 */
export async function waitForCall<T extends Call | Batch = Call>(
  stream: (signal: AbortSignal, remainingMs: number) => AsyncIterable<{ data: T }>,
  check: (remainingMs: number) => Promise<T>,
  isDone: (item: T) => boolean,
  options: PollOptions<T> = {},
): Promise<T> {
  const { signal, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS } = options;
  if (signal?.aborted) throw new AbortError(signal.reason);
  const progress = startWait<T>(timeoutMs);
  const ended = new AbortController();
  const end = () => ended.abort();
  signal?.addEventListener('abort', end, { once: true });
  const timer = timeoutMs <= MAX_TIMER_MS ? setTimeout(end, timeoutMs) : undefined;
  try {
    for await (const event of stream(ended.signal, timeoutMs)) {
      observe(progress, event.data, options);
      if (isDone(event.data)) return event.data;
    }
  } catch {
    // Polling takes over (above).
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', end);
  }
  if (signal?.aborted) throw new AbortError(signal.reason);
  return pollCall(check, isDone, options, progress);
}
