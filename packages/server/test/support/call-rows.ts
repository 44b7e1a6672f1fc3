/**
 * @module
 * A call as a store creates it (`NewCall`), for tests that write through the store ports: the
 * fields a call of the default voice agent has, with what the test cares about on top.
 */
import type { NewCall } from '../../src/ports/call-store';

/** `updated_at` defaults to `started_at`; everything else to a plain queued-to-be voice call. */
export function newCallRow(
  fields: Pick<NewCall, 'id' | 'organization_id' | 'started_at'> & Partial<NewCall>,
): NewCall {
  return {
    agent_id: 'agent',
    agent_name: 'Agent',
    agent_type: 'voice',
    phone_number: '+14155552671',
    caller_id: '+14155551234',
    priority: 5,
    ring_timeout_seconds: 30,
    max_duration_seconds: null,
    metadata: '{}',
    variables: '{}',
    room_id: null,
    job_id: null,
    sip_participant_id: null,
    failure_reason: null,
    summary: null,
    answered_at: null,
    ended_at: null,
    duration: null,
    updated_at: fields.started_at,
    ...fields,
  };
}
