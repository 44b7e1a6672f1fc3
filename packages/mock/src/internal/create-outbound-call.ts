/**
 * @module
 * POST /api/v1/calls/outbound. After the pipeline's auth and schema validation: the metadata
 * depth and size limits, the agent checks in the contract's order (exists in your organization,
 * is a voice agent, is active, has a number to call from, owns the caller ID), then idempotency,
 * then the call is queued.
 */
import { exceedsNestingDepth } from '../validation-rules';
import { ApiError } from './api-error';
import { withIdempotency } from './idempotency';
import type { Call, StoredCall } from './mock-types';
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';
import { resolvePointer, type SchemaNode } from './spec';

const requestSchema = resolvePointer<SchemaNode>('#/components/schemas/CreateOutboundCallRequest');
const metadataSchema = requestSchema.properties?.metadata as SchemaNode;
const MAX_METADATA_BYTES = metadataSchema['x-max-serialized-bytes'] as number;
const MAX_METADATA_DEPTH = metadataSchema['x-max-depth'] as number;
const defaultOf = (name: string): unknown => requestSchema.properties?.[name]?.default;
// The success message is a `const` in the response schema.
const QUEUED_MESSAGE = resolvePointer<string>(
  '#/components/schemas/CreateOutboundCallResponse/properties/message/const',
);

type CreateBody = {
  agentId: string;
  phoneNumber: string;
  callerId?: string;
  metadata?: Record<string, unknown>;
  priority?: number;
  ringTimeoutSeconds?: number;
  maxDurationSeconds?: number;
  variables?: Record<string, string>;
};

/**
 * The call's metadata: the server's keys first, then the caller's. The server's values win
 * over custom keys with the same name.
 */
function callMetadata(
  callerId: string,
  priority: number,
  custom: Record<string, unknown> = {},
): Call['metadata'] {
  const server = { caller_id: callerId, from_phone_number: callerId, priority };
  return { ...server, ...custom, ...server };
}

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
      throw ApiError.fromCatalog('metadata_too_deep', {}, [
        { field: 'metadata', message: ApiError.reasonOf('metadata_too_deep') },
      ]);
    }
    const bytes = new TextEncoder().encode(JSON.stringify(body.metadata)).length;
    if (bytes > MAX_METADATA_BYTES) {
      throw ApiError.fromCatalog('metadata_too_large', {}, [
        { field: 'metadata', message: ApiError.reasonOf('metadata_too_large') },
      ]);
    }
  }

  const stored = runtime.state.agents.get(body.agentId);
  if (!stored || stored.organizationId !== organization.id) throw ApiError.fromCatalog('agent_not_found');
  const agent = stored.agent;
  if (agent.type !== 'voice') throw ApiError.fromCatalog('agent_not_voice');
  if (agent.status !== 'active') throw ApiError.fromCatalog('agent_inactive');
  const callerId = body.callerId ?? agent.phoneNumbers[0];
  // An agent may exist before its numbers do; with no callerId sent there is no field to blame.
  if (callerId === undefined) throw ApiError.fromCatalog('agent_has_no_caller_id');
  if (!agent.phoneNumbers.includes(callerId)) {
    throw ApiError.fromCatalog('caller_id_not_allowed', {}, [
      { field: 'callerId', message: ApiError.fromCatalog('caller_id_not_allowed').message },
    ]);
  }

  const key = request.params['Idempotency-Key'] as string | undefined;
  return withIdempotency(runtime.state, organization.id, key, body, runtime.now().getTime(), async () => {
    await runtime.createLatency();
    const now = runtime.now().toISOString();
    const priority = body.priority ?? (defaultOf('priority') as number);
    const id = runtime.ids.callId(Date.parse(now));
    const call: Omit<Call, 'queuePosition'> = {
      id,
      status: 'queued',
      agentId: agent.id,
      phoneNumber: body.phoneNumber,
      callerId,
      startedAt: now,
      agent: { id: agent.id, name: agent.name, type: agent.type },
      // The server's keys come first and win over custom keys of the same name.
      metadata: callMetadata(callerId, priority, body.metadata),
      priority,
      ringTimeoutSeconds: body.ringTimeoutSeconds ?? (defaultOf('ringTimeoutSeconds') as number),
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
        message: QUEUED_MESSAGE,
      },
    };
  });
}
