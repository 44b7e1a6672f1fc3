/**
 * @module
 * The mock's events, as the server writes them in the change's own transaction: one per status
 * change of a call after its creation (`initiated` never has one), and one per change of a
 * batch (`batch.started`, `paused`, `resumed`, `completed`, `cancelled`). Ids come from the
 * mock's monotonic ULID factory, so they increase in recording order; `sequence` counts each
 * call's (or batch's) events from 1 without gaps. Live streams, webhooks and the batch runner
 * subscribe here.
 */
import type { components } from '@outdial/contract';
import { toBatch } from './batch-view';
import type { IdGenerator } from './id-generator';
import type { StoredBatch, StoredCall } from './mock-types';

/** An event, as the API returns it: a call's or a batch's. */
export type Event = components['schemas']['Event'];
export type CallEvent = components['schemas']['CallEvent'];
export type BatchEvent = components['schemas']['BatchEvent'];

/** Whether the event is a call's status change (`data` is a Call) rather than a batch's change. */
export const isCallEvent = (event: Event): event is CallEvent => event.type.startsWith('call.');

/** A recorded event and its owner. */
export type StoredEvent = { event: Event; organizationId: string };

type Listener = (stored: StoredEvent) => void;

/**
 * Every event of every organization, in recording (= id) order.
 *
 * @example
 * const log = new EventLog(ids, () => new Date());
 * log.record(stored); // the call's new status, as an event
 * log.recordBatch(batch, 'batch.paused');
 */
export class EventLog {
  readonly #events: StoredEvent[] = [];
  readonly #byId = new Map<string, StoredEvent>();
  /** Per call or batch id (their prefixes differ), its last sequence. */
  readonly #sequences = new Map<string, number>();
  readonly #listeners = new Set<Listener>();
  /** Recorded but not yet told to every listener: see #publish. */
  readonly #undelivered: StoredEvent[] = [];
  #delivering = false;
  #beforeCallEvent: ((stored: StoredCall) => void) | undefined;

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => Date,
  ) {}

  /**
   * Runs `hook` before each call event is recorded: what the server writes first in the same
   * transaction (a batch's `batch.started`, ahead of its first due call's event).
   */
  beforeCallEvent(hook: (stored: StoredCall) => void): void {
    this.#beforeCallEvent = hook;
  }

  /** Records the call's current status as its next event, and tells the live streams. */
  record(stored: StoredCall): void {
    const { call, organizationId } = stored;
    if (call.status === 'initiated') return;
    this.#beforeCallEvent?.(stored);
    const { updatedAt, ...rest } = call;
    const at = this.now();
    const event: CallEvent = {
      id: this.ids.eventId(at.getTime()),
      type: `call.${call.status}`,
      timestamp: at.toISOString(),
      sequence: this.#nextSequence(call.id),
      // The call as getCall returns it now, but with no queue position (it changes with every dial).
      data: { ...structuredClone(rest), queuePosition: null, updatedAt },
    };
    this.#publish({ event, organizationId });
  }

  /** Records a change of the batch, its data the batch as getBatch returns it now (counters included). */
  recordBatch(stored: StoredBatch, type: BatchEvent['type']): void {
    const at = this.now();
    const event: BatchEvent = {
      id: this.ids.eventId(at.getTime()),
      type,
      timestamp: at.toISOString(),
      sequence: this.#nextSequence(stored.batch.id),
      data: toBatch(stored),
    };
    this.#publish({ event, organizationId: stored.organizationId });
  }

  /** Every event, oldest first. */
  all(): readonly StoredEvent[] {
    return this.#events;
  }

  /** The event with this id, if it is the organization's. */
  find(organizationId: string, id: string): StoredEvent | undefined {
    const found = this.#byId.get(id);
    return found?.organizationId === organizationId ? found : undefined;
  }

  /** Calls `listener` with every event recorded from now on, until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets every event (on `reset()`; open streams are ended separately). */
  clear(): void {
    this.#events.length = 0;
    this.#byId.clear();
    this.#sequences.clear();
  }

  #nextSequence(id: string): number {
    const sequence = (this.#sequences.get(id) ?? 0) + 1;
    this.#sequences.set(id, sequence);
    return sequence;
  }

  /**
   * Stores the event and tells every listener, in id order: an event a listener records (the
   * batch runner's `batch.completed` for the call event it is told of) waits until every
   * listener has had the event before it, so no stream or webhook sees them out of order.
   */
  #publish(entry: StoredEvent): void {
    this.#events.push(entry);
    this.#byId.set(entry.event.id, entry);
    this.#undelivered.push(entry);
    if (this.#delivering) return;
    this.#delivering = true;
    try {
      for (let next = this.#undelivered.shift(); next; next = this.#undelivered.shift()) {
        for (const listener of [...this.#listeners]) listener(next);
      }
    } finally {
      this.#delivering = false;
    }
  }
}
