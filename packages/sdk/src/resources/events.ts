/**
 * @module
 * `outdial.events`: your organization's events, as a paginated feed and as a live stream.
 */
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { ApiResource } from '../core/resource';
import type { StreamOptions } from '../core/stream-options';
import type { EventOfType, EventType, ListEventsParams } from '../models';

/**
 * The events resource, as `outdial.events`.
 *
 * @example
 * ```ts
 * for await (const event of outdial.events.stream({ types: ['call.completed'] })) console.log(event.data.id);
 * ```
 */
export class Events extends ApiResource {
  /**
   * Lists your organization's events, newest first, lazily: await for the first page, iterate for
   * every event across pages, or `toArray({ limit })`. A `cursor` in `params` resumes from that page.
   *
   * @example
   * ```ts
   * for await (const event of outdial.events.list({ types: ['call.failed'] })) console.log(event.data.failureReason);
   * const recent = await outdial.events.list({ callId: call.id }).toArray({ limit: 50 });
   * const campaign = await outdial.events.list({ batchId: batch.id }).toArray(); // the batch's and its calls'
   * ```
   */
  list<T extends EventType = EventType>(
    params: ListEventsParams<T> = {},
    options?: RequestOptions,
  ): PagePromise<EventOfType<T>> {
    const { types, ...query } = params;
    return this._client.getList(
      '/api/v1/events',
      'events',
      { type: types, ...query },
      options,
    ) as PagePromise<EventOfType<T>>;
  }

  /**
   * Your organization's events, live and oldest first: those after `lastEventId` when given (so
   * resuming from the last id you saw misses none and repeats none), else those from now on. It
   * does not end by itself: stop it with `signal` or `break`. Dropped connections are resumed.
   *
   * @example
   * ```ts
   * const controller = new AbortController();
   * for await (const event of outdial.events.stream({ types: ['call.completed', 'call.failed'], signal: controller.signal })) {
   *   console.log(event.type, event.data.id);
   * }
   * ```
   */
  stream<T extends EventType = EventType>(
    params: Pick<ListEventsParams<T>, 'types' | 'callId' | 'batchId'> & StreamOptions = {},
  ): AsyncIterable<EventOfType<T>> {
    const { types, callId, batchId, ...options } = params;
    return this._client.getStream(
      '/api/v1/events',
      { params: { query: { type: types, callId, batchId } } },
      options,
    ) as AsyncIterable<EventOfType<T>>;
  }
}
