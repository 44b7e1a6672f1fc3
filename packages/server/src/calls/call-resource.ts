/**
 * @module
 * How a stored call looks in the API: the contract's `QueuedCall` (the 201 body) and `Call`.
 */
import type { CallingWindow, components } from '@outdial/contract';
import type { CallRow } from '../ports/call-store';

// The spec's own types: a field the mappers below miss, or one they add, is a compile error.
export type QueuedCallResource = components['schemas']['QueuedCall'];
export type CallResource = components['schemas']['Call'];
type CallMetadata = components['schemas']['CallMetadata'];

export function toQueuedCallResource(row: CallRow): QueuedCallResource {
  return {
    id: row.id,
    status: row.status,
    agentId: row.agent_id,
    phoneNumber: row.phone_number,
    callerId: row.caller_id,
    startedAt: row.started_at,
    agent: { id: row.agent_id, name: row.agent_name, type: row.agent_type },
    metadata: JSON.parse(row.metadata) as CallMetadata,
    scheduledAt: row.scheduled_at ?? null,
  };
}

/** @param queuePosition the 1-based position while the call is queued, else null */
export function toCallResource(row: CallRow, queuePosition: number | null): CallResource {
  return {
    ...toQueuedCallResource(row),
    priority: row.priority,
    ringTimeoutSeconds: row.ring_timeout_seconds,
    maxDurationSeconds: row.max_duration_seconds,
    variables: JSON.parse(row.variables) as Record<string, string>,
    roomId: row.room_id,
    jobId: row.job_id,
    sipParticipantId: row.sip_participant_id,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    duration: row.duration,
    failureReason: row.failure_reason,
    cancellation: row.cancellation,
    summary: row.summary,
    webhookUrl: row.webhook_url ?? null,
    latestAt: row.latest_at ?? null,
    callingWindow: row.calling_window ? (JSON.parse(row.calling_window) as CallingWindow) : null,
    batchId: row.batch_id ?? null,
    attempt: row.attempt ?? 1,
    retryOf: row.retry_of ?? null,
    queuePosition: row.status === 'queued' ? queuePosition : null,
    updatedAt: row.updated_at,
  };
}
