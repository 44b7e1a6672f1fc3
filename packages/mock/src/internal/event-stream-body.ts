/**
 * @module
 * A Server-Sent Events body, as the server writes it: `retry: 3000` first, one frame per event
 * (`id:`, `event:`, `data:` on one line), a comment line on a timer to keep proxies from closing
 * an idle connection. The replay and the live subscription are set up in one synchronous step,
 * so no event can fall between them: none is missed and none is sent twice.
 */
import type { Event } from './event-log';

/** Tells clients (EventSource, the SDK) to reconnect after 3 s. */
export const SSE_RETRY_MS = 3000;

/** What a stream sends. */
export type EventStreamSource = {
  /** The events already recorded that the client should get first, oldest first. */
  replay: readonly Event[];
  /** Subscribes to the events recorded from now on; returns the unsubscribe. */
  subscribe: (send: (event: Event) => void) => () => void;
  /** The stream closes after an event for which this holds (a call's terminal event). */
  endsWith?: (event: Event) => boolean;
  /** Close once the replay is sent (a call's stream, when the call has already ended). */
  endAfterReplay?: boolean;
  /** Milliseconds between keep-alive comments. */
  keepAliveMs: number;
};

/**
 * The stream's body, and `end()` to close it from the server's side. `onClosed` runs once,
 * whichever side closes it.
 *
 * @example
 * const { body } = eventStreamBody({ replay, subscribe, keepAliveMs: 15_000 }, release);
 * new Response(body, { headers: { 'content-type': 'text/event-stream' } });
 */
export function eventStreamBody(
  source: EventStreamSource,
  onClosed: () => void,
): { body: ReadableStream<Uint8Array>; end: () => void } {
  const encoder = new TextEncoder();
  let stop = () => {};
  let end = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      let unsubscribe = () => {};
      let keepAlive: ReturnType<typeof setInterval> | undefined;
      stop = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(keepAlive);
        onClosed();
      };
      end = () => {
        if (!open) return;
        stop();
        controller.close();
      };
      const write = (text: string) => controller.enqueue(encoder.encode(text));
      /** Sends one event; false once the stream has ended with it. */
      const send = (event: Event): boolean => {
        // JSON.stringify never emits a raw newline, so the data fits on one `data:` line.
        write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        if (!source.endsWith?.(event)) return true;
        end();
        return false;
      };
      write(`retry: ${SSE_RETRY_MS}\n\n`);
      for (const event of source.replay) if (!send(event)) return;
      if (source.endAfterReplay) return end();
      unsubscribe = source.subscribe((event) => {
        if (open) send(event);
      });
      keepAlive = setInterval(() => write(': keep-alive\n\n'), source.keepAliveMs);
      // In Node, an open stream's timer must not keep the test process alive.
      (keepAlive as { unref?: () => void }).unref?.();
    },
    cancel() {
      stop(); // the client went away
    },
  });
  return { body, end: () => end() };
}
