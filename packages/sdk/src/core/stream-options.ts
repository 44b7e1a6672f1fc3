import type { RequestOptions } from './request-options';

/**
 * How `events.stream` and `calls.stream` connect and resume.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * for await (const event of outdial.calls.stream(id, { lastEventId: saved, signal: controller.signal })) {
 *   saved = event.id; // persist it to resume after a restart without a gap or a duplicate
 * }
 * ```
 */
export interface StreamOptions extends Pick<RequestOptions, 'headers' | 'timeoutMs' | 'maxRetries'> {
  /** Start after this event (one you already saw); every reconnection resumes after the last one seen. */
  lastEventId?: string | undefined;
  /** Ends the stream: iteration stops quietly, and the connection is closed. */
  signal?: AbortSignal | undefined;
}
