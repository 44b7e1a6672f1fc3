/**
 * @module
 * The Dial queue: dials queued calls in priority order, CPS-paced, at most once each, with
 * the stored backlog as the source of truth.
 */
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import type { CallCancellation, QueuedCallNotice } from '../calls/call-queue';
import type { CallRow, CallStore } from '../ports/call-store';
import { type Clock, type MonotonicClock, monotonicClock, wallClock } from '../ports/clock';
import type { DialBacklog, TrunkFilter } from '../ports/dial-backlog';
import { dialTimeLimitsOf } from '../store/dial-time-limits';
import { BatchHolds } from './batch-holds';
import { ConcurrencyLimits } from './concurrency-limits';
import { publishInviteSent } from './dial-diagnostics';
import { DialGate, type DialPass } from './dial-gate';
import { DialLookAhead } from './dial-look-ahead';
import { dialOrderKey } from './dial-order';
import { DialPacer, type DialStart } from './dial-pacer';
import { DialStartLine } from './dial-start-line';
import { dialTimeVerdict } from './dial-time-check';
import type { Dialer, DialOutcome } from './dialer';
import { LiveCallTracker } from './live-call-tracker';
import { placeCallRequestFor } from './place-call-request';
import { type DialKey, QueuedCallWindow } from './queued-call-window';
import { RoomTeardown } from './room-teardown';
import { expireCall, rescheduleQueuedCall } from './schedule-transitions';
import { TrunkBacklog } from './trunk-backlog';

export interface DialQueueDeps {
  calls: CallStore;
  backlog: DialBacklog;
  /** Null when LiveKit is not configured: the queue then never dials. */
  dialer: Dialer | null;
  logger: Logger;
  /** DIAL_CPS: at most this many dial starts (SIP INVITEs) in any 1-second window. */
  cps: number;
  /** DIAL_MAX_IN_FLIGHT: at most this many dials between claim and answer/failure. */
  maxInFlight: number;
  /** OUTDIAL_MAX_CONCURRENT_CALLS: at most this many live calls per organization. Default none. */
  maxConcurrentCallsPerOrganization?: number | undefined;
  /** See DialPacer: extra ms every window of `cps` starts must span. Default 15 (98.5% of budget). */
  guardBandMs?: number;
  /** How many queued calls are held in memory at most (about; urgent arrivals may add some). */
  windowSize?: number;
  /** How often answered and interrupted calls are checked against LiveKit (lost webhooks). */
  trackIntervalMs?: number;
  /**
   * How often LiveKit's rooms are checked for calls that are over, and the database for live
   * calls nothing tracks (see LiveCallTracker). Default 60 s.
   */
  leftoverRoomIntervalMs?: number;
  /** Backoff of retried database writes after a dial (first delay; doubles up to 5 s). */
  writeRetryDelayMs?: number;
  /** Paces dials and measures intervals. Default `performance.now()` and `setTimeout`. */
  clock?: MonotonicClock;
  /** Stamps what is stored (answered_at, ended_at, call events). Default the system clock. */
  wallClock?: Clock;
  /**
   * The SIP trunk this queue dials, when the server dials several (trunk-dial-queues.ts): only its
   * calls are read, and `cps` is its budget. Without it the queue dials every queued call.
   */
  trunk?: DialQueueTrunk;
  /**
   * Limits shared with the other trunks' queues (an organization's live calls span its trunks);
   * the owner starts and stops them. Default: this queue's own.
   */
  concurrency?: ConcurrencyLimits;
}

export interface DialQueueTrunk {
  filter: TrunkFilter;
  /**
   * A claimed call whose agent now names another trunk went back to `queued` undialed (its
   * INVITE would have counted against another trunk's budget): for that trunk's queue.
   */
  moved(call: DialKey, sipTrunkId: string | null): void;
}

/** Raised inside a dial that was cancelled before its INVITE: nothing was dialed. */
class DialAbandoned extends Error {}

/** Raised inside a dial whose batch was paused before its INVITE: it goes back to the queue. */
class DialHeldBack extends Error {}

/** Raised inside a dial whose agent moved to another trunk since the call was read: nothing was created yet. */
class DialOnOtherTrunk extends Error {
  constructor(readonly sipTrunkId: string | null) {
    super('the agent moved to another trunk');
  }
}

const LIVE_STATUSES: readonly string[] = ['connecting', 'ringing', 'active'];
const MAX_WRITE_RETRY_DELAY_MS = 5000;
/** More queued calls than this at once are read back from the backlog rather than admitted one by one. */
const BULK_NOTICE = 100;

/**
 * `#starts` takes calls from the window in dial order (priority, turn, seq: dial-order.ts) and holds each until its INVITE
 * is sent; its look-ahead is the number of calls that may be claimed and prepared (room, agent)
 * ahead of any one call's pacing slot. It follows the measured preparation time
 * (`DialLookAhead`): just enough to keep every slot used. An urgent call is not held behind that
 * look-ahead: it is claimed and prepared at once, and the pacer, which gives each slot to the most
 * urgent call ready for it, lets it take the next slot (DialStartLine, DialPacer).
 * `#inFlight`, a p-queue, bounds dials from claim to answer/failure (DIAL_MAX_IN_FLIGHT), also
 * most urgent first.
 *
 * @example
 * ```ts
 * const queue = new DialQueue({ calls, backlog, dialer, logger, cps: 10, maxInFlight: 50 });
 * await queue.start();
 * queue.notifyQueued({ id: call.id, priority: call.priority, seq: call.seq });
 * ```
 */
export class DialQueue {
  readonly #deps: DialQueueDeps;
  readonly #log: Logger;
  readonly #clock: MonotonicClock;
  readonly #wallClock: Clock;
  readonly #pacer: DialPacer;
  readonly #lookAhead: DialLookAhead;
  readonly #starts: DialStartLine;
  readonly #inFlight: PQueue;
  readonly #window: QueuedCallWindow;
  readonly #tracker: LiveCallTracker | undefined;
  readonly #teardown: RoomTeardown | undefined;
  /** Orders each cancel against its call's INVITE. */
  readonly #gate = new DialGate();
  /** Calls taken from the window whose dial has not finished: never admitted again. */
  readonly #taken = new Set<string>();
  /** Dials in progress by call id: settles once the dial's CreateSIPParticipant has answered. */
  readonly #placing = new Map<string, Promise<void>>();
  readonly #dialsSettled = new Set<Promise<void>>();
  /** Calls from just before their claim until their dial is over: what a batch's pause or cancel reaches. */
  readonly #dialing = new Map<string, DialKey>();
  /** Paused batches, and batches being cancelled: checked before each batch call's claim and at its INVITE. */
  readonly #holds: BatchHolds;
  readonly #concurrency: ConcurrencyLimits;
  /** Whether `#concurrency` is this queue's own (started and stopped with it) or shared. */
  readonly #ownsConcurrency: boolean;
  /** The backlog as this queue reads it: one trunk's calls, or all. */
  readonly #backlog: DialBacklog;
  readonly #trunkBacklog: TrunkBacklog | undefined;
  #running = false;
  /** This replica lost its trunk leadership: nothing more may be dialed, and start() never runs. */
  #abdicated = false;
  /**
   * Aborted as it abdicates: the claimed calls waiting for a slot (or for the takeover's quiet
   * window) go back to the queue at once, not one per slot, so the new leader finds them queued.
   */
  readonly #abdication = new AbortController();
  /** See start(): what the first INVITEs wait for. */
  #firstDialAfter: Promise<unknown> | undefined;

  constructor(deps: DialQueueDeps) {
    if (!(Number.isInteger(deps.maxInFlight) && deps.maxInFlight > 0)) {
      throw new RangeError(`maxInFlight must be a positive integer, got ${deps.maxInFlight}`);
    }
    this.#deps = deps;
    this.#trunkBacklog = deps.trunk && new TrunkBacklog(deps.backlog, deps.trunk.filter);
    this.#backlog = this.#trunkBacklog ?? deps.backlog;
    this.#log = deps.logger.child({
      component: 'dial-queue',
      ...(deps.trunk ? { trunkId: deps.trunk.filter.trunkId } : {}),
    });
    this.#clock = deps.clock ?? monotonicClock;
    this.#wallClock = deps.wallClock ?? wallClock;
    this.#pacer = new DialPacer({
      cps: deps.cps,
      ...(deps.guardBandMs === undefined ? {} : { guardBandMs: deps.guardBandMs }),
      clock: this.#clock,
    });
    this.#lookAhead = new DialLookAhead({ cps: deps.cps, max: deps.maxInFlight });
    this.#starts = new DialStartLine({
      lookAhead: this.#lookAhead.size,
      start: (call) => {
        this.#window.taken(call.id);
        this.#taken.add(call.id);
        return this.#startDial(call);
      },
      onError: (error, call) => this.#log.error({ err: error, callId: call.id }, 'dial start failed'),
    });
    this.#inFlight = new PQueue({ concurrency: deps.maxInFlight });
    this.#window = new QueuedCallWindow({
      backlog: this.#backlog,
      logger: this.#log,
      size: deps.windowSize ?? 1000,
      isTaken: (id) => this.#taken.has(id),
      enqueue: (call, signal) => this.#starts.add(call, signal),
    });
    this.#ownsConcurrency = deps.concurrency === undefined;
    this.#concurrency =
      deps.concurrency ??
      new ConcurrencyLimits({
        calls: deps.calls,
        perOrganization: deps.maxConcurrentCallsPerOrganization,
        readmit: (call) => this.#window.admit(call),
      });
    this.#holds = new BatchHolds({
      calls: deps.calls,
      gate: this.#gate,
      dialing: () => this.#dialing.values(),
    });
    this.#teardown = deps.dialer ? new RoomTeardown({ dialer: deps.dialer, logger: this.#log }) : undefined;
    this.#tracker =
      deps.dialer && this.#teardown
        ? new LiveCallTracker({
            calls: deps.calls,
            dialer: deps.dialer,
            teardown: this.#teardown,
            logger: this.#log,
            intervalMs: deps.trackIntervalMs ?? 10_000,
            ...(deps.leftoverRoomIntervalMs === undefined
              ? {}
              : { leftoverRoomIntervalMs: deps.leftoverRoomIntervalMs }),
            untrackedLiveCalls: async () => (await this.#backlog.liveCalls()).map((call) => call.id),
            isDialing: (callId) => this.#taken.has(callId),
            clock: this.#clock,
            wallClock: this.#wallClock,
          })
        : undefined;
  }

  get running(): boolean {
    return this.#running;
  }

  /**
   * Reconciles interrupted dials, then loads the queued backlog and starts dialing. Without a
   * dialer (LiveKit not configured) it does nothing and `running` stays false.
   * @param options.reconcileInBackground dial while LiveKit is asked about the interrupted dials
   *   (a replica taking over must not wait for one lookup per call a dead leader left live); they
   *   are read before the first claim either way, so no call claimed here is taken for one
   * @param options.firstDialAfter no INVITE leaves before it resolves; calls are claimed and
   *   prepared meanwhile (a replica taking over waits out the previous leader's last pacing window)
   * @param options.undialedGraceMs for this long, interrupted dials still `connecting` with no SIP
   *   participant are not failed yet: a previous leader that lost the trunk alive hands back the
   *   ones it never dialed (see LiveCallTracker.holdUndialed)
   */
  async start(
    options: {
      reconcileInBackground?: boolean;
      firstDialAfter?: Promise<unknown>;
      undialedGraceMs?: number;
    } = {},
  ): Promise<void> {
    if (this.#running) return;
    if (!this.#deps.dialer || !this.#tracker) {
      this.#log.warn(
        'LiveKit is not configured (LIVEKIT_URL, or --emulate-livekit): the Dial queue will not dial',
      );
      return;
    }
    if (options.undialedGraceMs) this.#tracker.holdUndialed(options.undialedGraceMs);
    const { swept } = await this.#reconcileInterruptedDials(this.#tracker);
    if (options.reconcileInBackground) {
      swept.catch((error: unknown) =>
        this.#log.error({ err: error }, 'could not reconcile interrupted dials'),
      );
    } else {
      await swept;
    }
    if (this.#abdicated) return;
    if (options.firstDialAfter) {
      // Ends early, rejecting with DialHeldBack, if this queue abdicates meanwhile: one listener
      // for every call that waits for it.
      const quiet = Promise.race([options.firstDialAfter, rejectedOnAbort(this.#abdication.signal)]);
      quiet.catch(() => {}); // Rejected after the window, with no call waiting: nothing to report.
      this.#firstDialAfter = quiet;
    }
    if (this.#ownsConcurrency && this.#concurrency.active) {
      this.#concurrency.start(await this.#backlog.liveCalls());
    }
    this.#tracker.start();
    this.#running = true;
    this.#window.open();
    await this.#window.refill();
  }

  /** Called after a queued call is committed. */
  notifyQueued(call: QueuedCallNotice): void {
    if (!this.#running) return; // start() loads it from the database.
    const limits = dialTimeLimitsOf(call);
    this.#window.admit({
      id: call.id,
      ...(call.organization_id ? { organizationId: call.organization_id } : {}),
      priority: call.priority,
      ...(call.dial_turn == null ? {} : { turn: call.dial_turn }),
      seq: call.seq,
      ...(limits ? { limits } : {}),
      ...(call.batch_id ? { batchId: call.batch_id } : {}),
      ...(this.#deps.trunk ? { trunkId: this.#deps.trunk.filter.trunkId } : {}),
    });
  }

  /** Takes a call back into the window (a held call whose limit freed, a call moved to this trunk). */
  admit(call: DialKey): void {
    if (this.#running) this.#window.admit(call);
  }

  /** Whether this queue has taken the call for dialing (its dial is not over). */
  isDialing(callId: string): boolean {
    return this.#taken.has(callId);
  }

  /** The trunk's budget changed: from now on no 1 s window holds more than `cps` starts. */
  setCps(cps: number): void {
    this.#pacer.cps = cps;
    this.#lookAhead.cps = cps;
    this.#starts.lookAhead = this.#lookAhead.size;
  }

  /**
   * Called after many queued calls committed at once (a batch): the window reads them from the
   * backlog, in dial order, instead of admitting each.
   */
  notifyQueuedMany(calls: readonly QueuedCallNotice[]): void {
    if (!this.#running) return;
    if (calls.length <= BULK_NOTICE) {
      for (const call of calls) this.notifyQueued(call);
      return;
    }
    this.#window.rewind();
  }

  /**
   * Reads the backlog again from its head: calls another process queued may have been missed
   * (a lost notification, a batch resumed elsewhere).
   */
  rereadBacklog(): void {
    if (this.#running) this.#window.rewind();
  }

  /**
   * Another process committed this call's cancel: a queued call leaves the window, and a call
   * claimed here whose INVITE has not left is abandoned at its INVITE (the gate orders the two).
   */
  async cancelledElsewhere(callId: string): Promise<void> {
    this.#window.remove(callId);
    await this.#gate.whileCancelling(callId, async ({ dialedHere, inviteSent }) =>
      dialedHere && !inviteSent ? true : undefined,
    );
  }

  /** At most `max` of the batch's calls are live at once (its `maxConcurrentCalls`). */
  limitBatch(batchId: string, max: number): void {
    this.#concurrency.limitBatch(batchId, max);
  }

  /**
   * Stops dialing the batch's calls: those not yet claimed stay queued in the database, and those
   * claimed whose INVITE has not left go back to `queued` at their INVITE's slot (live calls go
   * on). Resolves once no INVITE of the batch can start any more. Call before start() for the
   * batches stored paused.
   */
  pauseBatch(batchId: string): Promise<void> {
    return this.#holds.pause(batchId);
  }

  /** Dials the batch's calls again: `queued` are its calls waiting, handed back to the queue. */
  resumeBatch(batchId: string, queued: readonly QueuedCallNotice[]): void {
    this.#holds.resume(batchId);
    this.notifyQueuedMany(queued);
  }

  /**
   * Cancels the batch's calls not yet dialed: `cancelWaiting` commits the cancel of its scheduled
   * and queued ones, and the calls claimed here whose INVITE has not left end `cancelled` too.
   * Resolves once no INVITE of the batch can start any more. See BatchHolds.cancel.
   */
  cancelBatch(batchId: string, cancelWaiting: () => Promise<unknown>): Promise<void> {
    return this.#holds.cancel(batchId, cancelWaiting, this.#wallClock.now());
  }

  /** See CallQueue.cancel. `before` is the call as it was read before the cancel. */
  async cancel(
    before: CallRow,
    commit: (cancellation: CallCancellation) => Promise<CallRow | undefined>,
  ): Promise<CallRow | undefined> {
    const callId = before.id;
    const cancelled = await this.#gate.whileCancelling(callId, ({ dialedHere, inviteSent }) =>
      commit(cancellationOf(before.status, dialedHere, inviteSent)),
    );
    if (!cancelled) return undefined;
    if (!LIVE_STATUSES.includes(before.status)) {
      this.#window.remove(callId);
      return cancelled;
    }
    // Waits for the first DeleteRoom only; retries (and the INVITE still in flight) go on.
    await this.#teardown?.start(callId, 'cancelled', this.#placing.get(callId));
    return cancelled;
  }

  /**
   * This replica no longer leads: from now on no INVITE leaves (a claimed call past its last check
   * goes back to `queued`, as when its batch is paused, but at once rather than at its slot), and
   * a start() in progress never dials. Resolves once the dials in flight have settled.
   */
  abdicate(): Promise<void> {
    this.#abdicated = true;
    this.#abdication.abort(new DialHeldBack('this replica no longer leads the trunk'));
    return this.stop();
  }

  /** Stops starting dials and waits for in-flight ones to settle. Queued calls stay queued. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#window.close();
    if (this.#ownsConcurrency) this.#concurrency.stop();
    await this.#starts.whenIdle();
    while (this.#dialsSettled.size > 0) await Promise.allSettled([...this.#dialsSettled]);
    await this.#tracker?.stop();
    // Unconfirmed teardowns are picked up again by the next start's sweep of leftover rooms.
    await this.#teardown?.stop();
  }

  /** Teardowns not yet confirmed by LiveKit. */
  get pendingTeardowns(): number {
    return this.#teardown?.pending ?? 0;
  }

  /** Whether a claimed call must go back to the queue undialed: its batch is paused, or this replica no longer leads. */
  #heldBack(key: DialKey): boolean {
    return this.#abdicated || this.#holds.holdsBack(key);
  }

  /**
   * Calls found connecting/ringing/active at start-up are tracked; dials are never repeated.
   * @returns once they are read: the sweep that asks LiveKit about them
   */
  async #reconcileInterruptedDials(tracker: LiveCallTracker): Promise<{ swept: Promise<void> }> {
    // Of this trunk only: another trunk's calls may be mid-dial on another replica.
    const ids = (await this.#backlog.liveCalls()).map((call) => call.id);
    for (const id of ids) tracker.track(id);
    if (ids.length > 0)
      this.#log.info({ calls: ids.length }, 'reconciling calls left live by a previous run');
    return { swept: tracker.sweep() };
  }

  /** Resolves once the call's INVITE is sent (or its dial ended or never began). */
  #startDial(call: DialKey): Promise<void> {
    const callId = call.id;
    // p-queue starts higher numbers first; ours are 0 = most urgent, FIFO within one turn.
    const priority = -dialOrderKey(call);
    return new Promise<void>((inviteSent) => {
      let handedBack = false;
      const settled = this.#inFlight
        .add(
          async () => {
            handedBack = await this.#dial(call, inviteSent);
          },
          { priority },
        )
        .catch((error: unknown) => this.#log.error({ err: error, callId }, 'dial crashed'))
        .finally(() => {
          inviteSent();
          this.#taken.delete(callId);
          this.#dialsSettled.delete(settled);
          // Handed back while its batch was paused, and resumed since: the resume may have read it
          // still connecting (or found it taken), so it is admitted here, once its dial is over.
          if (handedBack && !this.#holds.holdsBack(call)) this.#window.admit(call);
        });
      this.#dialsSettled.add(settled);
    });
  }

  /** @returns true when the call was handed back to the queue (its batch paused before its INVITE) */
  async #dial(key: DialKey, inviteSent: () => void): Promise<boolean> {
    const { calls } = this.#deps;
    const backlog = this.#backlog;
    const callId = key.id;
    const dialer = this.#deps.dialer as Dialer;
    if (!this.#running) return false;
    // Left queued in the database; resumeBatch hands them back.
    if (this.#holds.holdsBack(key)) return false;
    if (key.limits && (await this.#heldBackByTime(key))) return false;
    // Held back while its batch (or organization) is at its concurrency limit: before the claim,
    // so no slot is used.
    if (!this.#concurrency.reserve(key)) return false;
    // Open before the claim, so that a cancel committed at any moment from here on is seen.
    this.#gate.open(callId);
    this.#dialing.set(callId, key);
    let placed!: () => void;
    this.#placing.set(callId, new Promise<void>((resolve) => (placed = resolve)));
    let start: DialStart | undefined;
    let pass: DialPass | undefined;
    try {
      // The look-ahead counts from here, the claim included: on PostgreSQL it is most of the lead
      // time (a round trip per statement, and the organization's event-id lock shared with every
      // other writer: ~10 ms idle, ~90 ms while POSTs arrive), on SQLite under 1 ms. Counted from
      // after it, the look-ahead stayed at 2 while each call took ~100 ms to be ready, and the
      // pacer found nobody ready for most slots (21 starts/s at CPS 50, 3 replicas).
      const claimingAt = this.#clock.now();
      // The claim commits before any LiveKit side effect: whatever happens next, this call is
      // never dialed again (a restart finds it connecting and reconciles instead).
      const call = await backlog.claim(callId);
      if (!call) {
        // Cancelled, or dialed already: its reserved place is free again.
        this.#concurrency.release(callId);
        return false;
      }
      const request = await placeCallRequestFor(backlog, call);
      // Read into this trunk's window before its agent moved: dialed here it would count against
      // this trunk's budget but ring on the other.
      if (this.#trunkBacklog && !this.#trunkBacklog.carries(request.sipTrunkId)) {
        throw new DialOnOtherTrunk(request.sipTrunkId);
      }
      // Handed back before (its batch paused): that room's teardown must be over before the room
      // is created again under the same name.
      await this.#teardown?.whenDone(callId);
      let outcome: DialOutcome;
      try {
        outcome = await dialer.placeCall(request, {
          beforeDialStart: async () => {
            if (this.#gate.isCancelled(callId)) throw new DialAbandoned();
            // Paused while it was prepared: back to the queue without taking a slot.
            if (this.#heldBack(key)) throw new DialHeldBack();
            this.#starts.lookAhead = this.#lookAhead.record(this.#clock.now() - claimingAt);
            if (this.#firstDialAfter) {
              await this.#firstDialAfter;
              if (this.#abdicated) throw new DialHeldBack();
            }
            start = await this.#pacer.acquire(dialOrderKey(key), this.#abdication.signal);
            // Held until the INVITE's headers are on the socket (onDialSent). The batch is checked
            // inside the gate: a pause waits for the gate, so one answered before this is seen.
            pass = await this.#gate.enterDial(callId, () => this.#heldBack(key));
            // Nothing will be sent: the slot goes back to the pacer for the next call.
            if (pass.heldBack || !pass.mayDial) start.unused();
            if (pass.heldBack) throw new DialHeldBack();
            if (!pass.mayDial) throw new DialAbandoned();
          },
          onDialSent: () => {
            start?.sent();
            // Only now: the next call's claim and preparation (synchronous database work) would
            // otherwise run between this slot and its INVITE, and count against the next window.
            inviteSent();
            publishInviteSent(calls, call, request.sipTrunkId);
            pass?.release();
          },
          onRoomCreated: (roomId) => this.#writeCallIds(callId, { room_id: roomId }),
          onAgentDispatched: (jobId) => this.#writeCallIds(callId, { job_id: jobId }),
        });
      } finally {
        // A granted slot not yet reported counts from now (a failure after the gate may have sent
        // something): the pacer waits for this. Idempotent after sent() or unused().
        start?.sent();
        pass?.release();
        placed();
      }
      await this.#recordOutcome(callId, outcome);
      return false;
    } catch (error) {
      if (error instanceof DialAbandoned) {
        // Cancelled while preparing: the room may have been created after the cancel deleted it.
        await this.#teardown?.start(callId, 'cancelled before dialing');
        return false;
      }
      if (error instanceof DialOnOtherTrunk) {
        await this.#moveToItsTrunk(key, error.sipTrunkId);
        return false;
      }
      if (error instanceof DialHeldBack) {
        // Nothing rang: the room and the agent's dispatch go, and the call waits for the resume.
        await this.#teardown?.start(callId, 'batch paused before dialing');
        return this.#handBack(key);
      }
      await this.#recordOutcome(callId, {
        status: 'failed',
        failureReason: `Dial error: ${error instanceof Error ? error.message : String(error)}`,
      });
      return false;
    } finally {
      placed();
      this.#placing.delete(callId);
      this.#dialing.delete(callId);
      this.#gate.close(callId);
    }
  }

  /**
   * Returns a claimed call whose INVITE never left to the queue, at its place (its turn kept);
   * its live place (concurrency) is freed by the status change. A call of a batch being cancelled
   * ends cancelled instead, also when the cancel began while it was handed back (BatchHolds.cancel).
   * @returns true when the call is queued again
   */
  async #handBack(key: DialKey): Promise<boolean> {
    const now = this.#wallClock.now();
    try {
      if (this.#holds.isCancelling(key)) {
        await this.#holds.cancelBeforeDial(key, now);
        return false;
      }
      const queued = await this.#backlog.unclaim(key.id, now);
      if (queued && this.#holds.isCancelling(key)) {
        await this.#holds.cancelBeforeDial(key, now);
        return false;
      }
      return queued !== undefined;
    } catch (error) {
      // Still connecting and never dialed: the tracker finds no SIP participant and ends it.
      this.#log.error({ err: error, callId: key.id }, 'could not hand a paused call back to the queue');
      this.#tracker?.track(key.id);
      return false;
    }
  }

  /** Nothing of the call exists in LiveKit yet: it goes back to `queued`, for its agent's trunk's queue. */
  async #moveToItsTrunk(key: DialKey, sipTrunkId: string | null): Promise<void> {
    try {
      const queued = await this.#backlog.unclaim(key.id, this.#wallClock.now(), 'trunk_changed');
      if (!queued) return; // cancelled meanwhile
      const { trunkId: _here, ...rest } = key;
      this.#log.info({ callId: key.id }, "the call's agent moved to another trunk: handed to its queue");
      this.#deps.trunk?.moved(rest, sipTrunkId);
    } catch (error) {
      this.#log.error({ err: error, callId: key.id }, "could not hand a call to its agent's trunk");
      this.#tracker?.track(key.id);
    }
  }

  /**
   * A call with a calling window or a latest time is checked just before its claim (the others
   * cost nothing here): past its latest time it is failed as `expired`, outside its window it goes
   * back to `scheduled` until the next opening. Either way it never takes a pacing slot.
   * @returns true when the call is not to be dialed now
   */
  async #heldBackByTime(key: DialKey): Promise<boolean> {
    const now = this.#wallClock.now();
    const verdict = dialTimeVerdict(key.limits, now);
    if (verdict.kind === 'dial') return false;
    try {
      if (verdict.kind === 'expire') await expireCall(this.#deps.calls, key.id, ['queued'], now);
      else await rescheduleQueuedCall(this.#deps.calls, key.id, verdict.until, now);
    } catch (error) {
      // Still queued: the window's next rescan offers it again.
      this.#log.error({ err: error, callId: key.id }, 'could not hold back a call outside its dial time');
    }
    return true;
  }

  /**
   * Writes a dial's outcome, retrying while the database refuses (locked past busy_timeout, disk
   * full): the person has been rung, and a call left `connecting`/`ringing` would stay so until a
   * restart. Retries stop when the queue stops; the next start reconciles the call instead.
   */
  async #recordOutcome(callId: string, outcome: DialOutcome): Promise<void> {
    let delay = this.#deps.writeRetryDelayMs ?? 50;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#applyOutcome(callId, outcome);
        if (attempt > 1) this.#log.info({ callId, attempts: attempt }, 'dial outcome recorded');
        return;
      } catch (error) {
        if (!this.#running) {
          this.#log.error(
            { err: error, callId },
            'could not record the dial outcome; left for reconciliation',
          );
          this.#tracker?.track(callId);
          return;
        }
        this.#log.warn({ err: error, callId, attempt }, 'could not record the dial outcome; retrying');
        await this.#clock.sleep(delay);
        delay = Math.min(delay * 2, MAX_WRITE_RETRY_DELAY_MS);
      }
    }
  }

  async #applyOutcome(callId: string, outcome: DialOutcome): Promise<void> {
    const { calls } = this.#deps;
    const now = this.#wallClock.now();
    if (outcome.status === 'active') {
      const answered = await calls.transition(callId, 'active', {
        from: ['connecting', 'ringing'],
        patch: { answered_at: now.toISOString(), sip_participant_id: outcome.sipParticipantId },
        details: { source: 'dial_result' },
        now,
      });
      if (answered) {
        this.#tracker?.track(callId);
        return;
      }
      // Already active: another replica's tracker saw the answer first (this replica lost the
      // trunk mid-dial and the new leader reconciled the call). The call goes on.
      if ((await calls.find(callId))?.status === 'active') {
        this.#tracker?.track(callId);
        return;
      }
      // Cancelled while ringing: hang up the person who just answered.
      void this.#teardown?.start(callId, 'answered after cancel');
      return;
    }
    const { status, failureReason, sipStatusCode, outcomeUnknown } = outcome;
    const ended = await calls.transition(callId, status, {
      from: ['connecting', 'ringing'],
      // Never answered: the spec's duration is 0, not null, once the call has ended.
      patch: { failure_reason: failureReason, ended_at: now.toISOString(), duration: 0 },
      details: { source: 'dial_result', failureReason, sipStatusCode, outcomeUnknown },
      now,
    });
    if (ended) this.#log.info({ callId, status, failureReason }, 'dial ended without answer');
    // Frees the agent, and hangs up whatever LiveKit may have started if the outcome is unknown.
    void this.#teardown?.start(callId, status);
  }

  /**
   * Room and dispatch ids are informational (the room's name is derived from the call id), so a
   * write the database refuses is retried in the background instead of failing the dial.
   */
  async #writeCallIds(callId: string, ids: { room_id: string } | { job_id: string }): Promise<void> {
    const write = () => this.#backlog.recordLiveKitIds(callId, ids, this.#wallClock.now());
    try {
      await write();
    } catch (error) {
      this.#log.warn({ err: error, callId }, 'could not record LiveKit ids; retrying in the background');
      const firstDelayMs = this.#deps.writeRetryDelayMs ?? 50;
      void retryInBackground(write, firstDelayMs, this.#clock, () => this.#running).catch(
        (lastError: unknown) => this.#log.error({ err: lastError, callId }, 'gave up recording LiveKit ids'),
      );
    }
  }
}

/** Rejects with the signal's reason once it aborts (never, if it does not). */
function rejectedOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Which case a cancel is, from what the gate knows. See CallCancellation. */
function cancellationOf(status: string, dialedHere: boolean, inviteSent: boolean): CallCancellation {
  if (!LIVE_STATUSES.includes(status)) return 'before_dial';
  if (dialedHere) return inviteSent || status !== 'connecting' ? 'hung_up' : 'before_dial';
  // Live but not dialed by this process (a previous run's dial): it may have rung.
  return 'hung_up';
}

async function retryInBackground(
  write: () => Promise<unknown>,
  firstDelayMs: number,
  clock: MonotonicClock,
  keepGoing: () => boolean,
): Promise<void> {
  let delay = firstDelayMs;
  for (let attempt = 1; attempt <= 8; attempt++) {
    await clock.sleep(delay);
    try {
      await write();
      return;
    } catch (error) {
      if (attempt === 8 || !keepGoing()) throw error;
      delay = Math.min(delay * 2, MAX_WRITE_RETRY_DELAY_MS);
    }
  }
}
