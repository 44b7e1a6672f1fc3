/**
 * @module
 * The shapes the mock stores and returns: the spec's `Agent` and `Call` themselves, so the mock
 * cannot drift from them (response conformance is also checked against the spec in the tests).
 */
import type { components } from '@outdial/contract';

/** An agent, as the API returns it. */
export type Agent = components['schemas']['Agent'];

/** A call, as `GET /api/v1/calls/{callId}` returns it. */
export type Call = components['schemas']['Call'];

/** A batch, as the API returns it. */
export type Batch = components['schemas']['Batch'];

/** A batch plus what only the mock needs: its contacts' latest attempts, and its own state. */
export type StoredBatch = {
  /** The batch as created; `status`, `counters`, `updatedAt` and `completedAt` are derived on read. */
  batch: Omit<Batch, 'status' | 'counters' | 'updatedAt' | 'completedAt'>;
  organizationId: string;
  /** Each contact's latest attempt, in the order the contacts were sent. */
  contacts: StoredCall[];
  paused: boolean;
  /** Whether its `batch.started` was recorded (its first calls became due). */
  started: boolean;
  /** When it was cancelled, or became completed (ISO); null while it runs. */
  completedAt: string | null;
  cancelled: boolean;
  updatedAt: string;
};

/** An organization and its API key. */
export type Organization = { id: string; name: string; apiKey: string };

/** A call plus what only the mock needs to know about it. */
export type StoredCall = {
  /** The call, except `queuePosition`, which is computed from the queue on every read. */
  call: Omit<Call, 'queuePosition'>;
  organizationId: string;
  /** Arrival order, the Dial queue's tie-breaker within one turn. */
  sequence: number;
  /**
   * Its turn in the Dial queue among the queued calls of its priority, set each time it becomes
   * `queued` (`MockState.enterQueue`, as the server's store does); absent before it first is.
   */
  dialTurn?: number;
};

/** A stored agent plus its owner. */
export type StoredAgent = { agent: Agent; organizationId: string };
