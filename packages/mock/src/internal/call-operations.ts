/**
 * @module
 * GET /api/v1/calls, GET /api/v1/calls/{callId} and DELETE /api/v1/calls/{callId}.
 */
import { apiError, CALL_CANCELLED_MESSAGE, type CallStatus, isCancellable } from '@outdial/contract';
import { paginate } from './cursor';
import type { MockState } from './mock-state';
import type { Call, StoredCall } from './mock-types';
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';

/** The call as the API returns it, with its current queue position. */
export function toCall(state: MockState, stored: StoredCall): Call {
  const { updatedAt, ...rest } = stored.call;
  return { ...structuredClone(rest), queuePosition: state.queuePosition(stored), updatedAt };
}

/** The caller's call, or the contract's 404 (unknown) / 403 (another organization's). */
export function findOwnCall(request: OperationRequest): StoredCall {
  const stored = request.runtime.state.calls.get(request.params.callId as string);
  if (!stored) throw apiError('call_not_found');
  if (stored.organizationId !== organizationOf(request).id) throw apiError('call_forbidden');
  return stored;
}

/**
 * getCall. In `onPoll` mode each GET moves the call one step first.
 *
 * @example
 * getCall(request); // { status: 200, body: { data: Call } }
 */
export function getCall(request: OperationRequest): OperationResult {
  const stored = findOwnCall(request);
  request.runtime.progression.polled(stored);
  return { status: 200, body: { data: toCall(request.runtime.state, stored) } };
}

/**
 * cancelCall: only `x-cancellable` statuses; a queued call leaves the queue and is never dialled.
 *
 * @example
 * cancelCall(request); // { status: 200, body: { data: { id, status: 'cancelled' }, message } }
 */
export function cancelCall(request: OperationRequest): OperationResult {
  const stored = findOwnCall(request);
  const status = stored.call.status;
  if (!isCancellable(status)) throw apiError('call_not_cancellable', { status });
  request.runtime.progression.setStatus(stored, 'cancelled');
  return {
    status: 200,
    body: { data: { id: stored.call.id, status: 'cancelled' }, message: CALL_CANCELLED_MESSAGE },
  };
}

/**
 * listCalls: the organization's calls, filtered, newest first (startedAt, then id), keyset-paginated.
 *
 * @example
 * listCalls(request); // { status: 200, body: { data: { calls, pagination } } }
 */
export function listCalls(request: OperationRequest): OperationResult {
  const { state } = request.runtime;
  const organization = organizationOf(request);
  const p = request.params as {
    agentId?: string;
    status?: CallStatus[];
    batchId?: string;
    phoneNumber?: string;
    startDate?: string;
    endDate?: string;
    limit: number;
    cursor?: string;
  };
  const from = p.startDate === undefined ? undefined : Date.parse(p.startDate);
  const to = p.endDate === undefined ? undefined : Date.parse(p.endDate);
  const matching = [...state.calls.values()].filter(({ call, organizationId }) => {
    const startedAt = Date.parse(call.startedAt);
    return (
      organizationId === organization.id &&
      (p.agentId === undefined || call.agentId === p.agentId) &&
      (p.status === undefined || p.status.includes(call.status)) &&
      (p.batchId === undefined || call.batchId === p.batchId) &&
      (p.phoneNumber === undefined || call.phoneNumber === p.phoneNumber) &&
      (from === undefined || startedAt >= from) &&
      (to === undefined || startedAt <= to)
    );
  });
  const { page, hasMore, nextCursor } = paginate(
    matching,
    ({ call }) => ({ t: call.startedAt, i: call.id }),
    p.limit,
    p.cursor,
  );
  return {
    status: 200,
    body: {
      data: { calls: page.map((s) => toCall(state, s)), pagination: { limit: p.limit, hasMore, nextCursor } },
    },
  };
}
