/**
 * @module
 * One live stream's source of events: replay, then live, from the store. It watches the hub
 * before its first read and reads again after every wake, always strictly after the last event
 * it sent; event ids increase in commit order, so an event committed at any moment (before the
 * first read, during a read, after it) is sent exactly once.
 *
 * Where the store can read at once (`readNow`), a wake reads and sends in the microtask right
 * after the commit's announcement: the event is on the wire before the request that committed it
 * has answered, with no promise hops in between. A backlog longer than one read goes on through
 * `read`, so a long replay never holds the event loop.
 */
import type { EventRow } from '../ports/event-store';
import { type EventResource, toEventResource } from './event-resource';

/** Rows read at a time; a longer backlog is read page after page. */
const READ_BATCH = 200;

/** Where a feed sends its events. */
export interface EventSink {
  send(event: EventResource): void;
  /** No more events: the stream should close. */
  end(): void;
}

export interface EventFeedSource {
  /** Events strictly after `after` (all when null), oldest first, at most `limit`. */
  read(after: string | null, limit: number): Promise<EventRow[]>;
  /** The same, at once, where the store can (see EventStore.listAfterNow). */
  readNow?(after: string | null, limit: number): EventRow[];
  /** Calls `wake` after each committed change that may concern this feed. @returns unwatch */
  watch(wake: () => void): () => void;
}

export interface EventFeedOptions {
  /** The id of the last event the client has, or null for everything `read` returns. */
  after: string | null;
  /** Close once this event is sent (a call's terminal event). */
  endsWith?: (row: EventRow) => boolean;
  /** Close after the first read (the call had already ended when the stream was asked for). */
  endAfterReplay?: boolean;
  /** A read failed: the feed has ended. */
  onError?: (error: unknown) => void;
}

export class EventFeed {
  readonly #source: EventFeedSource;
  readonly #options: EventFeedOptions;
  #cursor: string | null;
  #sink: EventSink | undefined;
  #unwatch: (() => void) | undefined;
  #reading = false;
  #stale = false;
  #stopped = false;

  constructor(source: EventFeedSource, options: EventFeedOptions) {
    this.#source = source;
    this.#options = options;
    this.#cursor = options.after;
  }

  /** The id of the last event sent (or the starting point). */
  get cursor(): string | null {
    return this.#cursor;
  }

  start(sink: EventSink): void {
    this.#sink = sink;
    // Watch first, then read: a change committed after the read began wakes a second read.
    this.#unwatch = this.#source.watch(() => this.wake());
    this.wake();
  }

  /** Reads again (also called on a timer, for changes committed by another process). */
  wake(): void {
    if (this.#stopped || !this.#sink) return;
    this.#stale = true;
    if (this.#reading) return;
    const sink = this.#sink;
    this.#reading = true;
    // A microtask, not now: a wake comes from inside a store's announcement of its commit, which
    // a failing read must not break, and several wakes in one turn make one read.
    if (this.#source.readNow) queueMicrotask(() => this.#readNowThenRest(sink));
    else void this.#readUntilCurrent(sink);
  }

  stop(): void {
    this.#stopped = true;
    this.#unwatch?.();
  }

  #readNowThenRest(sink: EventSink): void {
    // Synchronous from here: no wake can come in between, and this read covers every wake since
    // the microtask was queued.
    this.#reading = false;
    this.#stale = false;
    if (this.#stopped) return;
    let rows: EventRow[];
    try {
      rows = (this.#source.readNow as NonNullable<EventFeedSource['readNow']>)(this.#cursor, READ_BATCH);
    } catch (error) {
      this.#end(sink);
      this.#options.onError?.(error);
      return;
    }
    if (this.#sendAll(sink, rows)) return;
    if (rows.length === READ_BATCH) {
      // A backlog longer than one read goes on through `read`, a page per turn.
      this.#stale = true;
      void this.#readUntilCurrent(sink);
    } else if (this.#options.endAfterReplay) this.#end(sink);
  }

  /** @returns true when the feed ended (stopped, or its last event sent) */
  #sendAll(sink: EventSink, rows: readonly EventRow[]): boolean {
    for (const row of rows) {
      if (this.#stopped) return true;
      sink.send(toEventResource(row));
      this.#cursor = row.id;
      if (this.#options.endsWith?.(row)) {
        this.#end(sink);
        return true;
      }
    }
    return false;
  }

  async #readUntilCurrent(sink: EventSink): Promise<void> {
    this.#reading = true;
    try {
      while (this.#stale && !this.#stopped) {
        this.#stale = false;
        const rows = await this.#source.read(this.#cursor, READ_BATCH);
        if (this.#sendAll(sink, rows)) return;
        if (rows.length === READ_BATCH) this.#stale = true;
        // Caught up with a call that had ended before the stream began: nothing more can come.
        else if (this.#options.endAfterReplay) return this.#end(sink);
      }
    } catch (error) {
      this.#end(sink);
      this.#options.onError?.(error);
    } finally {
      this.#reading = false;
    }
  }

  #end(sink: EventSink): void {
    if (this.#stopped) return;
    this.stop();
    sink.end();
  }
}
