/**
 * @module
 * How a batch's calls go on after they end, as on the server: a call ending in one of `retry.on`
 * with attempts left gets a successor (`attempt + 1`, `retryOf`) `delaySeconds` after its end,
 * inside the window; a batch whose contacts have all reached a final result is completed. It
 * learns of every status change from the event log, after the webhooks have, and records the
 * batch's own events: `batch.started` (ahead of its first due call's event, as the server writes
 * it in that call's transaction) and `batch.completed`. (What holds a call back from its dial is
 * `DialHolds`; pause, resume and cancel record theirs in batch-operations.ts.)
 */
import { callSchedule, isTerminalStatus } from '@outdial/contract';
import { isSettled } from './batch-view';
import type { CallProgression } from './call-progression';
import { type EventLog, isCallEvent, type StoredEvent } from './event-log';
import type { IdGenerator } from './id-generator';
import type { MockState } from './mock-state';
import type { StoredBatch, StoredCall } from './mock-types';
import { newCall } from './new-call';
import { EXPIRED_FAILURE_REASON } from './scheduled-call';

/**
 * Runs the batches of one mock.
 *
 * @example
 * const runner = new BatchRunner({ state, ids, now, progression, events });
 * events.subscribe((event) => runner.eventRecorded(event));
 * events.beforeCallEvent((call) => runner.startIfFirstDue(call));
 */
export class BatchRunner {
  constructor(
    private readonly deps: {
      state: MockState;
      ids: IdGenerator;
      now: () => Date;
      progression: CallProgression;
      events: Pick<EventLog, 'recordBatch'>;
    },
  ) {}

  /** A status change of some call: a batch call that ended may earn a retry, and may complete its batch. */
  eventRecorded({ event }: StoredEvent): void {
    if (!isCallEvent(event)) return;
    const stored = this.deps.state.calls.get(event.data.id);
    const batch = stored && this.#batchOf(stored);
    if (!stored || !batch) return;
    batch.updatedAt = event.timestamp;
    if (!isTerminalStatus(stored.call.status)) return;
    if (this.#earnsRetry(batch, stored)) this.#retry(batch, stored);
    if (batch.completedAt === null && isSettled(batch)) {
      batch.completedAt = event.timestamp;
      this.deps.events.recordBatch(batch, 'batch.completed');
    }
  }

  /**
   * Before a call's event: when it is the first of its batch to become due (leaving `scheduled`
   * for anything but `cancelled`), the batch starts, and `batch.started` goes first. A paused
   * batch starts only when it is resumed (startIfDue).
   */
  startIfFirstDue(stored: StoredCall): void {
    const batch = this.#batchOf(stored);
    const { status } = stored.call;
    if (!batch || batch.started || batch.paused || status === 'scheduled' || status === 'cancelled') return;
    this.#start(batch);
  }

  /** A batch just resumed: it starts now if it never has and some of its calls fell due while it was paused. */
  startIfDue(batch: StoredBatch): void {
    if (batch.started || batch.paused) return;
    if (batch.contacts.some(({ call }) => call.status !== 'scheduled' && call.status !== 'cancelled'))
      this.#start(batch);
  }

  /**
   * A new batch's calls, recorded, then started: a batch created with calls due now starts as it
   * is created, its `batch.started` (counting every contact) ahead of its calls' first events.
   */
  begin(batch: StoredBatch, calls: readonly ReturnType<typeof newCall>[]): void {
    const added = calls.map((call, index) => this.#add(batch, index, call));
    if (added.some(({ call }) => call.status !== 'scheduled')) this.#start(batch);
    for (const stored of added) this.deps.progression.started(stored);
  }

  /** Records and starts a new call of `batch` for contact `index` (a retry). */
  place(batch: StoredBatch, index: number, call: ReturnType<typeof newCall>): StoredCall {
    const stored = this.#add(batch, index, call);
    this.deps.progression.started(stored);
    return stored;
  }

  #add(batch: StoredBatch, index: number, call: ReturnType<typeof newCall>): StoredCall {
    const { state } = this.deps;
    const stored: StoredCall = { call, organizationId: batch.organizationId, sequence: state.nextSequence() };
    if (call.status === 'queued') state.enterQueue(stored);
    state.calls.set(call.id, stored);
    batch.contacts[index] = stored;
    return stored;
  }

  #start(batch: StoredBatch): void {
    batch.started = true;
    this.deps.events.recordBatch(batch, 'batch.started');
  }

  #batchOf(stored: StoredCall): StoredBatch | undefined {
    const id = stored.call.batchId;
    return id === null ? undefined : this.deps.state.batches.get(id);
  }

  #earnsRetry(batch: StoredBatch, stored: StoredCall): boolean {
    const { retry } = batch.batch;
    const { call } = stored;
    return (
      retry !== null &&
      !batch.cancelled &&
      call.attempt < retry.maxAttempts &&
      (retry.on as string[]).includes(call.status) &&
      // Its latestAt has passed: another attempt could only expire too.
      call.failureReason !== EXPIRED_FAILURE_REASON &&
      batch.contacts.includes(stored)
    );
  }

  #retry(batch: StoredBatch, previous: StoredCall): void {
    const { call } = previous;
    const now = this.deps.now();
    const endedAt = Date.parse(call.endedAt ?? now.toISOString());
    const dueAt = new Date(endedAt + (batch.batch.retry?.delaySeconds ?? 0) * 1000).toISOString();
    const schedule = callSchedule({ scheduledAt: dueAt }, call.callingWindow, now);
    const agent = this.deps.state.agents.get(call.agentId)?.agent;
    if (!agent) return; // The agent was deleted meanwhile: no one can place the retry.
    const nowIso = now.toISOString();
    const successor = newCall({
      id: this.deps.ids.callId(now.getTime()),
      status: schedule.scheduled ? 'scheduled' : 'queued',
      now: nowIso,
      agent,
      phoneNumber: call.phoneNumber,
      callerId: call.callerId,
      metadata: structuredClone(call.metadata),
      priority: call.priority,
      ringTimeoutSeconds: call.ringTimeoutSeconds,
      maxDurationSeconds: call.maxDurationSeconds ?? undefined,
      variables: structuredClone(call.variables),
      webhookUrl: call.webhookUrl,
      scheduledAt: schedule.scheduled ? schedule.dueAt.toISOString() : null,
      latestAt: call.latestAt,
      callingWindow: call.callingWindow,
      batchId: batch.batch.id,
      attempt: call.attempt + 1,
      retryOf: call.id,
    });
    this.place(batch, batch.contacts.indexOf(previous), successor);
  }
}
