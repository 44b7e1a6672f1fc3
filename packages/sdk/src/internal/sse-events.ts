/**
 * @module
 * One Server-Sent Events connection's body → the events in it. The framing is sse-parser.ts's (the
 * WHATWG parsing rules: CR, LF and CRLF, chunks split anywhere, comments, `retry:`); this file
 * only decides which frames are events.
 */
import type { OutdialEvent } from '../models';
import { sseParser } from './sse-parser';

/** What a connection tells the reconnect loop besides its events. */
export interface FrameListener {
  /** The server's `retry:` field, in milliseconds. */
  onRetry(ms: number): void;
}

/**
 * The events of one connection, in order, until its body ends, fails, or `signal` aborts (which
 * cancels the body, closing the connection). Keep-alive comments are skipped, and so are frames
 * that are not an event (not JSON, no id, a `type` that is not `call.<its data's status>`): a
 * client could not act on them either way.
 */
export async function* sseEvents(
  body: ReadableStream<Uint8Array>,
  listener: FrameListener,
  signal: AbortSignal | undefined,
): AsyncGenerator<OutdialEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const ready: OutdialEvent[] = [];
  const feed = sseParser(
    (data) => {
      const event = toEvent(data);
      if (event) ready.push(event);
    },
    (ms) => listener.onRetry(ms),
  );
  // A pending read settles (done) once the body is cancelled.
  const cancel = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    while (!signal?.aborted) {
      const { done, value } = await reader.read();
      if (done) return;
      feed(decoder.decode(value, { stream: true }));
      while (ready.length > 0) yield ready.shift() as OutdialEvent;
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    cancel(); // a `break` in the caller's loop closes the connection too
  }
}

function toEvent(data: string): OutdialEvent | undefined {
  let event: Partial<OutdialEvent> | null;
  try {
    event = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof event?.id !== 'string' || typeof event.data?.id !== 'string') return undefined;
  const { type } = event;
  // A call event names its call's status; a batch event is any `batch.*` (its data is the Batch).
  return type === `call.${event.data.status}` || type?.startsWith('batch.')
    ? (event as OutdialEvent)
    : undefined;
}
