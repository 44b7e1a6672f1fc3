/**
 * @module
 * POST /api/v1/calls/outbound after authentication and schema validation: the metadata depth
 * and size, the agent checks in the contract's order, the Idempotency-Key, and the hand-off to
 * the Dial queue.
 */
import { exceedsNestingDepth } from '@outdial/mock/validation-rules';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { openApiDocument } from '../generated/openapi-document';
import { apiError, reasonOf } from '../http/api-error';
import { agentPhoneNumbers, findAgent } from '../store/agent-store';
import { findCall, insertInitiatedCall } from '../store/call-store';
import { transitionCall } from '../store/call-transitions';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  dropAbandonedClaim,
  releaseIdempotencyKey,
} from '../store/idempotency-store';
import { newCallId } from '../store/ids';
import type { CallRow, Database } from '../store/schema';
import type { CallQueue } from './call-queue';
import { type QueuedCallResource, toQueuedCallResource } from './call-resource';
import { requestHash } from './request-hash';

// The contract's numbers, read from openapi.yaml as the mock reads them.
const requestFields = openApiDocument.components.schemas.CreateOutboundCallRequest.properties;
/** The cap on `metadata` serialized as JSON, in UTF-8 bytes. */
export const MAX_METADATA_BYTES: number = requestFields.metadata['x-max-serialized-bytes'];
/** The cap on how deeply `metadata` nests objects and arrays (the object itself is level 1). */
const MAX_METADATA_DEPTH: number = requestFields.metadata['x-max-depth'];
const DEFAULT_PRIORITY: number = requestFields.priority.default;
const DEFAULT_RING_TIMEOUT_SECONDS: number = requestFields.ringTimeoutSeconds.default;

export const CALL_QUEUED_MESSAGE: string =
  openApiDocument.components.schemas.CreateOutboundCallResponse.properties.message.const;

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
}

export interface CreateOutboundCallDeps {
  db: Kysely<Database>;
  queue: CallQueue;
  livekitConfigured: boolean;
  logger: Logger;
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
  const { db } = deps;
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

  const agent = await findAgent(db, organizationId, body.agentId);
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
    const replay = await claimOrReplay(db, organizationId, idempotencyKey, body);
    if (replay) return replay;
  }

  const priority = body.priority ?? DEFAULT_PRIORITY;
  const now = new Date().toISOString();
  let queued: CallRow | undefined;
  try {
    const initiated = await insertInitiatedCall(
      db,
      {
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
        metadata: JSON.stringify({
          ...customMetadata,
          caller_id: callerId,
          from_phone_number: callerId,
          priority,
        }),
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
        updated_at: now,
      },
      idempotencyKey === undefined ? undefined : { organizationId, key: idempotencyKey },
    );
    queued = await queueCall(deps, initiated);
  } catch (error) {
    if (idempotencyKey !== undefined) await releaseIdempotencyKey(db, organizationId, idempotencyKey);
    throw error;
  }

  const result = { status: 201, body: { data: toQueuedCallResource(queued), message: CALL_QUEUED_MESSAGE } };
  if (idempotencyKey !== undefined) {
    await completeIdempotencyKey(db, organizationId, idempotencyKey, { ...result, callId: queued.id });
  }
  return { ...result, replayed: false };
}

/**
 * A claim still `in_progress` after this long was left by a process that died mid-request: no
 * request of ours takes more than a few database writes.
 */
const ABANDONED_CLAIM_MS = 30_000;

/**
 * Claims the key for this request, or answers as the contract says for a key already used:
 * the stored 201 (replay), 422 for another body, 409 while the first request is in flight.
 * @returns the replay, or undefined when this request now holds the key
 */
async function claimOrReplay(
  db: Kysely<Database>,
  organizationId: string,
  key: string,
  body: CreateOutboundCallBody,
): Promise<CreateOutboundCallResult | undefined> {
  const hash = requestHash('POST', '/api/v1/calls/outbound', body);
  for (;;) {
    const claim = await claimIdempotencyKey(db, organizationId, key, hash);
    if (claim.claimed) return undefined;
    const { existing } = claim;
    if (existing.request_hash !== hash) throw apiError('idempotency_key_reused');
    if (existing.state === 'completed' && existing.response_body !== null) {
      return {
        status: existing.response_status ?? 201,
        body: JSON.parse(existing.response_body) as CreateOutboundCallResult['body'],
        replayed: true,
      };
    }
    const abandoned = Date.now() - Date.parse(existing.created_at) > ABANDONED_CLAIM_MS;
    if (!abandoned) throw apiError('idempotency_in_progress', {}, { headers: { 'Retry-After': '1' } });
    const call = existing.call_id ? await findCall(db, existing.call_id) : undefined;
    // The process died before its call was queued (start-up fails such calls as `interrupted`):
    // nothing was dialed, so the key is free again.
    if (!call || call.status === 'initiated' || (call.status === 'failed' && call.room_id === null)) {
      await dropAbandonedClaim(db, existing);
      continue;
    }
    // The process died after creating the call: answer what it would have answered, never a second call.
    const response = {
      status: 201,
      body: {
        data: { ...toQueuedCallResource(call), status: 'queued' as const },
        message: CALL_QUEUED_MESSAGE,
      },
    };
    await completeIdempotencyKey(db, organizationId, key, { ...response, callId: call.id });
    return { ...response, replayed: true };
  }
}

/**
 * Moves a freshly inserted call to `queued` and hands it to the Dial queue. If either step
 * fails the call is marked `failed` (so it is never left stranded, and never dialed later) and
 * the request answers 500 queue_failed.
 */
async function queueCall(deps: CreateOutboundCallDeps, initiated: CallRow): Promise<CallRow> {
  let queued: CallRow | undefined;
  try {
    queued = await transitionCall(deps.db, initiated.id, 'queued', { from: ['initiated'] });
    if (!queued) throw new Error('the call left the initiated status unexpectedly');
    deps.queue.notifyQueued({ id: queued.id, priority: queued.priority, seq: queued.seq });
    return queued;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.error({ err: error, callId: initiated.id }, 'failed to queue call');
    const endedAt = new Date().toISOString();
    const failed = await transitionCall(deps.db, initiated.id, 'failed', {
      from: ['initiated', 'queued'],
      patch: { failure_reason: `Failed to queue call: ${reason}`, ended_at: endedAt, duration: 0 },
      details: { reason: 'queue_failed', error: reason },
    }).catch(() => undefined);
    // The Dial queue already claimed the call despite the error: it is being dialed, so report
    // it as queued rather than as a failure.
    if (!failed && queued) return queued;
    throw apiError('queue_failed', { reason });
  }
}
