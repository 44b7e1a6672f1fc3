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

/** An organization and its API key. */
export type Organization = { id: string; name: string; apiKey: string };

/** A call plus what only the mock needs to know about it. */
export type StoredCall = {
  /** The call, except `queuePosition`, which is computed from the queue on every read. */
  call: Omit<Call, 'queuePosition'>;
  organizationId: string;
  /** Arrival order, the Dial queue's tie-breaker within one priority. */
  sequence: number;
};

/** A stored agent plus its owner. */
export type StoredAgent = { agent: Agent; organizationId: string };
