import { describe, expect, it } from 'vitest';
import { failureClassOf } from './failure-class';

describe('failureClassOf', () => {
  it.each([
    ['completed', {}, null, 'none'],
    ['cancelled', { reason: 'cancelled_by_api' }, null, 'none'],
    ['busy', { sipStatusCode: 486 }, 'SIP 486: Busy Here', 'sip_4xx'],
    ['no_answer', { sipStatusCode: 408 }, 'SIP 408: Request Timeout', 'sip_4xx'],
    ['failed', { sipStatusCode: 503 }, 'SIP 503: Service Unavailable', 'sip_5xx'],
    ['busy', { sipStatusCode: 600 }, 'SIP 600: Busy Everywhere', 'sip_6xx'],
    ['failed', {}, 'interrupted', 'interrupted'],
    [
      'failed',
      { outcomeUnknown: true },
      'LiveKit error: fetch failed (call outcome unknown)',
      'livekit_error',
    ],
    ['failed', {}, 'LiveKit error: not_found: trunk not found', 'livekit_error'],
    ['failed', { reason: 'queue_failed' }, 'Failed to queue call: disk full', 'other'],
    ['failed', {}, 'Dial error: boom', 'other'],
  ] as const)('%s %j %s → %s', (status, details, reason, expected) => {
    expect(failureClassOf(status, details, reason)).toBe(expected);
  });
});
