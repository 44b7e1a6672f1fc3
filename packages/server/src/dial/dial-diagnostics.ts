/**
 * @module
 * Dial events on `node:diagnostics_channel`, for whoever wants to watch the Dial queue from inside
 * the process (tests, a metrics exporter) at no cost when nobody subscribes.
 */
import { channel } from 'node:diagnostics_channel';

/** A call's INVITE (CreateSIPParticipant) is on the socket. */
export interface InviteSentMessage {
  callId: string;
  /** `Date.now()` when the request's headers were written: the moment the pacer counts. */
  at: number;
  /** The same moment on the process's monotonic clock (`performance.now()`), for intervals. */
  monotonicMs: number;
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

export function publishInviteSent(callId: string): void {
  if (inviteSent.hasSubscribers)
    inviteSent.publish({
      callId,
      at: Date.now(),
      monotonicMs: performance.now(),
    } satisfies InviteSentMessage);
}
