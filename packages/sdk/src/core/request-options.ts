/**
 * Options every SDK method takes, overriding the client's for one request.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await outdial.calls.create(params, {
 *   idempotencyKey: order.id, // your own key: retrying your job can't place a second call either
 *   timeoutMs: 5_000,
 *   maxRetries: 5,
 *   maxRetryWaitMs: 5_000,
 *   signal: controller.signal,
 *   headers: { 'x-trace-id': traceId },
 * });
 * ```
 */
export interface RequestOptions {
  /** Aborts the request, including any retry wait; rejects with `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Per attempt, until the response headers arrive. Default: the client's (60 s). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. Default: the client's (2). */
  maxRetries?: number | undefined;
  /** The most time spent waiting between retries, in total. Default: the client's (30 s). */
  maxRetryWaitMs?: number | undefined;
  /** The Idempotency-Key of a POST. Default: one generated per call and reused on every retry. */
  idempotencyKey?: string | undefined;
  /** Extra headers; `null` removes a client-level header. */
  headers?: Record<string, string | null> | undefined;
}
