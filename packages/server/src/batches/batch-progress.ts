/**
 * @module
 * What happens when a batch call ends: a retry (the next attempt at the contact, `retry_of` the
 * call that ended, scheduled `delaySeconds` later inside the window) when the batch asks for one
 * and attempts are left, and the batch's completion once none of its calls is left to finish.
 * It follows the committed status changes (store/call-transitions.ts); at start it makes the
 * retries a crash left unmade, so a retry is never lost.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { type CallingWindow, callSchedule, isTerminalStatus } from '@outdial/contract';
import type { Logger } from 'pino';
import type { BatchRow, BatchStore } from '../ports/batch-store';
import type { CallRow, CallStatus, CallStore } from '../ports/call-store';
import type { Clock } from '../ports/clock';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';
import { newCallId } from '../store/ids';
import type { BatchQueue } from './batch-queue';

export interface BatchProgressDeps {
  calls: CallStore;
  batches: BatchStore;
  queue: Pick<BatchQueue, 'notifyQueued'>;
  clock: Clock;
  logger: Logger;
}

interface BatchRetry {
  maxAttempts: number;
  on: CallStatus[];
  delaySeconds: number;
}

const RETRYABLE: CallStatus[] = ['busy', 'no_answer', 'failed'];

/**
 * @example
 * ```ts
 * const progress = new BatchProgress({ calls, batches, queue: dialQueue, clock, logger });
 * await progress.start(); // retries left unmade by a crash, then follows every batch call's end
 * ```
 */
export class BatchProgress {
  readonly #deps: BatchProgressDeps;
  readonly #log: Logger;
  /** One task at a time, in commit order of the ends that made them. */
  #work: Promise<void> = Promise.resolve();
  #running = false;
  /** Batches whose completion check is queued in `#work`: a burst of ends (a cancel) checks once. */
  readonly #completionQueued = new Set<string>();
  /**
   * Per batch, the calls that ended with a retry maybe owed and not yet made: counted as the end
   * is published (synchronously, right after its commit), so no completion check runs while one
   * is pending and finds the batch finished only because the successor does not exist yet.
   */
  readonly #retriesPending = new Map<string, number>();
  readonly #onTransition = (message: unknown): void => {
    const { calls, to, call } = message as CallTransitionMessage;
    const batchId = call.batch_id;
    if (calls !== this.#deps.calls || !batchId || !isTerminalStatus(to)) return;
    if (RETRYABLE.includes(to)) {
      this.#retriesPending.set(batchId, (this.#retriesPending.get(batchId) ?? 0) + 1);
      this.#enqueue(call.id, async () => {
        try {
          await this.#retryIfDue(call);
        } finally {
          const left = (this.#retriesPending.get(batchId) ?? 1) - 1;
          if (left > 0) this.#retriesPending.set(batchId, left);
          else this.#retriesPending.delete(batchId);
        }
        await this.#completeIfFinished(batchId);
      });
      return;
    }
    if (this.#completionQueued.has(batchId)) return;
    this.#completionQueued.add(batchId);
    this.#enqueue(call.id, () => {
      this.#completionQueued.delete(batchId);
      return this.#completeIfFinished(batchId);
    });
  };

  constructor(deps: BatchProgressDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'batch-progress' });
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    subscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    for (const call of await this.#deps.batches.endedWithoutSuccessor(RETRYABLE)) {
      await this.#retryIfDue(call);
      await this.#completeIfFinished(call.batch_id as string);
    }
  }

  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    await this.#work;
  }

  #enqueue(callId: string, task: () => Promise<void>): void {
    this.#work = this.#work.then(() =>
      task().catch((error: unknown) =>
        this.#log.error({ err: error, callId }, 'could not follow up a batch call'),
      ),
    );
  }

  async #retryIfDue(call: CallRow): Promise<void> {
    const batch = await this.#deps.batches.find(call.batch_id as string);
    if (batch && (batch.status === 'active' || batch.status === 'paused')) await this.#retry(batch, call);
  }

  async #completeIfFinished(batchId: string): Promise<void> {
    // The last of those pending checks again once its retry is made.
    if (this.#retriesPending.has(batchId)) return;
    const completed = await this.#deps.batches.completeIfFinished(batchId, this.#deps.clock.now());
    if (completed) this.#log.info({ batchId }, 'batch completed');
  }

  /** The successor, if the batch retries this outcome and attempts are left. */
  async #retry(batch: BatchRow, ended: CallRow): Promise<void> {
    const retry = batch.retry ? (JSON.parse(batch.retry) as BatchRetry) : null;
    const attempt = ended.attempt ?? 1;
    // An expired call would expire again: its latest time has passed.
    if (!retry?.on.includes(ended.status) || ended.failure_reason === 'expired') return;
    if (attempt >= retry.maxAttempts) return;
    const now = this.#deps.clock.now();
    const endedAt = ended.ended_at ? Date.parse(ended.ended_at) : now.getTime();
    const window = ended.calling_window ? (JSON.parse(ended.calling_window) as CallingWindow) : null;
    const schedule = callSchedule(
      { scheduledAt: new Date(endedAt + retry.delaySeconds * 1000).toISOString() },
      window,
      now,
    );
    const at = now.toISOString();
    const details = { reason: 'retry', retryOf: ended.id, attempt: attempt + 1 };
    // One transaction, as an API create: a retry is never left `initiated` by a crash (which a
    // starting replica would take for its own and fail while another replica is still making it).
    let retried: CallRow;
    try {
      retried = await this.#deps.calls.create(
        {
          id: newCallId(),
          organization_id: ended.organization_id,
          agent_id: ended.agent_id,
          agent_name: ended.agent_name,
          agent_type: ended.agent_type,
          phone_number: ended.phone_number,
          caller_id: ended.caller_id,
          priority: ended.priority,
          ring_timeout_seconds: ended.ring_timeout_seconds,
          max_duration_seconds: ended.max_duration_seconds,
          metadata: ended.metadata,
          variables: ended.variables,
          room_id: null,
          job_id: null,
          sip_participant_id: null,
          failure_reason: null,
          summary: null,
          started_at: at,
          answered_at: null,
          ended_at: null,
          duration: null,
          webhook_url: ended.webhook_url ?? null,
          scheduled_at: null,
          latest_at: ended.latest_at ?? null,
          calling_window: ended.calling_window ?? null,
          batch_id: ended.batch_id ?? null,
          attempt: attempt + 1,
          retry_of: ended.id,
          updated_at: at,
        },
        schedule.scheduled
          ? { to: 'scheduled', patch: { scheduled_at: schedule.dueAt.toISOString() }, details }
          : { to: 'queued', details },
      );
    } catch (error) {
      // `retry_of` is unique: a successor exists already (the start-up sweep raced a live end).
      this.#log.debug({ err: error, callId: ended.id }, 'retry not made: it exists');
      return;
    }
    if (retried.status === 'queued') this.#deps.queue.notifyQueued(retried);
  }
}
