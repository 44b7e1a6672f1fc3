/**
 * @module
 * The Dial queue: dials queued calls in priority order, CPS-paced, at most once each, with
 * SQLite as the source of truth.
 */
import type { Kysely } from 'kysely';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import { transitionCall } from '../store/call-transitions';
import type { CallRow, Database } from '../store/schema';
import { roomNameForCall } from './call-room';
import { DialLookAhead } from './dial-look-ahead';
import { DialPacer, type DialStart } from './dial-pacer';
import type { Dialer, DialOutcome } from './dialer';
import { LiveCallTracker } from './live-call-tracker';
import { type MonotonicClock, systemClock } from './monotonic-clock';
import { placeCallRequestFor } from './place-call-request';
import { QueuedCallWindow } from './queued-call-window';

export interface DialQueueDeps {
  db: Kysely<Database>;
  /** Null when LiveKit is not configured: the queue then never dials. */
  dialer: Dialer | null;
  logger: Logger;
  /** DIAL_CPS: at most this many dial starts (SIP INVITEs) in any 1-second window. */
  cps: number;
  /** DIAL_MAX_IN_FLIGHT: at most this many dials between claim and answer/failure. */
  maxInFlight: number;
  /** See DialPacer: extra ms every window of `cps` starts must span. Default 15 (98.5% of budget). */
  guardBandMs?: number;
  /** How many queued calls are held in memory at most (about; urgent arrivals may add some). */
  windowSize?: number;
  /** How often answered and interrupted calls are checked against LiveKit (lost webhooks). */
  trackIntervalMs?: number;
  clock?: MonotonicClock;
}

/** Raised inside a dial that was cancelled before its INVITE: nothing was dialed. */
class DialAbandoned extends Error {}

/**
 * Two p-queues: `#starts` takes calls from the window in (priority, seq) order and holds each
 * until its INVITE is sent; its concurrency is the look-ahead, the number of calls that may be
 * claimed and prepared (room, agent) ahead of their pacing slot. It follows the measured
 * preparation time (`DialLookAhead`): just enough to keep every slot used, so an urgent call waits
 * behind as few already-claimed calls as possible.
 * `#inFlight` bounds dials from claim to answer/failure (DIAL_MAX_IN_FLIGHT).
 *
 * @example
 * ```ts
 * const queue = new DialQueue({ db, dialer, logger, cps: 10, maxInFlight: 50 });
 * await queue.start();
 * queue.notifyQueued({ id: call.id, priority: call.priority, seq: call.seq });
 * ```
 */
export class DialQueue {
  readonly #deps: DialQueueDeps;
  readonly #log: Logger;
  readonly #pacer: DialPacer;
  readonly #lookAhead: DialLookAhead;
  readonly #starts: PQueue;
  readonly #inFlight: PQueue;
  readonly #window: QueuedCallWindow;
  readonly #tracker: LiveCallTracker | undefined;
  /** Calls taken from the window whose dial has not finished: never admitted again. */
  readonly #taken = new Set<string>();
  /** Live dials by call id, aborted by a cancel so they stop before the INVITE. */
  readonly #liveDials = new Map<string, AbortController>();
  readonly #dialsSettled = new Set<Promise<void>>();
  #running = false;

  constructor(deps: DialQueueDeps) {
    if (!(Number.isInteger(deps.maxInFlight) && deps.maxInFlight > 0)) {
      throw new RangeError(`maxInFlight must be a positive integer, got ${deps.maxInFlight}`);
    }
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'dial-queue' });
    this.#pacer = new DialPacer({
      cps: deps.cps,
      ...(deps.guardBandMs === undefined ? {} : { guardBandMs: deps.guardBandMs }),
      ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    });
    this.#lookAhead = new DialLookAhead({ cps: deps.cps, max: deps.maxInFlight });
    this.#starts = new PQueue({ concurrency: this.#lookAhead.size });
    this.#inFlight = new PQueue({ concurrency: deps.maxInFlight });
    this.#window = new QueuedCallWindow({
      db: deps.db,
      logger: this.#log,
      size: deps.windowSize ?? 1000,
      isTaken: (id) => this.#taken.has(id),
      enqueue: (call, signal) => this.#enqueue(call, signal),
    });
    this.#tracker = deps.dialer
      ? new LiveCallTracker({
          db: deps.db,
          dialer: deps.dialer,
          logger: this.#log,
          intervalMs: deps.trackIntervalMs ?? 10_000,
        })
      : undefined;
  }

  get running(): boolean {
    return this.#running;
  }

  /**
   * Reconciles interrupted dials, then loads the queued backlog and starts dialing. Without a
   * dialer (LiveKit not configured) it does nothing and `running` stays false.
   */
  async start(): Promise<void> {
    if (this.#running) return;
    if (!this.#deps.dialer || !this.#tracker) {
      this.#log.warn('LiveKit is not configured: the Dial queue will not dial');
      return;
    }
    await this.#reconcileInterruptedDials(this.#tracker);
    this.#tracker.start();
    this.#running = true;
    this.#window.open();
    await this.#window.refill();
  }

  /** Called after a queued call is committed. */
  notifyQueued(call: { id: string; priority: number; seq: number }): void {
    if (!this.#running) return; // start() loads it from the database.
    this.#window.admit(call);
  }

  /** Called after a cancel is committed; `before` is the call as it was before the cancel. */
  async onCallCancelled(before: CallRow): Promise<void> {
    if (before.status === 'queued' || before.status === 'initiated') {
      this.#window.remove(before.id);
      return;
    }
    if (!['connecting', 'ringing', 'active'].includes(before.status)) return;
    this.#liveDials.get(before.id)?.abort();
    await this.#deleteRoom(before.id, 'cancelled');
  }

  /** Stops starting dials and waits for in-flight ones to settle. Queued calls stay queued. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#window.close();
    await this.#starts.onIdle();
    while (this.#dialsSettled.size > 0) await Promise.allSettled([...this.#dialsSettled]);
    await this.#tracker?.stop();
  }

  /** Calls found connecting/ringing/active at start-up are tracked; dials are never repeated. */
  async #reconcileInterruptedDials(tracker: LiveCallTracker): Promise<void> {
    const rows = await this.#deps.db
      .selectFrom('calls')
      .select(['id', 'status'])
      .where('status', 'in', ['connecting', 'ringing', 'active'])
      .execute();
    for (const row of rows) tracker.track(row.id);
    if (rows.length > 0)
      this.#log.info({ calls: rows.length }, 'reconciling calls left live by a previous run');
    await tracker.sweep();
  }

  /** Puts a call from the window on the start line, in (priority, seq) order. */
  #enqueue(call: { id: string; priority: number; seq: number }, signal: AbortSignal): void {
    // p-queue starts higher numbers first; ours are 0 = most urgent, FIFO by seq within one.
    const order = -(Math.min(Math.max(call.priority, 0), 1000) * 2 ** 40 + call.seq);
    this.#starts
      .add(
        async () => {
          this.#window.taken(call.id);
          this.#taken.add(call.id);
          await this.#startDial(call.id);
        },
        { priority: order, signal },
      )
      .catch((error: unknown) => {
        if (!signal.aborted) this.#log.error({ err: error, callId: call.id }, 'dial start failed');
      });
  }

  /** Resolves once the call's INVITE is sent (or its dial ended or never began). */
  #startDial(callId: string): Promise<void> {
    return new Promise<void>((inviteSent) => {
      const settled = this.#inFlight
        .add(() => this.#dial(callId, inviteSent))
        .catch((error: unknown) => this.#log.error({ err: error, callId }, 'dial crashed'))
        .finally(() => {
          inviteSent();
          this.#taken.delete(callId);
          this.#dialsSettled.delete(settled);
        });
      this.#dialsSettled.add(settled);
    });
  }

  async #dial(callId: string, inviteSent: () => void): Promise<void> {
    const { db } = this.#deps;
    const dialer = this.#deps.dialer as Dialer;
    if (!this.#running) return;
    // The claim commits before any LiveKit side effect: whatever happens next, this call is never
    // dialed again (a restart finds it connecting and reconciles instead).
    const call = await transitionCall(db, callId, 'connecting', {
      from: ['queued'],
      details: { source: 'dial_queue' },
    });
    if (!call) return; // Cancelled, or dialed already.
    const abort = new AbortController();
    this.#liveDials.set(callId, abort);
    const clock = this.#deps.clock ?? systemClock;
    const claimedAt = clock.now();
    let start: DialStart | undefined;
    try {
      const request = await placeCallRequestFor(db, call);
      const outcome = await dialer.placeCall(request, {
        beforeDialStart: async () => {
          if (abort.signal.aborted) throw new DialAbandoned();
          this.#starts.concurrency = this.#lookAhead.record(clock.now() - claimedAt);
          start = await this.#pacer.acquire();
          if (abort.signal.aborted) throw new DialAbandoned();
          inviteSent();
        },
        onDialSent: () => start?.sent(),
        onRoomCreated: (roomId) => this.#writeCallIds(callId, { room_id: roomId }),
        onAgentDispatched: (jobId) => this.#writeCallIds(callId, { job_id: jobId }),
      });
      await this.#applyOutcome(callId, outcome);
    } catch (error) {
      if (error instanceof DialAbandoned) {
        // Cancelled while preparing: the room may have been created after the cancel deleted it.
        await this.#deleteRoom(callId, 'cancelled before dialing');
        return;
      }
      await this.#applyOutcome(callId, {
        status: 'failed',
        failureReason: `Dial error: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      // A granted slot always counts (abandoned ones from now): the pacer waits for this.
      start?.sent();
      this.#liveDials.delete(callId);
    }
  }

  async #applyOutcome(callId: string, outcome: DialOutcome): Promise<void> {
    const { db } = this.#deps;
    const now = new Date().toISOString();
    if (outcome.status === 'active') {
      const answered = await transitionCall(db, callId, 'active', {
        from: ['connecting', 'ringing'],
        patch: { answered_at: now, sip_participant_id: outcome.sipParticipantId },
        details: { source: 'dial_result' },
      });
      if (answered) {
        this.#tracker?.track(callId);
      } else {
        // Cancelled while ringing: hang up the person who just answered.
        await this.#deleteRoom(callId, 'answered after cancel');
      }
      return;
    }
    const { status, failureReason, sipStatusCode, outcomeUnknown } = outcome;
    const ended = await transitionCall(db, callId, status, {
      from: ['connecting', 'ringing'],
      // Never answered: the spec's duration is 0, not null, once the call has ended.
      patch: { failure_reason: failureReason, ended_at: now, duration: 0 },
      details: { source: 'dial_result', failureReason, sipStatusCode, outcomeUnknown },
    });
    if (ended) this.#log.info({ callId, status, failureReason }, 'dial ended without answer');
    // Frees the agent, and hangs up whatever LiveKit may have started if the outcome is unknown.
    await this.#deleteRoom(callId, status);
  }

  async #writeCallIds(callId: string, ids: { room_id: string } | { job_id: string }): Promise<void> {
    await this.#deps.db
      .updateTable('calls')
      .set({ ...ids, updated_at: new Date().toISOString() })
      .where('id', '=', callId)
      .execute();
  }

  /** Best effort: a room we cannot delete is logged, never fatal. */
  async #deleteRoom(callId: string, why: string): Promise<void> {
    try {
      await this.#deps.dialer?.deleteRoom(roomNameForCall(callId));
    } catch (error) {
      this.#log.warn({ err: error, callId, why }, 'could not delete the LiveKit room');
    }
  }
}
