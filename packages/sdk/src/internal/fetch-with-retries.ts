/**
 * @module
 * The `fetch` openapi-fetch calls: every attempt, timeout, retry and Idempotency-Key of the SDK
 * lives here, once. openapi-fetch itself never retries.
 */
import { AbortError, ConnectionError, OutdialError, RequestTimeoutError } from '../core/errors';
import { newIdempotencyKey } from './idempotency-key';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy';
import { sleep } from './sleep';

/** How one request is attempted; the client's options, overridden per request. */
export interface AttemptPolicy {
  maxRetries: number;
  /** Per attempt, until response headers arrive. */
  timeoutMs: number;
  /** The user's fetch; when absent, `globalThis.fetch` is looked up at each attempt. */
  fetch?: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 8_000;
/**
 * A longer `Retry-After` is not slept through: blocking one SDK call for minutes surprises more
 * than it helps. The 429 is thrown instead, and `RateLimitError.retryAfterMs` says how long.
 */
const MAX_RETRY_AFTER_MS = 60_000;
// setTimeout fires at once for delays above 2^31-1 ms; treat those as "no timeout".
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Sends `request`, retrying connection errors, timeouts, 408, 429, 5xx and 409
 * `idempotency_in_progress`. Resolves with the last response (openapi-fetch turns an error
 * status into `{ error }`), or rejects with `ConnectionError`, `RequestTimeoutError` or
 * `AbortError`.
 */
export async function fetchWithRetries(request: Request, policy: AttemptPolicy): Promise<Response> {
  // A POST creates something. Every attempt carries the same key, so the server replays the first
  // result instead of acting twice: a retried POST /calls/outbound can never ring a person twice.
  if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
    request.headers.set('Idempotency-Key', newIdempotencyKey());
  }
  for (let attempt = 0; ; attempt++) {
    const retriesLeft = attempt < policy.maxRetries;
    let response: Response;
    try {
      response = await attemptOnce(request, policy);
    } catch (error) {
      if (!retriesLeft || !(error instanceof ConnectionError)) throw error;
      await sleep(backoffDelay(attempt, RETRY_MIN_MS, RETRY_MAX_MS), request.signal);
      continue;
    }
    const delay = retriesLeft ? await retryDelay(response, attempt) : undefined;
    if (delay === undefined) return response;
    await response.body?.cancel(); // frees the connection
    await sleep(delay, request.signal);
  }
}

async function attemptOnce(request: Request, policy: AttemptPolicy): Promise<Response> {
  const signal = request.signal; // the caller's, which openapi-fetch put on the request
  if (signal.aborted) throw new AbortError(signal.reason);
  // Looked up now, not when the client was built, so a polyfill or mock installed later applies.
  const fetch = policy.fetch ?? globalThis.fetch;
  if (!fetch) throw new OutdialError('No fetch implementation: pass `fetch` to new Outdial()');
  const attempt = request.clone(); // a body can be read once; the original stays for the next attempt
  const controller = new AbortController();
  const abort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', abort);
  let timedOut = false;
  const timer =
    policy.timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, policy.timeoutMs)
      : undefined;
  try {
    return await fetch(attempt, { signal: controller.signal });
  } catch (error) {
    if (signal.aborted) throw new AbortError(signal.reason);
    if (timedOut) throw new RequestTimeoutError(`No response within ${policy.timeoutMs} ms`);
    throw new ConnectionError(`Connection error: ${(error as Error)?.message ?? error}`, { cause: error });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

/** How long to wait before retrying this response, or undefined to return it as is. */
async function retryDelay(response: Response, attempt: number): Promise<number | undefined> {
  const { status } = response;
  // 409 here means the first attempt is still in flight on the server: the retry gets its result.
  const retryable =
    isRetryableStatus(status) ||
    (status === 409 && (await errorType(response)) === 'idempotency_in_progress');
  if (!retryable) return undefined;
  const retryAfter = parseRetryAfter(response.headers);
  if (retryAfter === undefined) return backoffDelay(attempt, RETRY_MIN_MS, RETRY_MAX_MS);
  return retryAfter <= MAX_RETRY_AFTER_MS ? retryAfter : undefined;
}

const errorType = (response: Response): Promise<unknown> =>
  response
    .clone()
    .json()
    // `json()` is `any` in the DOM typings but `unknown` in Node's: type the envelope here.
    .then((body) => (body as { error?: { type?: unknown } } | null)?.error?.type)
    .catch(() => undefined);
