/**
 * @module
 * `livekit.SIP`: CreateSIPParticipant, the one SIP method Outdial uses.
 */
import { CreateSIPParticipantRequest } from '@livekit/protocol';
import { ensureSipCallPermission } from './request-auth';
import type { SipCall, SipCallRequest } from './sip-call';
import { TwirpError } from './twirp-error';
import { decodeRequest, type TwirpMethod } from './twirp-method';

/** A protobuf Duration in milliseconds, or undefined when absent or zero (LiveKit's "use the default"). */
function durationMs(duration: { seconds: bigint; nanos: number } | undefined): number | undefined {
  if (!duration) return undefined;
  const ms = Number(duration.seconds) * 1000 + duration.nanos / 1e6;
  return ms > 0 ? ms : undefined;
}

// The checks of CreateSIPParticipantRequest.Validate in livekit/protocol.
function validate(req: CreateSIPParticipantRequest): void {
  if (!req.sipTrunkId && !req.trunk) throw new TwirpError('invalid_argument', 'missing sip trunk id');
  if (req.trunk && !req.trunk.hostname)
    throw new TwirpError('invalid_argument', 'sip trunk hostname required');
  if (!req.sipCallTo) throw new TwirpError('invalid_argument', 'missing sip callee number');
  if (!req.roomName) throw new TwirpError('invalid_argument', 'missing room name');
}

function toCallRequest(req: CreateSIPParticipantRequest): SipCallRequest {
  // livekit/sip names the callee `sip_<number>` when no identity is given.
  const identity = req.participantIdentity || `sip_${req.sipCallTo}`;
  return {
    roomName: req.roomName,
    participantIdentity: identity,
    participantName: req.participantName,
    participantMetadata: req.participantMetadata,
    participantAttributes: { ...req.participantAttributes },
    phoneNumber: req.sipCallTo,
    hidePhoneNumber: req.hidePhoneNumber,
    sipTrunkId: req.sipTrunkId,
    sipNumber: req.sipNumber,
    ringingTimeoutMs: durationMs(req.ringingTimeout),
    maxCallDurationMs: durationMs(req.maxCallDuration),
  };
}

/**
 * The SIP service. `startCall` begins a simulated call; with `waitUntilAnswered` the response
 * waits for the answer (or the failure, as a Twirp error carrying the SIP status), otherwise it
 * returns as soon as the callee is dialled, as LiveKit does.
 */
export function sipServiceMethods(startCall: (request: SipCallRequest) => SipCall): TwirpMethod[] {
  return [
    {
      service: 'SIP',
      method: 'CreateSIPParticipant',
      async handle(body, claims) {
        const req = decodeRequest(CreateSIPParticipantRequest, body);
        ensureSipCallPermission(claims);
        validate(req);
        const call = startCall(toCallRequest(req));
        if (req.waitUntilAnswered) await call.answered;
        return call.info;
      },
    },
  ];
}
