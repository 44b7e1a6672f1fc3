/**
 * @module
 * POST /api/v1/calls/outbound. After the pipeline's auth and schema validation: the metadata
 * depth and size limits, the agent checks in the contract's order (exists in your organization,
 * is a voice agent, is active, has a number to call from, owns the caller ID), then idempotency,
 * then the call is queued.
 */
import {
  apiError,
  CALL_QUEUED_MESSAGE,
  callMetadata,
  DEFAULT_PRIORITY,
  DEFAULT_RING_TIMEOUT_SECONDS,
  exceedsNestingDepth,
  fieldError,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
} from '@outdial/contract';
import { withIdempotency } from './idempotency';
import type { Call, StoredCall } from './mock-types';
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';

type CreateBody = {
  agentId: string;
  phoneNumber: string;
  callerId?: string;
  metadata?: Record<string, unknown>;
  priority?: number;
  ringTimeoutSeconds?: number;
  maxDurationSeconds?: number;
  variables?: Record<string, string>;
  webhookUrl?: string;
};

/**
 * Queues an outbound call.
 *
 * @example
 * const result = await createOutboundCall(validatedRequest); // { status: 201, body: { data, message } }
 */
export async function createOutboundCall(request: OperationRequest): Promise<OperationResult> {
  const { runtime } = request;
  const organization = organizationOf(request);
  const body = request.body as CreateBody;

  if (body.metadata !== undefined) {
    // Depth first, without recursion: JSON.stringify overflows the stack on deep enough metadata.
    if (exceedsNestingDepth(body.metadata, MAX_METADATA_DEPTH)) {
      throw fieldError('metadata_too_deep', 'metadata');
    }
    const bytes = new TextEncoder().encode(JSON.stringify(body.metadata)).length;
    if (bytes > MAX_METADATA_BYTES) {
      throw fieldError('metadata_too_large', 'metadata');
    }
  }

  const stored = runtime.state.agents.get(body.agentId);
  if (!stored || stored.organizationId !== organization.id) throw apiError('agent_not_found');
  const agent = stored.agent;
  if (agent.type !== 'voice') throw apiError('agent_not_voice');
  if (agent.status !== 'active') throw apiError('agent_inactive');
  const callerId = body.callerId ?? agent.phoneNumbers[0];
  // An agent may exist before its numbers do; with no callerId sent there is no field to blame.
  if (callerId === undefined) throw apiError('agent_has_no_caller_id');
  if (!agent.phoneNumbers.includes(callerId)) {
    throw fieldError('caller_id_not_allowed', 'callerId');
  }

  const key = request.params['Idempotency-Key'] as string | undefined;
  return withIdempotency(runtime.state, organization.id, key, body, runtime.now().getTime(), async () => {
    await runtime.createLatency();
    const now = runtime.now().toISOString();
    const priority = body.priority ?? DEFAULT_PRIORITY;
    const id = runtime.ids.callId(Date.parse(now));
    const call: Omit<Call, 'queuePosition'> = {
      id,
      status: 'queued',
      agentId: agent.id,
      phoneNumber: body.phoneNumber,
      callerId,
      startedAt: now,
      agent: { id: agent.id, name: agent.name, type: agent.type },
      metadata: callMetadata(body.metadata, callerId, priority),
      priority,
      ringTimeoutSeconds: body.ringTimeoutSeconds ?? DEFAULT_RING_TIMEOUT_SECONDS,
      maxDurationSeconds: body.maxDurationSeconds ?? null,
      variables: body.variables ?? {},
      roomId: null,
      jobId: null,
      sipParticipantId: null,
      answeredAt: null,
      endedAt: null,
      duration: null,
      failureReason: null,
      cancellation: null,
      summary: null,
      webhookUrl: body.webhookUrl ?? null,
      updatedAt: now,
    };
    const entry: StoredCall = {
      call,
      organizationId: organization.id,
      sequence: runtime.state.nextSequence(),
    };
    runtime.state.calls.set(id, entry);
    runtime.progression.started(entry);
    const { agentId, phoneNumber, startedAt, agent: summary, metadata } = call;
    return {
      status: 201,
      body: {
        data: { id, status: 'queued', agentId, phoneNumber, callerId, startedAt, agent: summary, metadata },
        message: CALL_QUEUED_MESSAGE,
      },
    };
  });
}
