/**
 * @module
 * What the replicas on one PostgreSQL database tell each other, over LISTEN/NOTIFY
 * (postgres-notifications.ts): every committed call transition and batch event (so event streams,
 * webhook senders and the leader's Dial queue wake for other replicas' writes) and the batch
 * decisions the leader's queue must apply (ReplicaDialQueue).
 *
 * Why sent right after the commit, from the in-process committed channels, rather than with
 * `pg_notify` inside each committing transaction: the stores stay free of replication (SQLite
 * shares their code and has no NOTIFY), and every writer is covered at one place. The price is a
 * crash between the commit and the send, which loses that wake-up: nothing depends on one, since
 * notifications are only wake-ups. The leader's window re-reads the backlog when idle, streams
 * re-read at their keep-alive, webhook senders poll, and a replica whose connection was down
 * asks everyone to re-read when it is back ('reread').
 *
 * Payloads are small (ids, and a queued call's place in line) and coalesced: everything committed
 * in one turn of the event loop goes out in one round trip. A replica ignores its own.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Logger } from 'pino';
import type { QueuedCallNotice } from '../calls/call-queue';
import type { QueuedCallOrder } from '../dial/queued-call-ranks';
import type { CallStore } from '../ports/call-store';
import { BATCH_EVENT_CHANNEL, type BatchEventMessage } from '../store/batch-changes';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';

export type ReplicaSignal =
  /** A call transition (with `callId`) or a batch event committed. */
  | {
      kind: 'change';
      organizationId: string;
      callId?: string;
      to?: string;
      /** The call's batch (null: none), with `callId`: for the concurrency limits. */
      batchId?: string | null;
      /** It owes webhook deliveries: the senders should look. */
      webhooks: boolean;
      /** The call is queued now: its place in line, for the leader's queue (and queue positions). */
      queued?: QueuedCallNotice;
      /** The call left the queue (claimed, cancelled…): where it stood, for queue positions. */
      left?: QueuedCallOrder;
    }
  | { kind: 'pause' | 'resume' | 'cancel'; batchId: string }
  | { kind: 'limit'; batchId: string; max: number }
  /** The sender may have missed sending some: re-read everything. */
  | { kind: 'reread' };

interface Envelope {
  from: string;
  signal: ReplicaSignal;
}

export interface ReplicaSignalsDeps {
  notifications: {
    notify(payloads: readonly string[]): Promise<void>;
    subscribe(listener: (payload: string) => void): () => void;
  };
  /** This replica's stores: only their commits are sent (a process may hold several servers). */
  calls: CallStore;
  replicaId: string;
  /** What another replica sent. */
  onSignal(signal: ReplicaSignal): void;
  logger: Pick<Logger, 'warn'>;
}

export class ReplicaSignals {
  readonly #deps: ReplicaSignalsDeps;
  #pending: string[] = [];
  #flushScheduled = false;
  /** One send at a time on the connection, in order. */
  #sending: Promise<void> = Promise.resolve();
  #unsubscribe: (() => void) | undefined;
  readonly #onTransition = (message: unknown) => {
    const { calls, call, from, to, webhookDeliveries } = message as CallTransitionMessage;
    if (calls !== this.#deps.calls) return;
    this.send({
      kind: 'change',
      organizationId: call.organization_id,
      callId: call.id,
      to,
      batchId: call.batch_id ?? null,
      webhooks: webhookDeliveries > 0,
      ...(to === 'queued' ? { queued: queuedNotice(call) } : {}),
      ...(from === 'queued' && to !== 'queued'
        ? { left: { priority: call.priority, seq: call.seq, dial_turn: call.dial_turn } }
        : {}),
    });
  };
  readonly #onBatchEvent = (message: unknown) => {
    const { calls, organizationId, webhookDeliveries } = message as BatchEventMessage;
    if (calls !== this.#deps.calls) return;
    this.send({ kind: 'change', organizationId, webhooks: webhookDeliveries > 0 });
  };

  constructor(deps: ReplicaSignalsDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#unsubscribe = this.#deps.notifications.subscribe((payload) => this.#receive(payload));
    subscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    subscribe(BATCH_EVENT_CHANNEL, this.#onBatchEvent);
  }

  stop(): void {
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    unsubscribe(BATCH_EVENT_CHANNEL, this.#onBatchEvent);
    this.#unsubscribe?.();
  }

  /** Queues a signal for the other replicas; sent with the others of this turn. */
  send(signal: ReplicaSignal): void {
    this.#pending.push(JSON.stringify({ from: this.#deps.replicaId, signal } satisfies Envelope));
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#flushScheduled = false;
    const payloads = this.#pending;
    this.#pending = [];
    this.#sending = this.#sending
      .then(() => this.#deps.notifications.notify(payloads))
      .catch((error: unknown) => {
        // The connection is down; once it is back, 'reread' makes up for these (see the wiring).
        this.#deps.logger.warn(
          { err: error, signals: payloads.length },
          'could not signal the other replicas',
        );
      });
  }

  #receive(payload: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return; // not ours
    }
    if (envelope.from === this.#deps.replicaId || typeof envelope.signal !== 'object') return;
    this.#deps.onSignal(envelope.signal);
  }
}

function queuedNotice(call: CallTransitionMessage['call']): QueuedCallNotice {
  return {
    id: call.id,
    priority: call.priority,
    seq: call.seq,
    organization_id: call.organization_id,
    agent_id: call.agent_id,
    calling_window: call.calling_window,
    latest_at: call.latest_at,
    batch_id: call.batch_id,
    dial_turn: call.dial_turn,
  };
}
