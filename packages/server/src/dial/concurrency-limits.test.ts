import { expect, it } from 'vitest';
import type { CallStore } from '../ports/call-store';
import type { DialKey } from '../ports/dial-backlog';
import { ConcurrencyLimits } from './concurrency-limits';

const key = (id: string, seq: number): DialKey => ({ id, organizationId: 'org_a', priority: 5, seq });
const live = (id: string) => ({ id, organizationId: 'org_a', batchId: null });

function limits() {
  const readmitted: string[] = [];
  const limits = new ConcurrencyLimits({
    calls: {} as CallStore,
    perOrganization: 1,
    readmit: (call) => readmitted.push(call.id),
  });
  return { limits, readmitted };
}

it('counts and releases the live calls of other replicas’ commits', () => {
  const { limits: l, readmitted } = limits();
  l.start([]);
  l.changedElsewhere({ callId: 'call_elsewhere', organizationId: 'org_a', batchId: null, to: 'connecting' });
  expect(l.reserve(key('call_here', 1))).toBe(false);
  l.changedElsewhere({ callId: 'call_elsewhere', organizationId: 'org_a', batchId: null, to: 'ringing' });
  expect(readmitted).toEqual([]);
  l.changedElsewhere({ callId: 'call_elsewhere', organizationId: 'org_a', batchId: null, to: 'completed' });
  expect(readmitted).toEqual(['call_here']);
  l.stop();
});

it('takes the database’s live calls after missed signals: ended ones free their places, new ones take theirs', () => {
  const { limits: l, readmitted } = limits();
  l.start([live('call_ended_unheard')]);
  expect(l.reserve(key('call_waiting', 1))).toBe(false);
  l.resync([]);
  expect(readmitted).toEqual(['call_waiting']);
  expect(l.reserve(key('call_waiting', 1))).toBe(true);
  l.release('call_waiting');
  l.resync([live('call_started_unheard')]);
  expect(l.reserve(key('call_next', 2))).toBe(false);
  l.stop();
});
