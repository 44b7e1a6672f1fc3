import { expect, it } from 'vitest';
import { callMetadata } from './call-metadata';
import * as constants from './spec-constants';

it("reads the spec's numbers and messages", () => {
  expect(constants).toMatchObject({
    MAX_METADATA_BYTES: 16384,
    MAX_METADATA_DEPTH: 32,
    DEFAULT_PRIORITY: 5,
    DEFAULT_RING_TIMEOUT_SECONDS: 30,
    DEFAULT_PAGE_SIZE: 20,
    CALL_QUEUED_MESSAGE: 'Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress.',
    CALL_CANCELLED_MESSAGE: 'Call cancelled successfully',
    AGENT_DELETED_MESSAGE: 'Agent deleted successfully',
  });
  // One event type per status a call can reach after its creation.
  expect(constants.CALL_EVENT_TYPES).toEqual([
    'call.scheduled',
    'call.queued',
    'call.connecting',
    'call.ringing',
    'call.active',
    'call.completed',
    'call.failed',
    'call.cancelled',
    'call.no_answer',
    'call.busy',
  ]);
  expect(constants.BATCH_EVENT_TYPES).toEqual([
    'batch.started',
    'batch.paused',
    'batch.resumed',
    'batch.completed',
    'batch.cancelled',
  ]);
  // Every type is one of the two kinds, in the spec's order: calls', then batches'.
  expect(constants.EVENT_TYPES).toEqual([...constants.CALL_EVENT_TYPES, ...constants.BATCH_EVENT_TYPES]);
});

it("orders a call's metadata: the caller's keys as sent, then the API's, whose values win", () => {
  expect(Object.entries(callMetadata({ zeta: 1, priority: 'high' }, '+1415', 5))).toEqual([
    ['zeta', 1],
    ['priority', 5],
    ['caller_id', '+1415'],
    ['from_phone_number', '+1415'],
  ]);
});
