/**
 * @module
 * `outdial.calls`: place, get, list, cancel and wait for calls.
 */

import { isTerminalStatus, type TerminalStatus } from '../call-status';
import type { ApiPromise } from '../core/api-promise';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { ApiResource } from '../core/resource';
import type { StreamOptions } from '../core/stream-options';
import type { WaitOptions } from '../core/wait-options';
import { waitForCall, waitRequest } from '../internal/wait-for-call';
import type { WithInstantStrings } from '../internal/with-instant-strings';
import type {
  Call,
  CallEvent,
  CallEvents,
  CallStatus,
  CancelledCall,
  CreateCallParams,
  ListCallsParams,
  QueuedCall,
} from '../models';

/**
 * The calls resource, as `outdial.calls`.
 *
 * @example
 * ```ts
 * const call = await outdial.calls.create({ agentId, phoneNumber: '+14155552671' });
 * const final = await outdial.calls.waitForTerminalStatus(call.id);
 * ```
 */
export class Calls extends ApiResource {
  /**
   * Queues an outbound call. Always sent with an Idempotency-Key (yours, or one generated for this
   * call and reused on every retry), so a retry can never place a second call. With a future
   * `scheduledAt` (a `Date` or a string), or a `callingWindow` closed now, the call is created
   * `scheduled` and enters the queue when it falls due.
   *
   * @example
   * ```ts
   * const call = await outdial.calls.create({ agentId, phoneNumber: '+14155552671', priority: 0, metadata: { orderId } });
   * const later = await outdial.calls.create({
   *   agentId,
   *   phoneNumber: '+14155552671',
   *   scheduledAt: new Date(Date.now() + 3_600_000),
   *   callingWindow: { timezone: 'America/New_York', start: '09:00', end: '17:30' },
   * }); // later.status === 'scheduled'
   * ```
   */
  create(params: CreateCallParams, options?: RequestOptions): ApiPromise<QueuedCall> {
    // A `Date` goes out as its ISO string: JSON.stringify calls its toJSON, which is toISOString.
    return this._client.post(
      '/api/v1/calls/outbound',
      { body: params as WithInstantStrings<CreateCallParams> },
      options,
    );
  }

  /**
   * Gets a call with its current status.
   *
   * @example
   * ```ts
   * const call = await outdial.calls.get('call_01JD7ZK5W8Q3N2M4P6R8T0V2X4');
   * ```
   */
  get(callId: string, options?: RequestOptions): ApiPromise<Call> {
    return this._client.get('/api/v1/calls/{callId}', { params: { path: { callId } } }, options);
  }

  /**
   * Cancels a call that has not ended. A queued call is never dialed.
   *
   * @example
   * ```ts
   * await outdial.calls.cancel(call.id); // { id, status: 'cancelled' }
   * ```
   */
  cancel(callId: string, options?: RequestOptions): ApiPromise<CancelledCall> {
    return this._client.delete('/api/v1/calls/{callId}', { params: { path: { callId } } }, options);
  }

  /**
   * Lists calls, newest first, lazily. Await the result for the first page, iterate it for every
   * call across pages, or `toArray({ limit })`. A `cursor` in `params` resumes from that page.
   *
   * @example
   * ```ts
   * for await (const call of outdial.calls.list({ status: ['active', 'ringing'], agentId })) console.log(call.id);
   * const page = await outdial.calls.list({ limit: 50 }); // Page<Call>
   * const latest = await outdial.calls.list({ limit: 50 }).toArray({ limit: 120 }); // Call[]
   * ```
   */
  list(params: ListCallsParams = {}, options?: RequestOptions): PagePromise<Call> {
    return this._client.getList('/api/v1/calls', 'calls', params, options);
  }

  /**
   * Every event of a call, oldest first (one per status change).
   *
   * @example
   * ```ts
   * const { events } = await outdial.calls.listEvents(call.id);
   * console.log(events.map((e) => e.type)); // ['call.queued', 'call.connecting', …]
   * ```
   */
  listEvents(callId: string, options?: RequestOptions): ApiPromise<CallEvents> {
    return this._client.get(
      '/api/v1/calls/{callId}/events',
      { params: { path: { callId } } },
      options,
    ) as ApiPromise<CallEvents>;
  }

  /**
   * A call's events, live: its past events (after `lastEventId`, when given), then each status
   * change as it happens. Ends after the call's terminal event, or when `signal` aborts or you
   * `break`. A dropped connection is resumed after the last event seen, without gaps or repeats.
   * Nothing is requested until you iterate; the first connection's failure is thrown
   * (`NotFoundError`, or `StreamUnavailableError` when the server has no event streams).
   *
   * @example
   * ```ts
   * for await (const event of outdial.calls.stream(call.id)) {
   *   console.log(event.sequence, event.type, event.data.status);
   * }
   * ```
   */
  stream(callId: string, options: StreamOptions = {}): AsyncIterable<CallEvent> {
    // A call's stream carries only that call's events.
    return this._client.getStream(
      '/api/v1/calls/{callId}/events',
      { params: { path: { callId } } },
      { ...options, endsWithCall: true },
    ) as AsyncIterable<CallEvent>;
  }

  /**
   * Waits until a call's status is one of `statuses` (or `predicate(call)` is true), and returns
   * it. It follows the call's event stream, and polls with backoff where there is none (an older
   * server, a runtime without streaming `fetch`) or once the call has ended. Transient failures
   * (network, 5xx, 429) are ridden out; 401/403/404 are thrown. Throws `WaitTimeoutError` at the
   * deadline and `AbortError` when `signal` aborts. Streamed calls have `queuePosition: null`.
   *
   * @example
   * ```ts
   * const live = await outdial.calls.waitForStatus(call.id, ['active', ...TERMINAL_STATUSES]);
   * const answered = await outdial.calls.waitForStatus(call.id, (c) => c.answeredAt !== null);
   * ```
   */
  waitForStatus<S extends CallStatus>(
    callId: string,
    statuses: readonly S[],
    options?: WaitOptions,
  ): Promise<Call & { status: S }>;
  waitForStatus(callId: string, predicate: (call: Call) => boolean, options?: WaitOptions): Promise<Call>;
  waitForStatus(
    callId: string,
    until: readonly CallStatus[] | ((call: Call) => boolean),
    options: WaitOptions = {},
  ): Promise<Call> {
    const isDone = typeof until === 'function' ? until : (call: Call) => until.includes(call.status);
    const { signal, headers } = options;
    const check = (remainingMs: number) =>
      this.get(callId, waitRequest(this._client, headers, signal, remainingMs));
    const stream = (ended: AbortSignal, remainingMs: number) =>
      this.stream(callId, waitRequest(this._client, headers, ended, remainingMs));
    return waitForCall(stream, check, isDone, options);
  }

  /**
   * Waits until a call ends (`completed`, `failed`, `cancelled`, `no_answer` or `busy`) and
   * returns it. See {@link Calls.waitForStatus}.
   *
   * @example
   * ```ts
   * const final = await outdial.calls.waitForTerminalStatus(call.id, {
   *   timeoutMs: 30 * 60_000,
   *   onStatusChange: (c) => console.log(c.status),
   * });
   * ```
   */
  waitForTerminalStatus(callId: string, options?: WaitOptions): Promise<Call & { status: TerminalStatus }> {
    return this.waitForStatus(callId, (call) => isTerminalStatus(call.status), options) as Promise<
      Call & { status: TerminalStatus }
    >;
  }

  /**
   * Places a call and waits for it to end. `timeoutMs` is the wait's deadline; the create request
   * keeps the client's per-attempt timeout.
   *
   * @example
   * ```ts
   * const done = await outdial.calls.createAndWait({ agentId, phoneNumber: '+14155552671' }, { timeoutMs: 20 * 60_000 });
   * console.log(done.status, done.duration);
   * ```
   */
  async createAndWait(
    params: CreateCallParams,
    options: WaitOptions & Pick<RequestOptions, 'idempotencyKey'> = {},
  ): Promise<Call & { status: TerminalStatus }> {
    const { signal, headers, idempotencyKey } = options;
    const call = await this.create(params, { signal, headers, idempotencyKey });
    return this.waitForTerminalStatus(call.id, options);
  }
}
