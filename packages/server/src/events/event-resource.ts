/**
 * @module
 * How a stored event looks in the API: the contract's `Event`, whose `data` is the call as
 * `getCall` returned it at that moment, except `queuePosition` (null in events: a position changes
 * with every dial).
 */
import type { CallStatus, components } from '@outdial/contract';
import { toCallResource } from '../calls/call-resource';
import type { EventRow } from '../ports/event-store';

export type EventResource = components['schemas']['Event'];
export type EventType = components['schemas']['EventType'];

export function toEventResource(row: EventRow): EventResource {
  return {
    id: row.id,
    type: eventTypeOf(row.status),
    timestamp: row.at,
    sequence: row.sequence,
    data: toCallResource(row.call, null),
  };
}

/** `call.<status>`. `initiated` is never an event (creation is not a status change). */
export function eventTypeOf(status: CallStatus): EventType {
  return `call.${status}` as EventType;
}

/** The status an event type names: `call.completed` → `completed`. */
export function statusOfEventType(type: EventType): CallStatus {
  return type.slice('call.'.length) as CallStatus;
}
