/**
 * @module
 * What holds a queued call back from its dial, as on the server: its batch is paused, its batch
 * has `maxConcurrentCalls` live calls, or its organization has the mock's `maxConcurrentCalls`
 * (the server's `OUTDIAL_MAX_CONCURRENT_CALLS`). A held call waits without a timer; it is woken
 * when its batch resumes or a live call it waits on ends.
 */
import { isTerminalStatus } from '@outdial/contract';
import type { CallProgression } from './call-progression';
import type { StoredEvent } from './event-log';
import type { MockState } from './mock-state';
import type { StoredBatch, StoredCall } from './mock-types';

const LIVE = new Set(['connecting', 'ringing', 'active']);

function liveAmong(calls: Iterable<StoredCall>, organizationId?: string): number {
  let live = 0;
  for (const { call, organizationId: owner } of calls) {
    if (LIVE.has(call.status) && (organizationId === undefined || owner === organizationId)) live += 1;
  }
  return live;
}

/**
 * The holds of one mock.
 *
 * @example
 * const holds = new DialHolds({ state, progression: () => progression, organizationLimit: 5 });
 * holds.holdsBack(stored); // true while 5 of its organization's calls are live
 */
export class DialHolds {
  constructor(
    private readonly deps: {
      state: MockState;
      /** The progression is built with `holdsBack`, so it is reached lazily. */
      progression: () => CallProgression;
      /** Live calls per organization; undefined: no limit. */
      organizationLimit: number | undefined;
    },
  ) {}

  /** Whether a queued call must wait before its dial. */
  holdsBack(stored: StoredCall): boolean {
    const { state, organizationLimit } = this.deps;
    const batch = this.#batchOf(stored);
    if (batch?.paused) return true;
    const batchLimit = batch?.batch.maxConcurrentCalls ?? null;
    if (batch && batchLimit !== null && liveAmong(batch.contacts) >= batchLimit) return true;
    return (
      organizationLimit !== undefined &&
      liveAmong(state.calls.values(), stored.organizationId) >= organizationLimit
    );
  }

  /** A status change: a call that ended frees a slot of its batch and of its organization. */
  eventRecorded({ event, organizationId }: StoredEvent): void {
    if (!isTerminalStatus(event.data.status)) return;
    const stored = this.deps.state.calls.get(event.data.id);
    const batch = stored && this.#batchOf(stored);
    if (this.deps.organizationLimit !== undefined) {
      for (const other of this.deps.state.calls.values())
        if (other.organizationId === organizationId) this.#wake(other);
    } else if (batch) this.wakeBatch(batch);
  }

  /** Lets the batch's queued calls try their dial again (after a resume, or a freed slot). */
  wakeBatch(batch: StoredBatch): void {
    for (const contact of batch.contacts) this.#wake(contact);
  }

  #wake(stored: StoredCall): void {
    if (stored.call.status === 'queued') this.deps.progression().wake(stored);
  }

  #batchOf(stored: StoredCall): StoredBatch | undefined {
    const id = stored.call.batchId;
    return id === null ? undefined : this.deps.state.batches.get(id);
  }
}
