/**
 * @module
 * Moves calls through their statuses, following the contract's test numbers (the table the LiveKit emulator plays), in one of
 * three modes: `realtime` (timers), `onPoll` (one step per GET of the call) or `manual`
 * (`advance` / `setStatus` only). Every status write goes through `#enter`, which refuses moves
 * the status machine does not allow, so a terminal call never changes, and records each new
 * status as an event.
 *
 * A `scheduled` call waits for the mock's clock in every mode (the mode says how a call moves once
 * it is queued): `releaseDue` queues the due ones and fails the expired ones. Each request runs it
 * first, and in `realtime` mode a timer also runs it at the call's instant.
 */
import {
  type CallOutcome,
  type CallStatus,
  type CallTiming,
  isTerminalStatus,
  MAGIC_NUMBERS,
  outcomeForNumber,
  pathTo,
} from '@outdial/contract';
import type { EventLog } from './event-log';
import type { IdGenerator } from './id-generator';
import type { StoredCall } from './mock-types';
import {
  type DialGate,
  dialGate,
  EXPIRED_FAILURE_REASON,
  MAX_TIMER_DELAY_MS,
  nextScheduleInstant,
  scheduledCallMove,
} from './scheduled-call';

/** How calls move on their own. */
export type ProgressionMode = 'realtime' | 'onPoll' | 'manual';

/** How long a call waits before each step in `realtime` mode, in milliseconds. */
export type StepDelaysMs = {
  /** queued → connecting: the Dial queue picking the call up. */
  queued: number;
  /** connecting → ringing: creating the room, the dispatch and the SIP participant. */
  connecting: number;
  /** ringing → active for numbers that answer. */
  ring: number;
  /** active → completed for ordinary numbers. */
  talk: number;
  /** active → completed for the early-hangup number (+15005550004). */
  earlyHangup: number;
  /** ringing → no_answer; `'ringTimeout'` waits the call's own `ringTimeoutSeconds`. */
  noAnswer: number | 'ringTimeout';
  /** ringing → busy / failed. */
  fail: number;
};

/** The emulator's timings (ring ~300 ms, talk ~2 s, early hangup 1 s), with no-answer scaled down. */
export const DEFAULT_STEP_DELAYS_MS: StepDelaysMs = {
  queued: 10,
  connecting: 20,
  ring: 300,
  talk: 2000,
  earlyHangup: 1000,
  noAnswer: 1000,
  fail: 100,
};

type Step = { status: CallStatus; after: CallTiming | 'queued' | 'connecting' };

// The failure reason recorded when a call ends busy / no_answer / failed: the SIP final response.
const FAILURE_OUTCOMES: Partial<Record<CallStatus, CallOutcome>> = {
  busy: outcomeForNumber(MAGIC_NUMBERS.busy),
  no_answer: outcomeForNumber(MAGIC_NUMBERS.noAnswer),
  failed: outcomeForNumber(MAGIC_NUMBERS.trunkFailure),
};

// Where a call goes next when its status is not on its outcome's path (after a `setStatus`).
const ORDINARY_NEXT: Partial<Record<CallStatus, Step>> = {
  // Only by `advance`: a scheduled call otherwise waits for the clock (`releaseDue`).
  scheduled: { status: 'queued', after: 'queued' },
  queued: { status: 'connecting', after: 'queued' },
  connecting: { status: 'ringing', after: 'connecting' },
  ringing: { status: 'active', after: 'ring' },
  active: { status: 'completed', after: 'talk' },
};

function stepsFor(phoneNumber: string): Step[] {
  const outcome = outcomeForNumber(phoneNumber);
  return [
    { status: 'queued', after: 'queued' },
    { status: 'connecting', after: 'queued' },
    ...outcome.progression.map((step): Step => ({ status: step.phase, after: step.after ?? 'connecting' })),
  ];
}

function failureReasonFor(status: CallStatus, phoneNumber: string): string | null {
  const own = outcomeForNumber(phoneNumber);
  const outcome = own.kind === status ? own : FAILURE_OUTCOMES[status];
  // The server's wording (its dialer reports "SIP 503: Service Unavailable").
  return outcome?.sipStatusCode ? `SIP ${outcome.sipStatusCode}: ${outcome.sipStatus}` : null;
}

/**
 * Drives call statuses.
 *
 * @example
 * const progression = new CallProgression({ mode: 'manual', delays, ids, now: () => new Date(), events });
 * progression.advance(stored); // queued → connecting
 */
export class CallProgression {
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The calls that were `scheduled` when last scheduled here; those still `scheduled` wait for the clock. */
  readonly #waiting = new Set<StoredCall>();

  constructor(
    private readonly options: {
      mode: ProgressionMode;
      delays: StepDelaysMs;
      ids: IdGenerator;
      now: () => Date;
      events: Pick<EventLog, 'record'>;
      /** Whether a queued call must wait before its dial (its batch paused or at its concurrency limit); it is woken with `wake`. */
      holdsBack?: (stored: StoredCall) => boolean;
      /** A call is about to become `queued` again (a scheduled call falling due): its Dial queue turn is given here. */
      entersQueue?: (stored: StoredCall) => void;
    },
  ) {}

  /** Whether calls move only when read (`onPoll` mode). */
  get movesOnPoll(): boolean {
    return this.options.mode === 'onPoll';
  }

  /** A new call: its first event (`call.queued` or `call.scheduled`), then, in `realtime` mode, its first step. */
  started(stored: StoredCall): void {
    this.options.events.record(stored);
    this.#schedule(stored);
  }

  /** A GET of the call: one step in `onPoll` mode, except for a scheduled call, which waits for the clock. */
  polled(stored: StoredCall): void {
    if (this.options.mode === 'onPoll' && stored.call.status !== 'scheduled') this.advance(stored);
  }

  /**
   * One step along the call's outcome path; a terminal call stays as it is. A queued call is
   * dialed only inside its window and before its `latestAt`, as the server's Dial queue does.
   */
  advance(stored: StoredCall): void {
    const gate: DialGate =
      stored.call.status === 'queued' ? dialGate(stored.call, this.options.now()) : { kind: 'dial' };
    if (gate.kind === 'expire') {
      this.#enter(stored, 'failed', EXPIRED_FAILURE_REASON);
    } else if (gate.kind === 'wait') {
      stored.call.scheduledAt = gate.until.toISOString();
      this.#enter(stored, 'scheduled');
    } else if (stored.call.status === 'queued' && this.options.holdsBack?.(stored)) {
      // Held back: no timer until `wake`, so a held call costs nothing while it waits.
      clearTimeout(this.#timers.get(stored.call.id));
      this.#timers.delete(stored.call.id);
      return;
    } else {
      const next = this.#next(stored);
      if (next) this.#enter(stored, next.status);
    }
    this.#schedule(stored);
  }

  /** A held-back queued call may try its dial again: in `realtime` mode after the usual queue delay. */
  wake(stored: StoredCall): void {
    if (stored.call.status === 'queued' && !this.#timers.has(stored.call.id)) this.#schedule(stored);
  }

  /** Applies the clock: scheduled calls now due enter the queue; those past their `latestAt` fail `expired`. */
  releaseDue(): void {
    const now = this.options.now();
    for (const stored of [...this.#waiting]) {
      if (stored.call.status !== 'scheduled') {
        this.#waiting.delete(stored);
        continue;
      }
      const move = scheduledCallMove(stored.call, now);
      if (move === 'wait') continue;
      if (move === 'expire') this.#enter(stored, 'failed', EXPIRED_FAILURE_REASON);
      else this.#enter(stored, 'queued');
      this.#schedule(stored);
    }
  }

  /**
   * Moves the call to `status` through the allowed intermediate statuses.
   * Throws when the status machine does not allow it (for example from a terminal status).
   */
  setStatus(stored: StoredCall, status: CallStatus, failureReason?: string): void {
    const path = pathTo(stored.call.status, status);
    if (!path) throw new Error(`Call ${stored.call.id} cannot move from ${stored.call.status} to ${status}`);
    for (const step of path) this.#enter(stored, step, step === status ? failureReason : undefined);
    this.#schedule(stored);
  }

  /**
   * Puts the call straight into `status`, outside the status machine: for states no request
   * can reach on its own (a call is `initiated` only inside the server's create transaction).
   */
  force(stored: StoredCall, status: CallStatus): void {
    if (status === 'queued' && stored.call.status !== 'queued') this.options.entersQueue?.(stored);
    stored.call.status = status;
    stored.call.updatedAt = this.options.now().toISOString();
    this.options.events.record(stored); // none for `initiated`, the one status forced in practice
    this.#schedule(stored);
  }

  /** Stops every timer and forgets the waiting calls (on `reset()`). */
  stopAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#waiting.clear();
  }

  #next(stored: StoredCall): Step | undefined {
    const { status, phoneNumber } = stored.call;
    if (isTerminalStatus(status)) return undefined;
    const steps = stepsFor(phoneNumber);
    const index = steps.findIndex((s) => s.status === status);
    return index >= 0 ? steps[index + 1] : ORDINARY_NEXT[status];
  }

  #delayOf(step: Step, stored: StoredCall): number {
    const { delays } = this.options;
    switch (step.after) {
      case 'queued':
        return delays.queued;
      case 'connecting':
        return delays.connecting;
      case 'ring':
        return delays.ring;
      case 'talk':
        return delays.talk;
      case 'early_hangup':
        return delays.earlyHangup;
      case 'fail':
        return delays.fail;
      case 'no_answer':
        return delays.noAnswer === 'ringTimeout' ? stored.call.ringTimeoutSeconds * 1000 : delays.noAnswer;
    }
  }

  #schedule(stored: StoredCall): void {
    const id = stored.call.id;
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    if (stored.call.status === 'scheduled') {
      this.#awaitClock(stored);
      return;
    }
    this.#waiting.delete(stored);
    if (this.options.mode !== 'realtime') return;
    const next = this.#next(stored);
    if (!next) return;
    const timer = setTimeout(
      () => {
        this.#timers.delete(id);
        this.advance(stored);
      },
      this.#delayOf(next, stored),
    );
    // In Node, pending steps must not keep the test process alive.
    (timer as { unref?: () => void }).unref?.();
    this.#timers.set(id, timer);
  }

  /** Keeps a scheduled call for `releaseDue`, and in `realtime` mode wakes it at its instant. */
  #awaitClock(stored: StoredCall): void {
    this.#waiting.add(stored);
    if (this.options.mode !== 'realtime') return;
    const id = stored.call.id;
    const delay = nextScheduleInstant(stored.call) - this.options.now().getTime();
    const timer = setTimeout(
      () => {
        this.#timers.delete(id);
        this.releaseDue();
        // Still waiting: the wait was longer than one timer may be, or the clock is not the timers'.
        if (stored.call.status === 'scheduled') this.#schedule(stored);
      },
      Math.min(Math.max(delay, 0), MAX_TIMER_DELAY_MS),
    );
    (timer as { unref?: () => void }).unref?.();
    this.#timers.set(id, timer);
  }

  /** Enters `status` and fills in what the real server records at that moment. */
  #enter(stored: StoredCall, status: CallStatus, failureReason?: string): void {
    const call = stored.call;
    const now = this.options.now();
    const at = now.toISOString();
    if (status === 'connecting') {
      // The Dial queue has placed the call: LiveKit room and agent dispatch.
      call.roomId = `outdial-${call.id}`;
      call.jobId = this.options.ids.livekitId('AD');
    }
    if (status === 'active') {
      // Like the server, the SIP participant id is recorded when the callee answers.
      call.answeredAt = at;
      call.sipParticipantId = this.options.ids.livekitId('PA');
    }
    if (isTerminalStatus(status)) {
      call.endedAt = at;
      call.duration = call.answeredAt
        ? Math.max(0, Math.floor((now.getTime() - Date.parse(call.answeredAt)) / 1000))
        : 0;
      const reason = failureReasonFor(status, call.phoneNumber);
      // Only busy / no_answer / failed carry a reason (the spec: null otherwise).
      call.failureReason = reason === null ? null : (failureReason ?? reason);
    }
    if (status === 'cancelled') {
      // As the server says it: ringing and answered calls had their INVITE sent and are hung up;
      // earlier ones are stopped before the dial (the mock dials at ringing).
      call.cancellation = call.status === 'ringing' || call.status === 'active' ? 'hung_up' : 'before_dial';
    }
    if (status === 'queued' && call.status !== 'queued') this.options.entersQueue?.(stored);
    call.status = status;
    call.updatedAt = at;
    this.options.events.record(stored);
  }
}
