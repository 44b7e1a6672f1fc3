/**
 * @module
 * How a stored event looks in the API: the contract's `Event`. A call event's `data` is the call
 * as `getCall` returned it at that moment, except `queuePosition` (null in events: a position
 * changes with every dial); a batch event's is the batch as `getBatch` returned it then, counters
 * included (the same serializer, over the row and counts its transaction saw).
 */
import type { CallStatus, components } from '@outdial/contract';
import { toBatchResource } from '../batches/batch-resource';
import { toCallResource } from '../calls/call-resource';
import type { EventRow, EventType } from '../ports/event-store';

export type { EventType };
export type EventResource = components['schemas']['Event'];
type CallEventType = components['schemas']['CallEventType'];

export function toEventResource(row: EventRow): EventResource {
  if (row.kind === 'batch') {
    return {
      id: row.id,
      type: row.type,
      timestamp: row.at,
      sequence: row.sequence,
      data: toBatchResource(row.batch, row.counts),
    };
  }
  return {
    id: row.id,
    type: eventTypeOf(row.status),
    timestamp: row.at,
    sequence: row.sequence,
    data: toCallResource(row.call, null),
  };
}

/** `call.<status>`. `initiated` is never an event (creation is not a status change). */
export function eventTypeOf(status: CallStatus): CallEventType {
  return `call.${status}` as CallEventType;
}
