/**
 * @module
 * One live event stream per signed-in tab (`outdial.events.stream`, SSE), shared by every view
 * that wants to follow calls: the SDK resumes a dropped connection with `Last-Event-ID`. Only
 * call events reach the views (the batch pages re-read their batch on a timer instead).
 */
import type { CallEvent, Outdial, OutdialEvent } from '@outdial/sdk';
import { useEffect } from 'preact/hooks';

export type EventListener = (event: CallEvent) => void;

export class LiveEvents {
  readonly #listeners = new Set<EventListener>();
  readonly #controller = new AbortController();

  constructor(outdial: Outdial, onFailure: (error: unknown) => void) {
    void this.#follow(outdial).catch((error) => {
      if (!this.#controller.signal.aborted) onFailure(error);
    });
  }

  async #follow(outdial: Outdial): Promise<void> {
    for await (const event of outdial.events.stream({ signal: this.#controller.signal })) {
      if (!isCallEvent(event)) continue;
      for (const listener of this.#listeners) listener(event);
    }
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#controller.abort();
  }
}

const isCallEvent = (event: OutdialEvent): event is CallEvent => event.type.startsWith('call.');

/** Calls `listener` with every live call event while the component is mounted. */
export function useLiveEvents(live: LiveEvents, listener: EventListener, deps: unknown[]): void {
  useEffect(() => live.subscribe(listener), [live, ...deps]);
}
