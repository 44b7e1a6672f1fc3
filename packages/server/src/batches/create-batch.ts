/**
 * @module
 * Creating a batch (POST /api/v1/batches) after authentication and schema validation: the metadata
 * limits of the batch and of each row, the scheduling rules, the agent checks and each row's
 * caller ID, the Idempotency-Key, then every call in one transaction and the hand-off of those due
 * now to the Dial queue.
 */
import {
  apiError,
  type CallingWindow,
  callMetadata,
  callSchedule,
  type components,
  DEFAULT_PRIORITY,
  DEFAULT_RING_TIMEOUT_SECONDS,
  type ErrorDetail,
  exceedsNestingDepth,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  reasonOf,
  scheduleError,
  scheduleViolations,
  validationError,
} from '@outdial/contract';
import { agentPhoneNumbers } from '../agents/agent-resource';
import { claimOrReplay } from '../calls/idempotent-create';
import { requestHash } from '../calls/request-hash';
import type { AgentStore } from '../ports/agent-store';
import type { BatchRow, BatchStore, NewBatchCall } from '../ports/batch-store';
import type { Clock } from '../ports/clock';
import type { IdempotencyRecordRow, IdempotencyStore } from '../ports/idempotency-store';
import { newBatchId, newCallId } from '../store/ids';
import type { BatchQueue } from './batch-queue';
import { type BatchResource, toBatchResource } from './batch-resource';

export type CreateBatchBody = components['schemas']['CreateBatchRequest'];

export interface CreateBatchDeps {
  batches: BatchStore;
  agents: AgentStore;
  idempotency: IdempotencyStore;
  queue: BatchQueue;
  clock: Clock;
  livekitConfigured: boolean;
  defaultCallingWindow?: CallingWindow | undefined;
}

export interface CreateBatchResult {
  status: number;
  body: { data: BatchResource };
  replayed: boolean;
}

/** The default of BatchRetry.delaySeconds. */
const DEFAULT_RETRY_DELAY_SECONDS = 300;

export async function createBatch(
  deps: CreateBatchDeps,
  request: { organizationId: string; body: CreateBatchBody; idempotencyKey?: string | undefined },
): Promise<CreateBatchResult> {
  const { organizationId, body, idempotencyKey } = request;
  const now = deps.clock.now();

  const metadataProblems = [
    ...metadataDetails(body.metadata ?? {}, 'metadata'),
    ...body.calls.flatMap((row, i) =>
      metadataDetails({ ...body.metadata, ...row.metadata }, `calls.${i}.metadata`),
    ),
  ];
  if (metadataProblems.length > 0) throw validationError(metadataProblems);
  const scheduleProblem = scheduleError(scheduleViolations(body, now));
  if (scheduleProblem) throw scheduleProblem;

  const agent = await deps.agents.find(organizationId, body.agentId);
  if (!agent) throw apiError('agent_not_found');
  if (agent.type !== 'voice') throw apiError('agent_not_voice');
  if (agent.status !== 'active') throw apiError('agent_inactive');
  const phoneNumbers = agentPhoneNumbers(agent);
  const defaultCallerId = body.callerId ?? phoneNumbers[0];
  if (defaultCallerId === undefined && body.calls.some((row) => row.callerId === undefined)) {
    throw apiError('agent_has_no_caller_id');
  }
  const callerIdProblems: ErrorDetail[] = [];
  const notAllowed = reasonOf('caller_id_not_allowed');
  if (body.callerId !== undefined && !phoneNumbers.includes(body.callerId)) {
    callerIdProblems.push({ field: 'callerId', message: notAllowed });
  }
  body.calls.forEach((row, i) => {
    if (row.callerId !== undefined && !phoneNumbers.includes(row.callerId)) {
      callerIdProblems.push({ field: `calls.${i}.callerId`, message: notAllowed });
    }
  });
  if (callerIdProblems.length > 0) {
    throw apiError('caller_id_not_allowed', {}, { details: callerIdProblems });
  }
  if (!deps.livekitConfigured) throw apiError('livekit_not_configured');

  if (idempotencyKey !== undefined) {
    const hash = requestHash('POST', '/api/v1/batches', body);
    const replay = await claimOrReplay<CreateBatchResult['body']>(
      deps,
      organizationId,
      idempotencyKey,
      hash,
      (existing) => recoverBatch(deps, existing),
    );
    if (replay) return replay;
  }

  const at = now.toISOString();
  const callingWindow = body.callingWindow ?? deps.defaultCallingWindow ?? null;
  const schedule = callSchedule(body, callingWindow, now);
  const latestAt = body.latestAt === undefined ? null : new Date(body.latestAt).toISOString();
  const batch: BatchRow = {
    id: newBatchId(),
    organization_id: organizationId,
    name: body.name,
    agent_id: agent.id,
    status: 'active',
    priority: body.priority ?? DEFAULT_PRIORITY,
    caller_id: body.callerId ?? null,
    scheduled_at: body.scheduledAt === undefined ? null : new Date(body.scheduledAt).toISOString(),
    latest_at: latestAt,
    calling_window: callingWindow === null ? null : JSON.stringify(callingWindow),
    max_concurrent_calls: body.maxConcurrentCalls ?? null,
    retry: body.retry ? JSON.stringify({ delaySeconds: DEFAULT_RETRY_DELAY_SECONDS, ...body.retry }) : null,
    webhook_url: body.webhookUrl ?? null,
    metadata: JSON.stringify(body.metadata ?? {}),
    created_at: at,
    updated_at: at,
    completed_at: null,
  };
  const calls: NewBatchCall[] = body.calls.map((row) => {
    const priority = row.priority ?? batch.priority;
    const callerId = (row.callerId ?? defaultCallerId) as string;
    return {
      status: schedule.scheduled ? 'scheduled' : 'queued',
      call: {
        id: newCallId(),
        organization_id: organizationId,
        agent_id: agent.id,
        agent_name: agent.name,
        agent_type: agent.type,
        phone_number: row.phoneNumber,
        caller_id: callerId,
        priority,
        ring_timeout_seconds: DEFAULT_RING_TIMEOUT_SECONDS,
        max_duration_seconds: null,
        metadata: JSON.stringify(callMetadata({ ...body.metadata, ...row.metadata }, callerId, priority)),
        variables: JSON.stringify(row.variables ?? {}),
        room_id: null,
        job_id: null,
        sip_participant_id: null,
        failure_reason: null,
        summary: null,
        started_at: at,
        answered_at: null,
        ended_at: null,
        duration: null,
        webhook_url: batch.webhook_url,
        scheduled_at: schedule.scheduled ? schedule.dueAt.toISOString() : null,
        latest_at: latestAt,
        calling_window: batch.calling_window,
        batch_id: batch.id,
        attempt: 1,
        retry_of: null,
        updated_at: at,
      },
    };
  });

  let written: Awaited<ReturnType<BatchStore['insertWithCalls']>>;
  try {
    written = await deps.batches.insertWithCalls(
      batch,
      calls,
      idempotencyKey === undefined ? undefined : { organizationId, key: idempotencyKey },
    );
  } catch (error) {
    if (idempotencyKey !== undefined) await deps.idempotency.release(organizationId, idempotencyKey);
    throw error;
  }
  // As committed: every call in its first status (no read racing the dials that start next).
  const counts = {
    total: written.length,
    byStatus: { [calls[0]?.status ?? 'queued']: written.length },
    retrying: 0,
  };
  const result = { status: 201, body: { data: toBatchResource(batch, counts) } };
  if (idempotencyKey !== undefined) {
    await deps.idempotency.complete(organizationId, idempotencyKey, { ...result, callId: batch.id });
  }
  if (batch.max_concurrent_calls !== null) deps.queue.limitBatch(batch.id, batch.max_concurrent_calls);
  deps.queue.notifyQueuedMany(written.filter((call) => call.status === 'queued'));
  return { ...result, replayed: false };
}

function metadataDetails(metadata: Record<string, unknown>, field: string): ErrorDetail[] {
  // Depth first: JSON.stringify would overflow the stack on metadata nested thousands deep.
  if (exceedsNestingDepth(metadata, MAX_METADATA_DEPTH))
    return [{ field, message: reasonOf('metadata_too_deep') }];
  if (Buffer.byteLength(JSON.stringify(metadata), 'utf8') > MAX_METADATA_BYTES) {
    return [{ field, message: reasonOf('metadata_too_large') }];
  }
  return [];
}

/** The response the crashed request would have given, for an abandoned claim whose batch exists. */
async function recoverBatch(
  deps: CreateBatchDeps,
  existing: IdempotencyRecordRow,
): Promise<{ status: number; body: CreateBatchResult['body']; resourceId: string } | undefined> {
  // The batch commits with its link to the claim, or not at all.
  const batch = existing.call_id ? await deps.batches.find(existing.call_id) : undefined;
  if (!batch) return undefined;
  return {
    status: 201,
    body: { data: toBatchResource(batch, await deps.batches.counts(batch.id)) },
    resourceId: batch.id,
  };
}
