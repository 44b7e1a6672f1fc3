/**
 * @module
 * Dial events on `node:diagnostics_channel`, for whoever wants to watch the Dial queue from inside
 * the process (tests, a metrics exporter) at no cost when nobody subscribes.
 */
import { channel } from 'node:diagnostics_channel';
import type { CallRow, CallStore } from '../ports/call-store';

/** A call's INVITE (CreateSIPParticipant) is on the socket. */
export interface InviteSentMessage {
  callId: string;
  /** `Date.now()` when the request's headers were written: the moment the pacer counts. */
  at: number;
  /** The same moment on the process's monotonic clock (`performance.now()`), for intervals. */
  monotonicMs: number;
  /** `Date.now()` when the call was accepted (its `started_at`, just before it was queued). */
  acceptedAt: number;
  /** The agent's SIP trunk; null when it names none and the dialer's default trunk is used. */
  sipTrunkId: string | null;
  /**
   * The queue's call store. Channels are process-wide and several servers may share a process: a
   * subscriber keeps the messages of its own store.
   */
  calls: CallStore;
}

/**
 * The channel name. Subscribe with `subscribe(INVITE_SENT_CHANNEL, (message) => …)`.
 *
 * @example
 * ```ts
 * import { subscribe } from 'node:diagnostics_channel';
 * subscribe(INVITE_SENT_CHANNEL, (m) => console.log((m as InviteSentMessage).callId));
 * ```
 */
export const INVITE_SENT_CHANNEL = 'outdial:dial:invite-sent';

const inviteSent = channel(INVITE_SENT_CHANNEL);

export function publishInviteSent(calls: CallStore, call: CallRow, sipTrunkId: string | null): void {
  if (inviteSent.hasSubscribers)
    inviteSent.publish({
      callId: call.id,
      // Real time, not the injected clock: observers compare it with the socket's send time and
      // with other processes' clocks (the cancel race, the wait metric).
      at: Date.now(),
      monotonicMs: performance.now(),
      acceptedAt: Date.parse(call.started_at),
      sipTrunkId,
      calls,
    } satisfies InviteSentMessage);
}
