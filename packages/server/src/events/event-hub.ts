/**
 * @module
 * Wakes the open event streams of this process when a status change of theirs (or a batch event
 * of their organization) commits. It only says "look again": what a stream sends it reads from the
 * store after its own cursor, so a wake that comes early, late or twice can neither lose an event
 * nor repeat one.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { CallStore } from '../ports/call-store';
import { BATCH_EVENT_CHANNEL, type BatchEventMessage } from '../store/batch-changes';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';

/** What a stream watches: one organization's events, or one call's. */
export type EventScope = { organizationId: string } | { callId: string };

export class EventHub {
  readonly #calls: CallStore;
  readonly #watchers = new Map<string, Set<() => void>>();
  readonly #onTransition = (message: unknown) => {
    const { calls, call } = message as CallTransitionMessage;
    // The channel is process-wide; other servers in this process have their own stores.
    if (calls !== this.#calls) return;
    this.#wake(`org:${call.organization_id}`);
    this.#wake(`call:${call.id}`);
  };
  readonly #onBatchEvent = (message: unknown) => {
    const { calls, organizationId } = message as BatchEventMessage;
    if (calls === this.#calls) this.#wake(`org:${organizationId}`);
  };

  /** @param calls the store whose committed transitions (and batch events) wake the streams */
  constructor(calls: CallStore) {
    this.#calls = calls;
  }

  start(): void {
    subscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    subscribe(BATCH_EVENT_CHANNEL, this.#onBatchEvent);
  }

  stop(): void {
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    unsubscribe(BATCH_EVENT_CHANNEL, this.#onBatchEvent);
  }

  /** Wakes the streams of an organization (and of one of its calls): another replica committed a change. */
  wakeFor(organizationId: string, callId?: string): void {
    this.#wake(`org:${organizationId}`);
    if (callId !== undefined) this.#wake(`call:${callId}`);
  }

  /** Wakes every stream: changes may have been missed (a lost connection to the other replicas). */
  wakeAll(): void {
    for (const key of [...this.#watchers.keys()]) this.#wake(key);
  }

  /** Calls `wake` after each committed change in `scope`. @returns the unwatch function */
  watch(scope: EventScope, wake: () => void): () => void {
    const key = 'callId' in scope ? `call:${scope.callId}` : `org:${scope.organizationId}`;
    const watchers = this.#watchers.get(key) ?? new Set<() => void>();
    this.#watchers.set(key, watchers);
    watchers.add(wake);
    return () => {
      watchers.delete(wake);
      if (watchers.size === 0 && this.#watchers.get(key) === watchers) this.#watchers.delete(key);
    };
  }

  #wake(key: string): void {
    const watchers = this.#watchers.get(key);
    if (watchers) for (const wake of [...watchers]) wake();
  }
}
