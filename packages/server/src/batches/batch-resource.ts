/**
 * @module
 * How a stored batch looks in the API: the contract's `Batch`, with its counters (each contact
 * by its latest attempt, so they add up to `total`) and its status as the API names it.
 */
import type { CallingWindow, components } from '@outdial/contract';
import type { BatchCallCounts, BatchRow } from '../ports/batch-store';

export type BatchResource = components['schemas']['Batch'];
type BatchCounters = components['schemas']['BatchCounters'];
type BatchRetry = components['schemas']['BatchRetry'];

export function batchCounters({ total, byStatus, retrying }: BatchCallCounts): BatchCounters {
  const of = (...statuses: (keyof typeof byStatus)[]) =>
    statuses.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
  return {
    total,
    // A call is `initiated` only inside its create's transaction or after a crash in it.
    scheduled: of('scheduled', 'initiated'),
    queued: of('queued'),
    inProgress: of('connecting', 'ringing', 'active'),
    completed: of('completed'),
    busy: of('busy'),
    noAnswer: of('no_answer'),
    failed: of('failed'),
    cancelled: of('cancelled'),
    retrying,
  };
}

/** `active` is `scheduled` until one of its calls has fallen due, then `running`. */
function statusOf(row: BatchRow, counters: BatchCounters): BatchResource['status'] {
  if (row.status !== 'active') return row.status;
  return counters.scheduled === counters.total ? 'scheduled' : 'running';
}

export function toBatchResource(row: BatchRow, counts: BatchCallCounts): BatchResource {
  const counters = batchCounters(counts);
  return {
    id: row.id,
    name: row.name,
    agentId: row.agent_id,
    status: statusOf(row, counters),
    priority: row.priority,
    callerId: row.caller_id,
    scheduledAt: row.scheduled_at,
    latestAt: row.latest_at,
    callingWindow: row.calling_window ? (JSON.parse(row.calling_window) as CallingWindow) : null,
    maxConcurrentCalls: row.max_concurrent_calls,
    retry: row.retry ? (JSON.parse(row.retry) as BatchRetry) : null,
    webhookUrl: row.webhook_url,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    counters,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}
