/**
 * @module
 * When a failed attempt is worth repeating, and how long to wait first. Shared by the request
 * retries and by the call waiter, so both treat the same failures as transient.
 */

/** 408, 429 and 5xx are the server saying "not now", not "never". */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/**
 * Exponential backoff with "equal jitter": the cap doubles per attempt (from `minMs` up to
 * `maxMs`) and the delay is drawn from its upper half, so many clients failing together spread
 * out without any one retrying sooner than `minMs`.
 */
export const backoffDelay = (attempt: number, minMs: number, maxMs: number): number =>
  Math.max(minMs, Math.min(maxMs, minMs * 2 ** attempt) * (1 - Math.random() / 2));

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isNaN(seconds) ? Date.parse(value) - Date.now() : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
