/**
 * @module
 * A new call's record, with every field the server fills at creation: shared by
 * createOutboundCall, the calls of a batch and their retries, so all three start alike.
 */
import { type CallingWindow, type CallStatus, DEFAULT_RING_TIMEOUT_SECONDS } from '@outdial/contract';
import type { Agent, Call } from './mock-types';

/** What differs between new calls. */
export type NewCallInput = {
  id: string;
  status: Extract<CallStatus, 'queued' | 'scheduled'>;
  /** ISO creation instant (`startedAt`, `updatedAt`). */
  now: string;
  agent: Agent;
  phoneNumber: string;
  callerId: string;
  metadata: Call['metadata'];
  priority: number;
  ringTimeoutSeconds?: number | undefined;
  maxDurationSeconds?: number | undefined;
  variables?: Record<string, string> | undefined;
  webhookUrl?: string | null | undefined;
  /** When a `scheduled` call falls due; null for a call queued at once. */
  scheduledAt: string | null;
  latestAt?: string | null | undefined;
  callingWindow: CallingWindow | null;
  batchId?: string | undefined;
  attempt?: number | undefined;
  retryOf?: string | undefined;
};

/**
 * The call as the mock stores it (everything but `queuePosition`, computed on read).
 *
 * @example
 * const call = newCall({ id, status: 'queued', now, agent, phoneNumber, callerId, metadata, priority: 5, scheduledAt: null, callingWindow: null });
 */
export function newCall(input: NewCallInput): Omit<Call, 'queuePosition'> {
  const { agent } = input;
  return {
    id: input.id,
    status: input.status,
    agentId: agent.id,
    phoneNumber: input.phoneNumber,
    callerId: input.callerId,
    startedAt: input.now,
    agent: { id: agent.id, name: agent.name, type: agent.type },
    metadata: input.metadata,
    priority: input.priority,
    ringTimeoutSeconds: input.ringTimeoutSeconds ?? DEFAULT_RING_TIMEOUT_SECONDS,
    maxDurationSeconds: input.maxDurationSeconds ?? null,
    variables: input.variables ?? {},
    roomId: null,
    jobId: null,
    sipParticipantId: null,
    answeredAt: null,
    endedAt: null,
    duration: null,
    failureReason: null,
    cancellation: null,
    summary: null,
    webhookUrl: input.webhookUrl ?? null,
    scheduledAt: input.scheduledAt,
    latestAt: input.latestAt ?? null,
    callingWindow: input.callingWindow && structuredClone(input.callingWindow),
    batchId: input.batchId ?? null,
    attempt: input.attempt ?? 1,
    retryOf: input.retryOf ?? null,
    updatedAt: input.now,
  };
}
