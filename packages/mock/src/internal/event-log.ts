/**
 * @module
 * The mock's events: one per status change of a call after its creation (`initiated` never has
 * one), recorded as the change happens, as the server writes them in the status change's own
 * transaction. Ids come from the mock's monotonic ULID factory, so they increase in recording
 * order; `sequence` counts each call's events from 1 without gaps. Live streams subscribe here.
 */
import type { components } from '@outdial/contract';
import type { IdGenerator } from './id-generator';
import type { StoredCall } from './mock-types';

/** An event, as the API returns it. */
export type Event = components['schemas']['Event'];

/** A recorded event and its owner. */
export type StoredEvent = { event: Event; organizationId: string };

type Listener = (stored: StoredEvent) => void;

/**
 * Every event of every organization, in recording (= id) order.
 *
 * @example
 * const log = new EventLog(ids, () => new Date());
 * log.record(stored); // the call's new status, as an event
 */
export class EventLog {
  readonly #events: StoredEvent[] = [];
  readonly #byId = new Map<string, StoredEvent>();
  readonly #sequences = new Map<string, number>();
  readonly #listeners = new Set<Listener>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => Date,
  ) {}

  /** Records the call's current status as its next event, and tells the live streams. */
  record(stored: StoredCall): void {
    const { call, organizationId } = stored;
    if (call.status === 'initiated') return;
    const sequence = (this.#sequences.get(call.id) ?? 0) + 1;
    this.#sequences.set(call.id, sequence);
    const { updatedAt, ...rest } = call;
    const at = this.now();
    const event: Event = {
      id: this.ids.eventId(at.getTime()),
      type: `call.${call.status}` as Event['type'],
      timestamp: at.toISOString(),
      sequence,
      // The call as getCall returns it now, but with no queue position (it changes with every dial).
      data: { ...structuredClone(rest), queuePosition: null, updatedAt },
    };
    const entry = { event, organizationId };
    this.#events.push(entry);
    this.#byId.set(event.id, entry);
    for (const listener of [...this.#listeners]) listener(entry);
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
}
