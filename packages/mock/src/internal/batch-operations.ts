/**
 * @module
 * The batch operations: createBatch (after the pipeline's schema validation, which names a bad
 * row's field as `calls.<index>.<field>`: the metadata limits of the batch and of every row, the
 * scheduling rules, the agent checks, every caller ID, then idempotency; all rows or none),
 * listBatches, getBatch, pauseBatch, resumeBatch and cancelBatch.
 */
import {
  type ApiError,
  apiError,
  type CallingWindow,
  callMetadata,
  callSchedule,
  DEFAULT_PRIORITY,
  type ErrorDetail,
  exceedsNestingDepth,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  reasonOf,
  scheduleError,
  scheduleViolations,
} from '@outdial/contract';
import { batchStatusOf, toBatch } from './batch-view';
import { paginate } from './cursor';
import { withIdempotency } from './idempotency';
import type { Batch, StoredBatch } from './mock-types';
import { newCall } from './new-call';
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';

type Row = {
  phoneNumber: string;
  callerId?: string;
  priority?: number;
  metadata?: Record<string, unknown>;
  variables?: Record<string, string>;
};

type CreateBatchBody = {
  name: string;
  agentId: string;
  callerId?: string;
  priority?: number;
  scheduledAt?: string;
  latestAt?: string;
  callingWindow?: CallingWindow;
  maxConcurrentCalls?: number;
  retry?: { maxAttempts: number; on: ('busy' | 'no_answer' | 'failed')[]; delaySeconds?: number };
  webhookUrl?: string;
  metadata?: Record<string, unknown>;
  calls: Row[];
};

/** The batch's retry as stored and shown: `delaySeconds` defaults to 300, as in the spec. */
const DEFAULT_RETRY_DELAY_SECONDS = 300;

/** One 400 for several failing fields: the first one's catalog message on top, every one as a detail. */
function fieldErrors(
  failures: { key: Parameters<typeof reasonOf>[0]; field: string }[],
): ApiError | undefined {
  const [first] = failures;
  if (!first) return undefined;
  const details: ErrorDetail[] = failures.map(({ key, field }) => ({ field, message: reasonOf(key) }));
  return apiError(first.key, {}, { details });
}

function metadataFailure(metadata: Record<string, unknown> | undefined, field: string) {
  if (metadata === undefined) return undefined;
  // Depth first, without recursion: JSON.stringify overflows the stack on deep enough metadata.
  if (exceedsNestingDepth(metadata, MAX_METADATA_DEPTH)) return { key: 'metadata_too_deep' as const, field };
  const bytes = new TextEncoder().encode(JSON.stringify(metadata)).length;
  return bytes > MAX_METADATA_BYTES ? { key: 'metadata_too_large' as const, field } : undefined;
}

/**
 * createBatch: every call of the batch recorded at once (queued, or scheduled by the batch's
 * `scheduledAt` and calling window), or none.
 *
 * @example
 * await createBatch(request); // { status: 201, body: { data: Batch } }
 */
export async function createBatch(request: OperationRequest): Promise<OperationResult> {
  const { runtime } = request;
  const organization = organizationOf(request);
  const body = request.body as CreateBatchBody;

  const metadataError = fieldErrors(
    [
      metadataFailure(body.metadata, 'metadata'),
      ...body.calls.map((row, i) => metadataFailure(row.metadata, `calls.${i}.metadata`)),
    ].filter((failure) => failure !== undefined),
  );
  if (metadataError) throw metadataError;
  const invalidSchedule = scheduleError(scheduleViolations(body, runtime.now()));
  if (invalidSchedule) throw invalidSchedule;

  const stored = runtime.state.agents.get(body.agentId);
  if (!stored || stored.organizationId !== organization.id) throw apiError('agent_not_found');
  const agent = stored.agent;
  if (agent.type !== 'voice') throw apiError('agent_not_voice');
  if (agent.status !== 'active') throw apiError('agent_inactive');
  const batchCallerId = body.callerId ?? agent.phoneNumbers[0];
  const rowsWithoutOwnCaller = body.calls.some((row) => row.callerId === undefined);
  if (batchCallerId === undefined && rowsWithoutOwnCaller) throw apiError('agent_has_no_caller_id');
  const callerError = fieldErrors(
    [
      ...(body.callerId !== undefined && !agent.phoneNumbers.includes(body.callerId)
        ? [{ field: 'callerId' }]
        : []),
      ...body.calls.flatMap((row, i) =>
        row.callerId !== undefined && !agent.phoneNumbers.includes(row.callerId)
          ? [{ field: `calls.${i}.callerId` }]
          : [],
      ),
    ].map(({ field }) => ({ key: 'caller_id_not_allowed' as const, field })),
  );
  if (callerError) throw callerError;

  const key = request.params['Idempotency-Key'] as string | undefined;
  const nowMs = runtime.now().getTime();
  return withIdempotency(runtime.state, organization.id, key, '/api/v1/batches', body, nowMs, async () => {
    await runtime.createLatency();
    const now = runtime.now();
    const nowIso = now.toISOString();
    const callingWindow = body.callingWindow ?? runtime.defaultCallingWindow ?? null;
    const schedule = callSchedule(body, callingWindow, now);
    const latestAt = body.latestAt === undefined ? null : new Date(body.latestAt).toISOString();
    const batchPriority = body.priority ?? DEFAULT_PRIORITY;
    const batch: StoredBatch = {
      batch: {
        id: runtime.ids.batchId(now.getTime()),
        name: body.name,
        agentId: agent.id,
        priority: batchPriority,
        callerId: body.callerId ?? null,
        scheduledAt: body.scheduledAt === undefined ? null : new Date(body.scheduledAt).toISOString(),
        latestAt,
        callingWindow: callingWindow && structuredClone(callingWindow),
        maxConcurrentCalls: body.maxConcurrentCalls ?? null,
        retry: body.retry
          ? { ...body.retry, delaySeconds: body.retry.delaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS }
          : null,
        webhookUrl: body.webhookUrl ?? null,
        metadata: structuredClone(body.metadata ?? {}),
        createdAt: nowIso,
      },
      organizationId: organization.id,
      contacts: [],
      paused: false,
      started: false,
      cancelled: false,
      completedAt: null,
      updatedAt: nowIso,
    };
    runtime.state.batches.set(batch.batch.id, batch);
    const calls = body.calls.map((row) => {
      const callerId = (row.callerId ?? batchCallerId) as string;
      const priority = row.priority ?? batchPriority;
      return newCall({
        id: runtime.ids.callId(now.getTime()),
        status: schedule.scheduled ? 'scheduled' : 'queued',
        now: nowIso,
        agent,
        phoneNumber: row.phoneNumber,
        callerId,
        metadata: callMetadata({ ...body.metadata, ...row.metadata }, callerId, priority),
        priority,
        variables: row.variables,
        webhookUrl: body.webhookUrl,
        scheduledAt: schedule.scheduled ? schedule.dueAt.toISOString() : null,
        latestAt,
        callingWindow,
        batchId: batch.batch.id,
      });
    });
    runtime.batches.begin(batch, calls);
    return { status: 201, body: { data: toBatch(batch) } };
  });
}

/** The caller's batch, or the contract's 404 (unknown, or another organization's). */
function findOwnBatch(request: OperationRequest): StoredBatch {
  const batch = request.runtime.state.batches.get(request.params.batchId as string);
  if (!batch || batch.organizationId !== organizationOf(request).id) throw apiError('batch_not_found');
  return batch;
}

function refuseIfFinished(batch: StoredBatch): void {
  const status = batchStatusOf(batch);
  if (status === 'completed' || status === 'cancelled') throw apiError('batch_finished', { status });
}

const answer = (batch: StoredBatch): OperationResult => ({ status: 200, body: { data: toBatch(batch) } });

/** getBatch. @example getBatch(request); // { status: 200, body: { data: Batch } } */
export function getBatch(request: OperationRequest): OperationResult {
  return answer(findOwnBatch(request));
}

/**
 * listBatches: the organization's batches, newest first (createdAt, then id), keyset-paginated.
 *
 * @example
 * listBatches(request); // { status: 200, body: { data: { batches, pagination } } }
 */
export function listBatches(request: OperationRequest): OperationResult {
  const organization = organizationOf(request);
  const p = request.params as { status?: Batch['status'][]; limit: number; cursor?: string };
  const matching = [...request.runtime.state.batches.values()].filter(
    (batch) =>
      batch.organizationId === organization.id &&
      (p.status === undefined || p.status.includes(batchStatusOf(batch))),
  );
  const { page, hasMore, nextCursor } = paginate(
    matching,
    ({ batch }) => ({ t: batch.createdAt, i: batch.id }),
    p.limit,
    p.cursor,
  );
  return {
    status: 200,
    body: { data: { batches: page.map(toBatch), pagination: { limit: p.limit, hasMore, nextCursor } } },
  };
}

/** pauseBatch: its calls not yet dialed wait (held at their dial); live calls go on. Pausing a paused batch changes nothing. */
export function pauseBatch(request: OperationRequest): OperationResult {
  const batch = findOwnBatch(request);
  refuseIfFinished(batch);
  if (!batch.paused) {
    batch.paused = true;
    batch.updatedAt = request.runtime.now().toISOString();
    request.runtime.events.recordBatch(batch, 'batch.paused');
  }
  return answer(batch);
}

/** resumeBatch: its waiting calls are dialed again. Resuming a batch that is not paused changes nothing. */
export function resumeBatch(request: OperationRequest): OperationResult {
  const batch = findOwnBatch(request);
  refuseIfFinished(batch);
  if (batch.paused) {
    batch.paused = false;
    batch.updatedAt = request.runtime.now().toISOString();
    // Its event before the calls it wakes move on.
    request.runtime.events.recordBatch(batch, 'batch.resumed');
    // Paused before any of its calls fell due, it had not started: it starts now, if they have.
    request.runtime.batches.startIfDue(batch);
    request.runtime.holds.wakeBatch(batch);
  }
  return answer(batch);
}

/**
 * cancelBatch: every call not yet dialed (scheduled or queued, retries included) is cancelled;
 * live calls go on and earn no retry. Cancelling a cancelled batch changes nothing.
 */
export function cancelBatch(request: OperationRequest): OperationResult {
  const batch = findOwnBatch(request);
  if (batch.cancelled) return answer(batch);
  refuseIfFinished(batch);
  const now = request.runtime.now().toISOString();
  batch.cancelled = true;
  batch.completedAt = now;
  batch.updatedAt = now;
  for (const contact of batch.contacts) {
    const { status } = contact.call;
    if (status === 'initiated' || status === 'scheduled' || status === 'queued') {
      request.runtime.progression.setStatus(contact, 'cancelled');
    }
  }
  // After its calls' cancellations, so its counters show them (as the server writes it).
  request.runtime.events.recordBatch(batch, 'batch.cancelled');
  return answer(batch);
}
