/**
 * @module
 * POST /api/v1/calls/outbound. After the pipeline's auth and schema validation: the metadata
 * depth and size limits, the scheduling rules (`scheduleViolations`, shared with the server), the
 * agent checks in the contract's order (exists in your organization, is a voice agent, is active,
 * has a number to call from, owns the caller ID), then idempotency, then the call is queued, or
 * `scheduled` when its `scheduledAt` lies ahead or its calling window is closed now.
 */
import {
  apiError,
  CALL_QUEUED_MESSAGE,
  type CallingWindow,
  callMetadata,
  callSchedule,
  DEFAULT_PRIORITY,
  exceedsNestingDepth,
  fieldError,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  scheduleError,
  scheduleViolations,
} from '@outdial/contract';
import { withIdempotency } from './idempotency';
import type { StoredCall } from './mock-types';
import { newCall } from './new-call';
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
  scheduledAt?: string;
  latestAt?: string;
  callingWindow?: CallingWindow;
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

  const invalidSchedule = scheduleError(scheduleViolations(body, runtime.now()));
  if (invalidSchedule) throw invalidSchedule;

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
  const nowMs = runtime.now().getTime();
  return withIdempotency(
    runtime.state,
    organization.id,
    key,
    '/api/v1/calls/outbound',
    body,
    nowMs,
    async () => {
      await runtime.createLatency();
      const now = runtime.now().toISOString();
      const priority = body.priority ?? DEFAULT_PRIORITY;
      const id = runtime.ids.callId(Date.parse(now));
      const callingWindow = body.callingWindow ?? runtime.defaultCallingWindow ?? null;
      const schedule = callSchedule(body, callingWindow, new Date(now));
      const status = schedule.scheduled ? 'scheduled' : 'queued';
      const call = newCall({
        id,
        status,
        now,
        agent,
        phoneNumber: body.phoneNumber,
        callerId,
        metadata: callMetadata(body.metadata, callerId, priority),
        priority,
        ringTimeoutSeconds: body.ringTimeoutSeconds,
        maxDurationSeconds: body.maxDurationSeconds,
        variables: body.variables,
        webhookUrl: body.webhookUrl,
        scheduledAt: schedule.scheduled ? schedule.dueAt.toISOString() : null,
        latestAt: body.latestAt === undefined ? null : new Date(body.latestAt).toISOString(),
        callingWindow,
      });
      const entry: StoredCall = {
        call,
        organizationId: organization.id,
        sequence: runtime.state.nextSequence(),
      };
      if (status === 'queued') runtime.state.enterQueue(entry);
      runtime.state.calls.set(id, entry);
      runtime.progression.started(entry);
      const { agentId, phoneNumber, startedAt, agent: summary, metadata, scheduledAt } = call;
      return {
        status: 201,
        body: {
          data: {
            id,
            status,
            agentId,
            phoneNumber,
            callerId,
            startedAt,
            agent: summary,
            metadata,
            scheduledAt,
          },
          message: CALL_QUEUED_MESSAGE,
        },
      };
    },
  );
}
