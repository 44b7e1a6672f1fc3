/**
 * @module
 * The `fetch` openapi-fetch calls: every attempt, timeout, retry and Idempotency-Key of the SDK
 * lives here, once. openapi-fetch itself never retries.
 */
import { AbortError, ConnectionError, OutdialError, RequestTimeoutError } from '../core/errors';
import { newIdempotencyKey } from './idempotency-key';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy';
import { MAX_TIMER_MS, sleep } from './sleep';

/** How one request is attempted; the client's options, overridden per request. */
export interface AttemptPolicy {
  maxRetries: number;
  /** Per attempt, until response headers arrive. */
  timeoutMs: number;
  /** The most time one request may spend waiting between attempts, in total. */
  maxRetryWaitMs: number;
  /** The user's fetch; when absent, `globalThis.fetch` is looked up at each attempt. */
  fetch?: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 8_000;

/**
 * Sends `request`, retrying connection errors, timeouts, 408, 429, 5xx and 409
 * `idempotency_in_progress`. Resolves with the last response (openapi-fetch turns an error
 * status into `{ error }`), or rejects with `ConnectionError`, `RequestTimeoutError` or
 * `AbortError`.
 *
 * Retries stop early when the next wait would take the time waited past
 * `policy.maxRetryWaitMs`: the caller gets the failure as it is (a 429 as `RateLimitError` with
 * `retryAfterMs`) instead of a call silently blocked for as long as the server asks.
 */
export async function fetchWithRetries(request: Request, policy: AttemptPolicy): Promise<Response> {
  // A POST creates something. Every attempt carries the same key, so the server replays the first
  // result instead of acting twice: a retried POST /calls/outbound can never ring a person twice.
  if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
    request.headers.set('Idempotency-Key', newIdempotencyKey());
  }
  for (let attempt = 0, waitedMs = 0; ; attempt++) {
    let response: Response | undefined;
    let failure: ConnectionError | undefined;
    try {
      response = await attemptOnce(request, policy);
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error; // aborts and missing fetch are final
      failure = error;
    }
    let delay: number | undefined;
    if (attempt < policy.maxRetries) {
      delay = response
        ? await retryDelay(response, attempt)
        : backoffDelay(attempt, RETRY_MIN_MS, RETRY_MAX_MS);
    }
    if (delay === undefined || waitedMs + delay > policy.maxRetryWaitMs) {
      if (response) return response;
      throw failure;
    }
    waitedMs += delay;
    await response?.body?.cancel(); // frees the connection
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
  return parseRetryAfter(response.headers) ?? backoffDelay(attempt, RETRY_MIN_MS, RETRY_MAX_MS);
}

const errorType = (response: Response): Promise<unknown> =>
  response
    .clone()
    .json()
    // `json()` is `any` in the DOM typings but `unknown` in Node's: type the envelope here.
    .then((body) => (body as { error?: { type?: unknown } } | null)?.error?.type)
    .catch(() => undefined);
