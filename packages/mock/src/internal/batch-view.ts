/**
 * @module
 * A batch as the API returns it: its counters and status derived from its contacts' latest
 * attempts, so the counters always add up to `total` (each contact is counted once).
 */
import { isTerminalStatus } from '@outdial/contract';
import type { Batch, StoredBatch, StoredCall } from './mock-types';

type Counters = Batch['counters'];
type Counter = Exclude<keyof Counters, 'total'>;

/** The counter a contact falls under, by its latest attempt. */
function counterOf({ call }: StoredCall): Counter {
  switch (call.status) {
    case 'initiated':
    case 'queued':
      return 'queued';
    case 'scheduled':
      // A later attempt waiting its delay is a retry; a first one is merely not due yet.
      return call.attempt > 1 ? 'retrying' : 'scheduled';
    case 'connecting':
    case 'ringing':
    case 'active':
      return 'inProgress';
    case 'no_answer':
      return 'noAnswer';
    default:
      return call.status;
  }
}

/** The batch's counters now. */
export function countersOf(stored: StoredBatch): Counters {
  const counters: Counters = {
    total: stored.contacts.length,
    scheduled: 0,
    queued: 0,
    inProgress: 0,
    completed: 0,
    busy: 0,
    noAnswer: 0,
    failed: 0,
    cancelled: 0,
    retrying: 0,
  };
  for (const contact of stored.contacts) counters[counterOf(contact)] += 1;
  return counters;
}

/** Whether every contact has reached a final result (no attempt left waiting or live). */
export function isSettled(stored: StoredBatch): boolean {
  return stored.contacts.every(({ call }) => isTerminalStatus(call.status));
}

/** The batch's status now: `cancelled` and `completed` are final; `scheduled` while no first attempt is due. */
export function batchStatusOf(stored: StoredBatch): Batch['status'] {
  if (stored.cancelled) return 'cancelled';
  if (stored.completedAt !== null) return 'completed';
  if (stored.paused) return 'paused';
  const waiting = stored.contacts.every(({ call }) => call.status === 'scheduled' && call.attempt === 1);
  return waiting ? 'scheduled' : 'running';
}

/**
 * The batch as `getBatch` returns it.
 *
 * @example
 * toBatch(stored).counters; // { total: 2, scheduled: 0, queued: 1, …, retrying: 1 }
 */
export function toBatch(stored: StoredBatch): Batch {
  const batch = structuredClone(stored.batch);
  // In the spec's property order, as the server writes it.
  return {
    id: batch.id,
    name: batch.name,
    agentId: batch.agentId,
    status: batchStatusOf(stored),
    priority: batch.priority,
    callerId: batch.callerId,
    scheduledAt: batch.scheduledAt,
    latestAt: batch.latestAt,
    callingWindow: batch.callingWindow,
    maxConcurrentCalls: batch.maxConcurrentCalls,
    retry: batch.retry,
    webhookUrl: batch.webhookUrl,
    metadata: batch.metadata,
    counters: countersOf(stored),
    createdAt: batch.createdAt,
    updatedAt: stored.updatedAt,
    completedAt: stored.completedAt,
  };
}
