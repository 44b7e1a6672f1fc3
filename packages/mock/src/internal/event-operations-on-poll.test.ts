/**
 * The events operations when the mock moves calls only as they are read (`progression: 'onPoll'`).
 * A file of its own: two mocks listening in one file would both answer every request.
 */
import { describe, expect, test } from 'vitest';
import { useMock } from '../../test/support/mock-client';

describe('in onPoll mode', () => {
  const onPoll = useMock({ progression: 'onPoll' });

  test("a call's stream request is answered with JSON, so waiters poll and every GET moves the call", async () => {
    const created = await onPoll.request('POST', '/api/v1/calls/outbound', {
      body: { agentId: onPoll.mock.agents.voice.id, phoneNumber: '+14155552671' },
    });
    const id = created.body.data.id;
    const { status, headers, body } = await onPoll.request('GET', `/api/v1/calls/${id}/events`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json');
    expect(body.data.events.map((e: { type: string }) => e.type)).toEqual(['call.queued']);
  });
});
