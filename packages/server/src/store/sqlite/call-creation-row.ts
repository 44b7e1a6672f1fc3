/**
 * @module
 * The history row every call gets when it is created: `initiated`, which is not an event (no
 * event id, sequence or snapshot; see CallEventRow.event_id). Written by the single create, the
 * older insert-then-transition path and the batch insert alike.
 */
import type { CallRow } from '../../ports/call-store';

/** The `call_events` row of the call's creation. */
export function callCreationRow(row: Pick<CallRow, 'id' | 'started_at'>) {
  return {
    call_id: row.id,
    from_status: null,
    to_status: 'initiated' as const,
    at: row.started_at,
    details: '{}',
    event_id: null,
    organization_id: null,
    sequence: null,
    call_snapshot: null,
  };
}
