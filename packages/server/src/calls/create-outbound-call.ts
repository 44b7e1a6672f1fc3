/**
 * @module
 * Placing a call (POST /api/v1/calls/outbound) after authentication and schema validation: the
 * metadata depth and size, the scheduling rules, the agent checks in the contract's order, the
 * Idempotency-Key, and the hand-off to the Dial queue, or to the schedule when the call is due
 * later (a future `scheduledAt`, or a calling window closed now).
 */
import {
  apiError,
  CALL_QUEUED_MESSAGE,
  type CallingWindow,
  callMetadata,
  callSchedule,
  DEFAULT_PRIORITY,
  DEFAULT_RING_TIMEOUT_SECONDS,
  exceedsNestingDepth,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  reasonOf,
  scheduleError,
  scheduleViolations,
} from '@outdial/contract';
import type { Logger } from 'pino';
import { agentPhoneNumbers } from '../agents/agent-resource';
import type { AgentStore } from '../ports/agent-store';
import type { CallEntry, CallRow, CallStore, NewCall } from '../ports/call-store';
import type { Clock } from '../ports/clock';
import type { IdempotencyRecordRow, IdempotencyStore } from '../ports/idempotency-store';
import { newCallId } from '../store/ids';
import type { CallQueue } from './call-queue';
import { type QueuedCallResource, toQueuedCallResource } from './call-resource';
import { claimOrReplay } from './idempotent-create';
import { requestHash } from './request-hash';

/** The request body after schema validation (defaults applied). */
export interface CreateOutboundCallBody {
  agentId: string;
  phoneNumber: string;
  callerId?: string;
  metadata?: Record<string, unknown>;
  priority?: number;
  ringTimeoutSeconds?: number;
  maxDurationSeconds?: number;
  variables?: Record<string, string>;
  webhookUrl?: string;
  scheduledAt?: string;
  latestAt?: string;
  callingWindow?: CallingWindow;
}

export interface CreateOutboundCallDeps {
  calls: CallStore;
  agents: AgentStore;
  idempotency: IdempotencyStore;
  queue: CallQueue;
  clock: Clock;
  livekitConfigured: boolean;
  logger: Logger;
  /** OUTDIAL_DEFAULT_CALLING_WINDOW: the window of every call that names none; undefined for none. */
  defaultCallingWindow?: CallingWindow | undefined;
}

export interface CreateOutboundCallResult {
  status: number;
  body: { data: QueuedCallResource; message: string };
  /** True when this is the stored response of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export async function createOutboundCall(
  deps: CreateOutboundCallDeps,
  request: { organizationId: string; body: CreateOutboundCallBody; idempotencyKey?: string | undefined },
): Promise<CreateOutboundCallResult> {
  const { calls, idempotency } = deps;
  const { organizationId, body, idempotencyKey } = request;

  const customMetadata = body.metadata ?? {};
  // Depth first, without recursion: JSON.stringify below (and the request hash) would overflow
  // the stack on metadata nested a few thousand levels deep.
  if (exceedsNestingDepth(customMetadata, MAX_METADATA_DEPTH)) {
    throw apiError(
      'metadata_too_deep',
      {},
      { details: [{ field: 'metadata', message: reasonOf('metadata_too_deep') }] },
    );
  }
  if (Buffer.byteLength(JSON.stringify(customMetadata), 'utf8') > MAX_METADATA_BYTES) {
    throw apiError(
      'metadata_too_large',
      {},
      { details: [{ field: 'metadata', message: reasonOf('metadata_too_large') }] },
    );
  }
  const scheduleProblem = scheduleError(scheduleViolations(body, deps.clock.now()));
  if (scheduleProblem) throw scheduleProblem;

  const agent = await deps.agents.find(organizationId, body.agentId);
  if (!agent) throw apiError('agent_not_found');
  if (agent.type !== 'voice') throw apiError('agent_not_voice');
  if (agent.status !== 'active') throw apiError('agent_inactive');
  const phoneNumbers = agentPhoneNumbers(agent);
  const callerId = body.callerId ?? phoneNumbers[0];
  // An agent may be created before its numbers are bought; it cannot call until it has one. No
  // detail: the caller sent no callerId to point at.
  if (callerId === undefined) throw apiError('agent_has_no_caller_id');
  if (!phoneNumbers.includes(callerId)) {
    const message = apiError('caller_id_not_allowed').message;
    throw apiError('caller_id_not_allowed', {}, { details: [{ field: 'callerId', message }] });
  }
  if (!deps.livekitConfigured) throw apiError('livekit_not_configured');

  if (idempotencyKey !== undefined) {
    const hash = requestHash('POST', '/api/v1/calls/outbound', body);
    const replay = await claimOrReplay<CreateOutboundCallResult['body']>(
      deps,
      organizationId,
      idempotencyKey,
      hash,
      (existing) => recoverCall(deps.calls, existing),
    );
    if (replay) return replay;
  }

  const priority = body.priority ?? DEFAULT_PRIORITY;
  const createdAt = deps.clock.now();
  const now = createdAt.toISOString();
  const callingWindow = body.callingWindow ?? deps.defaultCallingWindow ?? null;
  const schedule = callSchedule(body, callingWindow, createdAt);
  const call: NewCall = {
    id: newCallId(),
    organization_id: organizationId,
    agent_id: agent.id,
    agent_name: agent.name,
    agent_type: agent.type,
    phone_number: body.phoneNumber,
    caller_id: callerId,
    priority,
    ring_timeout_seconds: body.ringTimeoutSeconds ?? DEFAULT_RING_TIMEOUT_SECONDS,
    max_duration_seconds: body.maxDurationSeconds ?? null,
    metadata: JSON.stringify(callMetadata(customMetadata, callerId, priority)),
    variables: JSON.stringify(body.variables ?? {}),
    room_id: null,
    job_id: null,
    sip_participant_id: null,
    failure_reason: null,
    summary: null,
    started_at: now,
    answered_at: null,
    ended_at: null,
    duration: null,
    webhook_url: body.webhookUrl ?? null,
    scheduled_at: null,
    latest_at: body.latestAt === undefined ? null : new Date(body.latestAt).toISOString(),
    calling_window: callingWindow === null ? null : JSON.stringify(callingWindow),
    updated_at: now,
  };
  // Straight on to `queued`, or to `scheduled` (the call scheduler, dial/call-scheduler.ts,
  // queues it when due), in the transaction that inserts it: a failure leaves no call behind.
  const entry: CallEntry = schedule.scheduled
    ? {
        to: 'scheduled',
        patch: { scheduled_at: schedule.dueAt.toISOString() },
        details: { reason: 'scheduled' },
      }
    : { to: 'queued' };
  let created: CallRow;
  try {
    created = await calls.create(
      call,
      entry,
      idempotencyKey === undefined
        ? undefined
        : { organizationId, key: idempotencyKey, response: createdResponse },
    );
  } catch (error) {
    if (idempotencyKey !== undefined) await idempotency.release(organizationId, idempotencyKey);
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.error({ err: error, callId: call.id }, 'failed to queue call');
    throw apiError('queue_failed', { reason });
  }
  if (entry.to === 'queued') deps.queue.notifyQueued(created);
  return { ...createdResponse(created), replayed: false };
}

/** The 201 for a call just created (stored with its Idempotency-Key for replays). */
function createdResponse(call: CallRow): Omit<CreateOutboundCallResult, 'replayed'> {
  return { status: 201, body: { data: toQueuedCallResource(call), message: CALL_QUEUED_MESSAGE } };
}

/** The response the crashed request would have given, for an abandoned claim whose call exists. */
async function recoverCall(
  calls: CallStore,
  existing: IdempotencyRecordRow,
): Promise<{ status: number; body: CreateOutboundCallResult['body']; resourceId: string } | undefined> {
  const call = existing.call_id ? await calls.find(existing.call_id) : undefined;
  // The process died before its call was queued (start-up fails such calls as `interrupted`):
  // nothing was dialed, so the key is free again.
  if (!call || call.status === 'initiated' || (call.status === 'failed' && call.room_id === null))
    return undefined;
  // The process died after creating the call: answer what it would have answered, never a second call.
  return {
    status: 201,
    body: {
      data: { ...toQueuedCallResource(call), status: await statusAnsweredAtCreation(calls, call.id) },
      message: CALL_QUEUED_MESSAGE,
    },
    resourceId: call.id,
  };
}

/** What the create answered: the status the call entered after `initiated` (queued or scheduled). */
async function statusAnsweredAtCreation(calls: CallStore, callId: string): Promise<'queued' | 'scheduled'> {
  const [, first] = await calls.events(callId);
  return first?.to_status === 'scheduled' ? 'scheduled' : 'queued';
}
