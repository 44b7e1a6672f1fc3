/**
 * @module
 * The Twirp error LiveKit returns for a SIP call that failed with a given SIP status.
 */
import { type TwirpCode, TwirpError } from './twirp-error';

// From livekit/protocol `livekit/sip.go` (sipCodeToGRPCCode): gRPC codes become Twirp codes
// of the same name. Codes not listed fall back by class, as there: 4xx/6xx invalid_argument,
// 5xx failed_precondition.
const SIP_TO_TWIRP: Readonly<Record<number, TwirpCode>> = {
  400: 'invalid_argument',
  401: 'permission_denied',
  402: 'permission_denied',
  403: 'permission_denied',
  404: 'not_found',
  407: 'unauthenticated',
  408: 'deadline_exceeded',
  410: 'not_found',
  480: 'resource_exhausted',
  481: 'not_found',
  486: 'resource_exhausted',
  487: 'aborted',
  500: 'failed_precondition',
  502: 'failed_precondition',
  503: 'failed_precondition',
  504: 'deadline_exceeded',
  600: 'resource_exhausted',
  603: 'permission_denied',
  604: 'not_found',
};

/** Reason phrases for the codes the emulator produces when the caller gives none. */
const REASON_PHRASES: Readonly<Record<number, string>> = {
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  480: 'Temporarily Unavailable',
  486: 'Busy Here',
  487: 'Request Terminated',
  500: 'Server Internal Error',
  503: 'Service Unavailable',
  603: 'Decline',
};

function twirpCodeForSip(code: number): TwirpCode {
  const known = SIP_TO_TWIRP[code];
  if (known) return known;
  return code >= 500 && code < 600 ? 'failed_precondition' : 'invalid_argument';
}

/**
 * The error for a SIP call that ended with `code`. Like LiveKit, it carries
 * `meta.sip_status_code` (a string) and `meta.sip_status`, which is what makes
 * livekit-server-sdk raise `SipCallError`.
 *
 * @example
 * ```ts
 * sipStatusError(486, undefined, 'busy'); // resource_exhausted, meta { sip_status_code: '486', sip_status: 'Busy Here' }
 * ```
 */
export function sipStatusError(code: number, status: string | undefined, outcome: string): TwirpError {
  const reason = status ?? REASON_PHRASES[code] ?? `SIP ${code}`;
  return new TwirpError(twirpCodeForSip(code), `INVITE failed: sip status: ${code}: ${reason}`, {
    meta: { sip_status_code: String(code), sip_status: reason },
    outcome,
  });
}
