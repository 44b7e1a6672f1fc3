import { expect, test } from 'vitest';
import { allowedSourcesOf, CALL_STATUSES, isCancellable, isTerminalStatus, pathTo } from './call-status';

test('statuses, terminal and cancellable come from the spec', () => {
  expect(CALL_STATUSES).toHaveLength(11);
  expect(CALL_STATUSES.filter(isTerminalStatus)).toEqual([
    'completed',
    'failed',
    'cancelled',
    'no_answer',
    'busy',
  ]);
  expect(CALL_STATUSES.filter(isCancellable)).toEqual([
    'initiated',
    'scheduled',
    'queued',
    'connecting',
    'ringing',
    'active',
  ]);
});

test('pathTo takes the shortest allowed route', () => {
  expect(pathTo('queued', 'completed')).toEqual(['connecting', 'active', 'completed']);
  expect(pathTo('queued', 'busy')).toEqual(['connecting', 'busy']);
  expect(pathTo('ringing', 'cancelled')).toEqual(['cancelled']);
  expect(pathTo('initiated', 'ringing')).toEqual(['queued', 'connecting', 'ringing']);
});

test('no route out of a terminal status, backwards, or to the same status', () => {
  for (const terminal of CALL_STATUSES.filter(isTerminalStatus)) {
    for (const to of CALL_STATUSES) expect(pathTo(terminal, to)).toBeUndefined();
  }
  expect(pathTo('active', 'ringing')).toBeUndefined();
  expect(pathTo('active', 'queued')).toBeUndefined();
  expect(pathTo('queued', 'queued')).toBeUndefined();
  // Back to the queue only before the INVITE: once ringing, never.
  expect(pathTo('ringing', 'queued')).toBeUndefined();
  expect(pathTo('ringing', 'scheduled')).toBeUndefined();
});

test('allowedSourcesOf lists every status that may move to the target: the SQL guard', () => {
  // A claimed call whose INVITE has not left goes back to the queue when its batch is paused.
  expect(allowedSourcesOf('queued')).toEqual(['initiated', 'scheduled', 'connecting']);
  // A queued call goes back to waiting when its calling window closes before its dial.
  expect(allowedSourcesOf('scheduled')).toEqual(['initiated', 'queued']);
  expect(allowedSourcesOf('cancelled')).toEqual(CALL_STATUSES.filter(isCancellable));
  expect(allowedSourcesOf('initiated')).toEqual([]);
});
