/**
 * @module
 * What a batch allows, by its status (openapi.yaml: pauseBatch, resumeBatch, cancelBatch): the
 * console offers only these buttons, and the API's 409 still answers a batch that changed since.
 */
import type { BatchCounters, BatchStatus } from '@outdial/sdk';

export type BatchAction = 'pause' | 'resume' | 'cancel';

/** `completed` and `cancelled` are final: nothing changes a batch after them. */
export const isFinalBatch = (status: BatchStatus) => status === 'completed' || status === 'cancelled';

export function allowedActions(status: BatchStatus): BatchAction[] {
  if (isFinalBatch(status)) return [];
  return status === 'paused' ? ['resume', 'cancel'] : ['pause', 'cancel'];
}

/** Contacts with a final result (each counted once, by its last attempt). */
export function doneCount(c: BatchCounters): number {
  return c.completed + c.busy + c.noAnswer + c.failed + c.cancelled;
}
