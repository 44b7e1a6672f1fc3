/**
 * @module
 * `outdial.batches`: many calls at once, with a calling window, retries and a concurrency limit.
 */
import type { ApiPromise } from '../core/api-promise';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { ApiResource } from '../core/resource';
import type { WaitOptions } from '../core/wait-options';
import { waitForCall, waitRequest } from '../internal/wait-for-call';
import type { WithInstantStrings } from '../internal/with-instant-strings';
import type { Batch, CreateBatchParams, ListBatchesParams } from '../models';

/**
 * How `batches.waitForCompletion` polls: the waiters' options, with `onProgress` instead of
 * `onStatusChange`.
 *
 * @example
 * ```ts
 * const options: BatchWaitOptions = { timeoutMs: 8 * 3_600_000, onProgress: (b) => console.log(b.counters) };
 * ```
 */
export type BatchWaitOptions = Omit<WaitOptions, 'onStatusChange'> & {
  /** Called with the batch whenever its status or counters change, starting with the first look. */
  onProgress?: ((batch: Batch) => void) | undefined;
};

/**
 * The batches resource, as `outdial.batches`.
 *
 * @example
 * ```ts
 * const batch = await outdial.batches.create({ name: 'Renewals', agentId, calls: [{ phoneNumber: '+14155552671' }] });
 * const done = await outdial.batches.waitForCompletion(batch.id);
 * ```
 */
export class Batches extends ApiResource {
  /**
   * Creates a batch: every contact becomes a call of it, atomically (one bad row rejects the
   * whole request, naming it: `calls.17.phoneNumber`). Always sent with an Idempotency-Key, so a
   * retry can never create a second batch.
   *
   * @example
   * ```ts
   * const batch = await outdial.batches.create({
   *   name: 'December renewals',
   *   agentId,
   *   callingWindow: { timezone: 'America/New_York', start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] },
   *   retry: { maxAttempts: 3, on: ['busy', 'no_answer'], delaySeconds: 3600 },
   *   maxConcurrentCalls: 20,
   *   calls: [{ phoneNumber: '+14155552671', variables: { first_name: 'John' } }],
   * });
   * ```
   */
  create(params: CreateBatchParams, options?: RequestOptions): ApiPromise<Batch> {
    // A `Date` goes out as its ISO string: JSON.stringify calls its toJSON, which is toISOString.
    return this._client.post(
      '/api/v1/batches',
      { body: params as WithInstantStrings<CreateBatchParams> },
      options,
    );
  }

  /**
   * Gets a batch with its counters.
   *
   * @example
   * ```ts
   * const { status, counters } = await outdial.batches.get(batch.id);
   * ```
   */
  get(batchId: string, options?: RequestOptions): ApiPromise<Batch> {
    return this._client.get('/api/v1/batches/{batchId}', { params: { path: { batchId } } }, options);
  }

  /**
   * Lists batches, newest first, lazily: await for the first page, iterate for every batch.
   *
   * @example
   * ```ts
   * for await (const batch of outdial.batches.list({ status: ['running'] })) console.log(batch.name);
   * ```
   */
  list(params: ListBatchesParams = {}, options?: RequestOptions): PagePromise<Batch> {
    return this._client.getList('/api/v1/batches', 'batches', params, options);
  }

  /**
   * Pauses a batch: its calls not yet dialed wait; live calls go on.
   *
   * @example
   * ```ts
   * await outdial.batches.pause(batch.id); // { status: 'paused', … }
   * ```
   */
  pause(batchId: string, options?: RequestOptions): ApiPromise<Batch> {
    return this._client.post('/api/v1/batches/{batchId}/pause', { params: { path: { batchId } } }, options);
  }

  /**
   * Resumes a paused batch.
   *
   * @example
   * ```ts
   * await outdial.batches.resume(batch.id);
   * ```
   */
  resume(batchId: string, options?: RequestOptions): ApiPromise<Batch> {
    return this._client.post('/api/v1/batches/{batchId}/resume', { params: { path: { batchId } } }, options);
  }

  /**
   * Cancels a batch: every call not yet dialed ends `cancelled`; live calls go on.
   *
   * @example
   * ```ts
   * const cancelled = await outdial.batches.cancel(batch.id); // cancelled.counters.cancelled
   * ```
   */
  cancel(batchId: string, options?: RequestOptions): ApiPromise<Batch> {
    return this._client.post('/api/v1/batches/{batchId}/cancel', { params: { path: { batchId } } }, options);
  }

  /**
   * Waits until a batch is `completed` or `cancelled`, and returns it. It follows the batch's
   * events (its own carry the batch; when one of its calls moves, the batch is read again, at most
   * once per `minDelayMs`, default 1 s), so it returns as the batch ends and reads nothing while
   * the batch waits for its calling window. Where there is no event stream (an older server, a
   * runtime without streaming `fetch`) it polls with backoff (1 s → 5 s by default). `onProgress`
   * sees each change of its status or counters. Transient failures are ridden out;
   * `WaitTimeoutError` (with `lastBatch`) at `timeoutMs` (default 15 minutes: pass a longer one
   * for a campaign), `AbortError` when `signal` aborts.
   *
   * @example
   * ```ts
   * const done = await outdial.batches.waitForCompletion(batch.id, {
   *   timeoutMs: 8 * 3_600_000,
   *   onProgress: ({ counters: c }) => console.log(`${c.completed + c.busy + c.noAnswer + c.failed}/${c.total}`),
   * });
   * ```
   */
  waitForCompletion(
    batchId: string,
    options: BatchWaitOptions = {},
  ): Promise<Batch & { status: 'completed' | 'cancelled' }> {
    const { onProgress, ...wait } = options;
    const { signal, headers, minDelayMs = 1_000 } = wait;
    let seen = '';
    const report = (batch: Batch) => {
      const progress = JSON.stringify([batch.status, batch.counters]);
      if (progress !== seen) onProgress?.(batch);
      seen = progress;
      return batch;
    };
    const client = this._client;
    const check = async (remainingMs: number) =>
      report(await this.get(batchId, waitRequest(client, headers, signal, remainingMs)));
    const { events } = client;
    async function* follow(ended: AbortSignal, remainingMs: number) {
      const request = waitRequest(client, headers, ended, remainingMs);
      // Its newest event first, so the stream resumes after it and no change is missed.
      const [newest] = (await events.list({ batchId, limit: 1 }, request)).data;
      yield { data: await check(remainingMs) };
      let readAt = Date.now();
      for await (const event of events.stream({ batchId, lastEventId: newest?.id, ...request })) {
        if (event.type.startsWith('batch.')) yield { data: report(event.data as Batch) };
        // Any event of one of its calls moves its counters: read it again, at most once per minDelayMs.
        else if (Date.now() - readAt >= minDelayMs) {
          readAt = Date.now();
          yield { data: await check(remainingMs) };
        }
      }
    }
    const isDone = (batch: Batch) => batch.status === 'completed' || batch.status === 'cancelled';
    return waitForCall(follow, check, isDone, { ...wait, waitedFor: 'batch' }) as Promise<
      Batch & { status: 'completed' | 'cancelled' }
    >;
  }
}
