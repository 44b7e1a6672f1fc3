/**
 * @module
 * What every store's `CallStore.transition` shares, whatever its database: the sources the status
 * machine allows (the SQL guard's `WHERE status IN (…)`), and the diagnostics channel each
 * committed change is published on.
 */
import { channel } from 'node:diagnostics_channel';
import { allowedSourcesOf, type CallStatus } from '@outdial/contract';
import type { CallRow, CallStore } from '../ports/call-store';

/** A status change has committed. Published on {@link CALL_TRANSITION_CHANNEL}. */
export interface CallTransitionMessage {
  /**
   * The store the write went through. Channels are process-wide and several servers may share a
   * process (tests, an embedding app): a subscriber keeps the messages of its own store.
   */
  calls: CallStore;
  from: CallStatus;
  to: CallStatus;
  /** The call as written. */
  call: CallRow;
  /** What the call event recorded (source, SIP code, failure reason…). */
  details: Record<string, unknown>;
  /** The webhook deliveries the change owes, written with it: the dispatcher wakes only for these. */
  webhookDeliveries: number;
}

/**
 * Every committed status change, on `node:diagnostics_channel`, for in-process observers (the
 * metrics exporter); nothing is built when nobody subscribes.
 */
export const CALL_TRANSITION_CHANNEL = 'outdial:call:transition';

const transitioned = channel(CALL_TRANSITION_CHANNEL);

/**
 * The statuses a call may be in to move to `to`: those the transition table allows, narrowed to
 * `from` when given. Empty: the move is never allowed.
 */
export function transitionSources(to: CallStatus, from?: readonly CallStatus[]): CallStatus[] {
  return allowedSourcesOf(to).filter((status) => !from || from.includes(status));
}

/** Call after the commit: a rolled-back change is never reported. */
export function publishCallTransition(message: CallTransitionMessage): void {
  if (transitioned.hasSubscribers) transitioned.publish(message);
}
