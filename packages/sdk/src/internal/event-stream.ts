/**
 * @module
 * The reconnecting Server-Sent Events client behind `events.stream` and `calls.stream`, over
 * `fetch` streaming (EventSource cannot send an API key header). Like EventSource: it resumes
 * with `Last-Event-ID` after the last event seen, so a dropped connection loses and repeats
 * nothing, and it waits the server's `retry:` before reconnecting, backing off while attempts keep
 * failing.
 */
import { isTerminalStatus } from '../call-status';
import { AbortError, StreamUnavailableError } from '../core/errors';
import type { OutdialEvent } from '../models';
import { backoffDelay } from './retry-policy';
import { sleep } from './sleep';
import { sseEvents } from './sse-events';
import { transientFailureDelay } from './transient-failure';

/** Before the server sends `retry:` (EventSource leaves it to the browser; 3 s is what ours sends). */
const DEFAULT_RETRY_MS = 3_000;
/** Consecutive failed reconnections back off from the `retry:` delay up to this. */
const MAX_RECONNECT_DELAY_MS = 30_000;

/** Opens one connection. `first` is the stream's first; `lastEventId` is where to resume. */
export type ConnectStream = (lastEventId: string | undefined, first: boolean) => Promise<Response>;

export interface EventStreamOptions {
  lastEventId?: string | undefined;
  signal?: AbortSignal | undefined;
  /**
   * A call's stream (`listCallEvents`): it ends after the terminal event, and when a connection
   * ends having sent nothing, which the server does at once for a call that has already ended.
   */
  endsWithCall?: boolean;
}

/**
 * The events of a stream across reconnections. The first connection's failure is thrown as it is
 * (after the client's own retries): a wrong key or a missing call should not look like an empty
 * stream. Later ones are retried while transient. An abort ends the iteration without an error.
 */
export async function* eventStream(
  connect: ConnectStream,
  options: EventStreamOptions,
): AsyncGenerator<OutdialEvent, void, undefined> {
  const { signal, endsWithCall = false } = options;
  let lastEventId = options.lastEventId;
  let retryMs = DEFAULT_RETRY_MS;
  const listener = {
    onRetry: (ms: number) => {
      retryMs = ms;
    },
  };
  for (let attempt = 0, failures = 0; ; attempt++) {
    let delay = 0;
    try {
      const body = eventStreamBody(await connect(lastEventId, attempt === 0));
      let received = 0;
      try {
        for await (const event of sseEvents(body, listener, signal)) {
          received++;
          lastEventId = event.id;
          yield event;
          if (endsWithCall && isTerminalStatus(event.data.status)) return;
        }
        if (signal?.aborted || (endsWithCall && received === 0)) return;
      } catch {
        if (signal?.aborted) return;
        // The connection dropped mid-stream: resume after the last event.
      }
      failures = received > 0 ? 0 : failures + 1;
    } catch (error) {
      if (error instanceof AbortError || signal?.aborted) return;
      const retryAfter = transientFailureDelay(error);
      if (attempt === 0 || retryAfter === undefined) throw error;
      failures++;
      delay = retryAfter;
    }
    delay = Math.max(delay, backoffDelay(Math.max(0, failures - 1), retryMs, MAX_RECONNECT_DELAY_MS));
    try {
      await sleep(delay, signal);
    } catch {
      return; // aborted while waiting
    }
  }
}

/** The body of an event stream, or `StreamUnavailableError` when the answer is not one. */
function eventStreamBody(response: Response): ReadableStream<Uint8Array> {
  const type = response.headers.get('content-type') ?? '';
  if (!/^text\/event-stream\b/i.test(type)) {
    void response.body?.cancel().catch(() => {});
    throw new StreamUnavailableError(`Not an event stream: ${type}`);
  }
  // A `fetch` without streaming bodies (some React Native versions) has no `body`.
  if (!response.body) throw new StreamUnavailableError('No streaming response body');
  return response.body;
}
