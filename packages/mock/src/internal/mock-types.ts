/**
 * @module
 * The shapes the mock stores and returns. They mirror the spec's `Agent` and `Call` schemas
 * (response conformance is checked against the spec in the tests).
 */
import type { CallStatus } from '@outdial/contract';

/** An agent, as the API returns it. */
export type Agent = {
  id: string;
  name: string;
  type: 'voice' | 'chat';
  status: 'active' | 'inactive';
  phoneNumbers: string[];
  livekitAgentName: string | null;
  sipTrunkId: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A call, as `GET /api/v1/calls/{callId}` returns it. */
export type Call = {
  id: string;
  status: CallStatus;
  agentId: string;
  phoneNumber: string;
  callerId: string;
  startedAt: string;
  agent: { id: string; name: string; type: 'voice' | 'chat' };
  metadata: { caller_id: string; from_phone_number: string; priority: number; [key: string]: unknown };
  priority: number;
  ringTimeoutSeconds: number;
  maxDurationSeconds: number | null;
  variables: Record<string, string>;
  roomId: string | null;
  jobId: string | null;
  sipParticipantId: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  duration: number | null;
  failureReason: string | null;
  /** How a cancelled call was stopped; null otherwise. */
  cancellation: 'before_dial' | 'hung_up' | null;
  summary: string | null;
  queuePosition: number | null;
  updatedAt: string;
};

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
