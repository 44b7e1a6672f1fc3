/**
 * @module
 * Why a call ended without being answered, as a bounded metrics label: never the free-text
 * failure reason (it can hold LiveKit messages with numbers and ids).
 */
import type { CallStatus } from '@outdial/contract';
import { INTERRUPTED } from '../dial/live-call-tracker';

export type FailureClass =
  | 'none'
  | 'sip_4xx'
  | 'sip_5xx'
  | 'sip_6xx'
  | 'livekit_error'
  | 'interrupted'
  | 'other';

/**
 * `none` for calls that were answered or cancelled; otherwise from the final SIP response the dial
 * result recorded (busy, no answer and trunk failures carry one), then from the failure reason the
 * writers set: `interrupted` (a dial or a creation cut off by a restart), `LiveKit error: …` (the
 * backend refused or could not be reached), anything else (a queueing or internal error) `other`.
 *
 * @example
 * failureClassOf('busy', { sipStatusCode: 486 }, 'SIP 486: Busy Here'); // 'sip_4xx'
 */
export function failureClassOf(
  status: CallStatus,
  details: Record<string, unknown>,
  failureReason: string | null,
): FailureClass {
  if (status === 'completed' || status === 'cancelled') return 'none';
  const code = details.sipStatusCode;
  if (typeof code === 'number') {
    if (code >= 400 && code < 500) return 'sip_4xx';
    if (code >= 500 && code < 600) return 'sip_5xx';
    if (code >= 600 && code < 700) return 'sip_6xx';
    return 'other';
  }
  if (failureReason === INTERRUPTED) return 'interrupted';
  if (failureReason?.startsWith('LiveKit error')) return 'livekit_error';
  return 'other';
}
