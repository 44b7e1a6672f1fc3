import { describe, expect, it } from 'vitest';
import { allowedActions, doneCount, isFinalBatch } from './batch-actions';

describe('allowedActions', () => {
  it('pauses what may still dial, resumes what is paused, and cancels anything not final', () => {
    expect(allowedActions('scheduled')).toEqual(['pause', 'cancel']);
    expect(allowedActions('running')).toEqual(['pause', 'cancel']);
    expect(allowedActions('paused')).toEqual(['resume', 'cancel']);
    expect(allowedActions('completed')).toEqual([]);
    expect(allowedActions('cancelled')).toEqual([]);
    expect(['scheduled', 'running', 'paused'].some((s) => isFinalBatch(s as 'running'))).toBe(false);
  });
});

describe('doneCount', () => {
  it('counts the final outcomes, not the contacts waiting, live or about to be retried', () => {
    const counters = {
      total: 20,
      scheduled: 1,
      queued: 2,
      inProgress: 3,
      retrying: 4,
      completed: 5,
      busy: 1,
      noAnswer: 2,
      failed: 1,
      cancelled: 1,
    };
    expect(doneCount(counters)).toBe(10);
  });
});
