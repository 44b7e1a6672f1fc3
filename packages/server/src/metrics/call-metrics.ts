/**
 * @module
 * Counters and histograms of the calls' life, fed by the Dial queue's and the status machine's
 * diagnostics channels: dial starts, the wait from acceptance to INVITE, and how calls end.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { isTerminalStatus } from '@outdial/contract';
import { Counter, Histogram, type Registry } from 'prom-client';
import { INVITE_SENT_CHANNEL, type InviteSentMessage } from '../dial/dial-diagnostics';
import type { CallStore } from '../ports/call-store';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';
import { failureClassOf } from './failure-class';

export interface CallMetricsDeps {
  registry: Registry;
  /** Only this store's calls are counted (other servers may share the process). */
  calls: CallStore;
  /** The `trunk` label of an agent's trunk (null: the default trunk). */
  trunkLabel: (sipTrunkId: string | null) => string;
}

/** Seconds: from an immediate dial up to a backlog drained over an hour. */
const QUEUE_WAIT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

/**
 * Subscribes for as long as the server runs.
 * @returns the unsubscribe, for close()
 */
export function observeCalls({ registry, calls, trunkLabel }: CallMetricsDeps): () => void {
  const dialStarts = new Counter({
    name: 'outdial_dial_starts_total',
    help: 'Dial starts (SIP INVITEs sent to LiveKit), as the CPS pacer counts them.',
    labelNames: ['trunk'],
    registers: [registry],
  });
  const queueWait = new Histogram({
    name: 'outdial_dial_queue_wait_seconds',
    help: 'Time from a call being accepted (201) to its INVITE being sent.',
    labelNames: ['trunk'],
    buckets: QUEUE_WAIT_BUCKETS,
    registers: [registry],
  });
  const callsEnded = new Counter({
    name: 'outdial_calls_ended_total',
    help: 'Calls that reached a terminal status, by status and failure class.',
    labelNames: ['status', 'failure_class'],
    registers: [registry],
  });

  const onInviteSent = (message: unknown) => {
    const invite = message as InviteSentMessage;
    if (invite.calls !== calls) return;
    const trunk = trunkLabel(invite.sipTrunkId);
    dialStarts.inc({ trunk });
    // A clock step between the two Date.now() readings must not record a negative wait.
    queueWait.observe({ trunk }, Math.max(0, invite.at - invite.acceptedAt) / 1000);
  };
  const onTransition = (message: unknown) => {
    const { calls: source, to, call, details } = message as CallTransitionMessage;
    if (source !== calls || !isTerminalStatus(to)) return;
    callsEnded.inc({ status: to, failure_class: failureClassOf(to, details, call.failure_reason) });
  };
  subscribe(INVITE_SENT_CHANNEL, onInviteSent);
  subscribe(CALL_TRANSITION_CHANNEL, onTransition);
  return () => {
    unsubscribe(INVITE_SENT_CHANNEL, onInviteSent);
    unsubscribe(CALL_TRANSITION_CHANNEL, onTransition);
  };
}
