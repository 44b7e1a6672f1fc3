/**
 * @module
 * Watches calls whose dial result no longer comes from a running dial: answered calls (until
 * they end) and calls found connecting/ringing at start-up (their dial died with the previous
 * process). Webhooks normally end these calls; the tracker is the safety net for webhooks that
 * are lost, and the way interrupted dials are reconciled.
 */
import { isTerminalStatus } from '@outdial/contract';
import type { Logger } from 'pino';
import type { CallStore } from '../ports/call-store';
import { type Clock, type MonotonicClock, monotonicClock, wallClock } from '../ports/clock';
import { completeAnsweredCall } from './call-completion';
import { callIdFromRoomName, roomNameForCall, sipIdentityForCall } from './call-room';
import type { Dialer } from './dialer';
import type { RoomTeardown } from './room-teardown';

export interface LiveCallTrackerDeps {
  calls: CallStore;
  dialer: Dialer;
  /** Hangs up rooms of calls that are over (a cancel's teardown lost to a crash, say). */
  teardown: RoomTeardown;
  logger: Logger;
  /** How often tracked calls are checked against LiveKit. */
  intervalMs: number;
  /** How often rooms of ended calls are looked for (the first sweep always does). Default 60 s. */
  leftoverRoomIntervalMs?: number;
  /**
   * The live calls (connecting, ringing, active) this tracker answers for that no running dial
   * will settle, read again at each leftover-room check and tracked. The safety net under the
   * safety net: a call whose tracking was lost (its outcome written by a leader that had stopped,
   * its end outrunning its answer across replicas) is still ended.
   */
  untrackedLiveCalls?: () => Promise<readonly string[]>;
  /**
   * Whether a dial of this process is placing the call now. Such a call is never reconciled: it
   * has no SIP participant until its INVITE arrives, and its dial tracks it once answered. (A
   * call tracked earlier may be dialed again: handed back to the queue by the replica that
   * claimed it, then claimed here.)
   */
  isDialing?: (callId: string) => boolean;
  /** Stamps answered_at, ended_at and the call events. Default the system clock. */
  wallClock?: Clock;
  /** Measures the leftover-room interval. Default `performance.now()`. */
  clock?: MonotonicClock;
}

/** The failure reason of a dial whose result was lost (the process died mid-dial). */
export const INTERRUPTED = 'interrupted';

const LOOKUP_BATCH = 16;

/** The statuses of a call that may have rung: a dial placed, ringing, or answered. */
const LIVE = new Set(['connecting', 'ringing', 'active']);

export class LiveCallTracker {
  readonly #deps: LiveCallTrackerDeps;
  readonly #clock: MonotonicClock;
  readonly #wallClock: Clock;
  readonly #tracked = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<void> | undefined;
  #leftoverRoomsCheckedAt = Number.NEGATIVE_INFINITY;
  #undialedGraceUntil = Number.NEGATIVE_INFINITY;

  constructor(deps: LiveCallTrackerDeps) {
    this.#deps = deps;
    this.#clock = deps.clock ?? monotonicClock;
    this.#wallClock = deps.wallClock ?? wallClock;
  }

  get size(): number {
    return this.#tracked.size;
  }

  track(callId: string): void {
    this.#tracked.add(callId);
  }

  /**
   * For the next `ms`, a `connecting` call with no SIP participant is not failed as interrupted
   * but looked at again by a later sweep. A replica taking over a trunk sets it: the leader that
   * claimed those calls may be alive (it lost the trunk, not its life), and hands back to the
   * queue the ones whose INVITE never left (at once: DialQueue.abdicate).
   */
  holdUndialed(ms: number): void {
    this.#undialedGraceUntil = this.#clock.now() + ms;
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.sweep(), this.#deps.intervalMs);
    // Tracking must not keep a stopping process alive.
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#sweeping;
  }

  /** Checks every tracked call once; concurrent calls share one sweep. */
  sweep(): Promise<void> {
    this.#sweeping ??= this.#sweepOnce()
      .catch((error: unknown) =>
        this.#deps.logger.error({ err: error }, 'live-call sweep failed; will retry'),
      )
      .finally(() => {
        this.#sweeping = undefined;
      });
    return this.#sweeping;
  }

  async #sweepOnce(): Promise<void> {
    const { calls, dialer, logger } = this.#deps;
    let roomNames: Set<string> | undefined;
    const now = this.#clock.now();
    const lookForLeftovers =
      now - this.#leftoverRoomsCheckedAt >= (this.#deps.leftoverRoomIntervalMs ?? 60_000);
    if (lookForLeftovers && this.#deps.untrackedLiveCalls) {
      for (const id of await this.#deps.untrackedLiveCalls()) this.#tracked.add(id);
    }
    const dialing = this.#deps.isDialing;
    if (dialing) for (const id of this.#tracked) if (dialing(id)) this.#tracked.delete(id);
    const ids = [...this.#tracked];
    if (lookForLeftovers || ids.length > 0) {
      try {
        roomNames = await dialer.listRoomNames();
      } catch (error) {
        logger.warn({ err: error }, 'could not list LiveKit rooms; will retry');
      }
    }
    if (roomNames && lookForLeftovers) {
      this.#leftoverRoomsCheckedAt = now;
      await this.#tearDownRoomsOfEndedCalls(roomNames);
    }
    const undecided: { id: string; status: string }[] = [];
    for (const row of await calls.statusesOf(ids)) {
      if (!LIVE.has(row.status)) {
        // Over, or back to waiting (handed back to the queue undialed): nothing to watch.
        this.#tracked.delete(row.id);
      } else if (row.status === 'active') {
        // The room outlives the callee by LiveKit's departure timeout; once it is gone the
        // call is certainly over, whatever webhooks we missed.
        if (roomNames && !roomNames.has(roomNameForCall(row.id))) {
          await completeAnsweredCall(
            calls,
            row.id,
            { source: 'tracker', reason: 'room_gone' },
            this.#wallClock,
          );
          this.#tracked.delete(row.id);
        }
      } else {
        undecided.push(row);
      }
    }
    for (let i = 0; i < undecided.length; i += LOOKUP_BATCH) {
      await Promise.all(undecided.slice(i, i + LOOKUP_BATCH).map((row) => this.#reconcileDial(row)));
    }
  }

  /**
   * A room of ours whose call has ended is torn down: the hang-up that should have removed it
   * failed, or the process that owed it died. This is what makes a cancel's teardown survive a
   * crash (start-up runs a sweep) and a LiveKit outage longer than the teardown's own retries.
   */
  async #tearDownRoomsOfEndedCalls(roomNames: Set<string>): Promise<void> {
    const callIds = [...roomNames].map(callIdFromRoomName).filter((id): id is string => id !== undefined);
    for (const row of await this.#deps.calls.statusesOf(callIds)) {
      if (isTerminalStatus(row.status))
        void this.#deps.teardown.start(row.id, `leftover room (${row.status})`);
    }
  }

  /**
   * A connecting/ringing call whose dial result will never arrive. SIP participant still in the
   * room: follow it (answered → active). Gone: the call is over and we cannot know how it went,
   * so it fails as "interrupted" (never re-dialed: the person may have been rung already).
   */
  async #reconcileDial({ id: callId, status }: { id: string; status: string }): Promise<void> {
    const { calls, dialer, logger } = this.#deps;
    const roomName = roomNameForCall(callId);
    let participant: Awaited<ReturnType<Dialer['findSipParticipant']>>;
    try {
      participant = await dialer.findSipParticipant(roomName, sipIdentityForCall(callId));
    } catch (error) {
      logger.warn({ err: error, callId }, 'could not look up the SIP participant; will retry');
      return;
    }
    if (participant && participant.callStatus !== 'hangup') {
      const patch = { sip_participant_id: participant.sipParticipantId };
      if (participant.callStatus === 'active') {
        const now = this.#wallClock.now();
        const answered = await calls.transition(callId, 'active', {
          from: ['connecting', 'ringing'],
          patch: { ...patch, answered_at: now.toISOString() },
          details: { source: 'tracker', sipCallStatus: participant.callStatus },
          now,
        });
        if (answered) logger.info({ callId }, 'interrupted dial was answered; tracking it');
      } else {
        await calls.transition(callId, 'ringing', {
          from: ['connecting'],
          patch,
          details: { source: 'tracker', sipCallStatus: participant.callStatus },
          now: this.#wallClock.now(),
        });
      }
      return;
    }
    // Ringing had a participant, so it has left; connecting may be on its way back to the queue.
    if (status === 'connecting' && this.#clock.now() < this.#undialedGraceUntil) return;
    // Handed back and claimed here since the sweep read it: its dial has it now.
    if (this.#deps.isDialing?.(callId)) {
      this.#tracked.delete(callId);
      return;
    }
    const now = this.#wallClock.now();
    const failed = await calls.transition(callId, 'failed', {
      from: ['connecting', 'ringing'],
      patch: { failure_reason: INTERRUPTED, ended_at: now.toISOString(), duration: 0 },
      details: { source: 'tracker', reason: INTERRUPTED },
      now,
    });
    if (!failed) {
      // Its status changed since it was read: a cancel, or the dial's result written by the
      // replica that placed it (a leader settling after it lost the trunk). Still tracked: the
      // next sweep drops it if it ended, and ends it when its room goes if it was answered (its
      // end may have been reported before its answer was written, and then changed nothing).
      return;
    }
    this.#tracked.delete(callId);
    logger.warn({ callId }, 'interrupted dial has no SIP participant in LiveKit; marked failed');
    // The room may remain with a dispatched agent in it.
    void this.#deps.teardown.start(callId, INTERRUPTED);
  }
}
