/**
 * @module
 * Server-Sent Events on a Node response (the WHATWG `text/event-stream` format): one frame per
 * event (`id:`, `event:`, `data:` on one line, then a blank line), `retry:` first, and a comment
 * line on a timer so that proxies do not close an idle connection.
 */
import type { ServerResponse } from 'node:http';
import type { EventSink } from './event-feed';
import type { EventResource } from './event-resource';

/** Tells clients (EventSource, the SDK) to reconnect after 3 s. */
export const SSE_RETRY_MS = 3000;
/** A comment every 15 s keeps proxies and load balancers from timing the stream out. */
export const SSE_KEEP_ALIVE_MS = 15_000;
/**
 * A client that reads slower than events come would make the response buffer without bound; past
 * this many unsent bytes the stream is ended instead. Nothing is lost: the client reconnects with
 * Last-Event-ID and the store replays what it missed.
 */
export const SSE_MAX_BUFFERED_BYTES = 1024 * 1024;

export interface SseWriterOptions {
  /** Milliseconds between keep-alive comments. Default {@link SSE_KEEP_ALIVE_MS}. */
  keepAliveMs?: number;
  /** Called with every keep-alive comment (the stream also re-reads then). */
  onKeepAlive?: () => void;
}

export class SseWriter implements EventSink {
  readonly #res: ServerResponse;
  readonly #options: SseWriterOptions;
  #keepAlive: NodeJS.Timeout | undefined;

  constructor(res: ServerResponse, options: SseWriterOptions = {}) {
    this.#res = res;
    this.#options = options;
  }

  /** Sends the headers and `retry:`, and starts the keep-alive comments. */
  open(): void {
    this.#res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      // nginx buffers proxied responses unless told not to, which would hold events back.
      'x-accel-buffering': 'no',
    });
    this.#write(`retry: ${SSE_RETRY_MS}\n\n`);
    this.#keepAlive = setInterval(() => {
      this.#write(': keep-alive\n\n');
      this.#options.onKeepAlive?.();
    }, this.#options.keepAliveMs ?? SSE_KEEP_ALIVE_MS);
    this.#res.once('close', () => clearInterval(this.#keepAlive));
  }

  send(event: EventResource): void {
    // JSON.stringify never emits a raw newline, so the data fits on one `data:` line.
    this.#write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  end(): void {
    clearInterval(this.#keepAlive);
    if (!this.#res.writableEnded) this.#res.end();
  }

  // A stream ended by the server (shutdown) may still be woken before its 'close': writing after
  // end() would be an 'error' on the response, so late frames are dropped.
  #write(frame: string): void {
    if (this.#res.writableEnded || this.#res.destroyed) return;
    // Node corks a chunked response's socket at each write and uncorks it on the next process
    // tick, which comes only once every microtask queued by then has run: the rest of the request
    // that committed the event, a dial's claim (better-sqlite3 under kysely is all microtasks).
    // The frame waited there for milliseconds (3.7 at the median for call.queued); written
    // between cork() and uncork(), it goes to the socket at uncork().
    this.#res.cork();
    this.#res.write(frame);
    this.#res.uncork();
    if (this.#res.writableLength > SSE_MAX_BUFFERED_BYTES) this.end();
  }
}
