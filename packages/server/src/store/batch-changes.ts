/**
 * @module
 * The diagnostics channel each committed batch event is published on, the batch's counterpart of
 * CALL_TRANSITION_CHANNEL: the event hub wakes the organization's streams on it, the webhook
 * dispatcher its senders.
 */
import { channel } from 'node:diagnostics_channel';
import type { CallStore } from '../ports/call-store';
import type { BatchEventType } from '../ports/event-store';

/** A batch event has committed. Published on {@link BATCH_EVENT_CHANNEL}. */
export interface BatchEventMessage {
  /**
   * The call store of the stores that wrote it: channels are process-wide and several servers may
   * share a process, so a subscriber keeps the messages of its own stores (as with transitions).
   */
  calls: CallStore;
  organizationId: string;
  batchId: string;
  eventId: string;
  type: BatchEventType;
  /** The webhook deliveries the event owes, written with it. */
  webhookDeliveries: number;
}

export const BATCH_EVENT_CHANNEL = 'outdial:batch:event';

const published = channel(BATCH_EVENT_CHANNEL);

/** Call after the commit: a rolled-back event is never reported. */
export function publishBatchEvent(message: BatchEventMessage): void {
  if (published.hasSubscribers) published.publish(message);
}
