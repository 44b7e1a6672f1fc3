/**
 * @module
 * One simulated outbound SIP call: the callee joins the room when ringing starts, then the
 * call follows its outcome's progression (`@outdial/contract`'s test numbers) until the callee
 * hangs up or it fails.
 */
import {
  DisconnectReason,
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  SIPParticipantInfo,
} from '@livekit/protocol';
import { type CallOutcome, type CallPhase, type CallStep, outcomeForNumber } from '@outdial/contract';
import type { EmulatorTimings } from './emulator-options';
import { newId } from './new-id';
import type { RoomRegistry } from './room-registry';
import { sipStatusError } from './sip-status-error';
import { TwirpError } from './twirp-error';

/** What a CreateSIPParticipant request asks for, already validated. */
export interface SipCallRequest {
  roomName: string;
  participantIdentity: string;
  participantName: string;
  participantMetadata: string;
  participantAttributes: Record<string, string>;
  phoneNumber: string;
  hidePhoneNumber: boolean;
  sipTrunkId: string;
  sipNumber: string;
  /** From the request's `ringingTimeout`; LiveKit's default is 30 s. */
  ringingTimeoutMs: number | undefined;
  /** From the request's `maxCallDuration`; counted from the answer. */
  maxCallDurationMs: number | undefined;
}

export interface SipCallContext {
  rooms: RoomRegistry;
  timings: EmulatorTimings;
  forcedSipStatus: { code: number; status?: string } | undefined;
  log: (line: string) => void;
  /** Called once, when the call is over for any reason. */
  onEnded: (call: SipCall) => void;
}

const DEFAULT_RINGING_TIMEOUT_MS = 30_000;

// The participant attributes livekit/sip maintains on the callee (livekit/protocol attrs.go).
const ATTR_CALL_STATUS = 'sip.callStatus';
const ATTR_CALL_ID = 'sip.callID';
const ATTR_PHONE_NUMBER = 'sip.phoneNumber';
const ATTR_TRUNK_ID = 'sip.trunkID';
const ATTR_TRUNK_PHONE_NUMBER = 'sip.trunkPhoneNumber';

// How livekit/sip reports each kind of failure as the participant's disconnect reason.
const FAILURE_REASON: Record<'busy' | 'no_answer' | 'failed', DisconnectReason> = {
  busy: DisconnectReason.USER_REJECTED,
  no_answer: DisconnectReason.USER_UNAVAILABLE,
  failed: DisconnectReason.SIP_TRUNK_FAILURE,
};

function outcomeForForcedStatus(status: { code: number; status?: string }): CallOutcome {
  const kind = [486, 600, 603].includes(status.code)
    ? 'busy'
    : [408, 480].includes(status.code)
      ? 'no_answer'
      : 'failed';
  return {
    kind,
    sipStatusCode: status.code,
    ...(status.status === undefined ? {} : { sipStatus: status.status }),
    talk: 'none',
    progression: [{ phase: 'ringing' }, { phase: kind, after: 'fail' }],
    description: `forced SIP ${status.code}`,
  };
}

/** A call in progress. Create it, then `start()`; `answered` settles when the callee answers or the call fails. */
export class SipCall {
  readonly info: SIPParticipantInfo;
  readonly request: SipCallRequest;
  /** Resolves on answer; rejects with the Twirp error LiveKit would return if the call never connects. */
  readonly answered: Promise<void>;
  readonly #context: SipCallContext;
  readonly #outcome: CallOutcome;
  readonly #participant: ParticipantInfo;
  #phase: CallPhase | 'ended' = 'ringing';
  #timer: NodeJS.Timeout | undefined;
  #resolveAnswered!: () => void;
  #rejectAnswered!: (error: TwirpError) => void;

  constructor(request: SipCallRequest, context: SipCallContext) {
    this.request = request;
    this.#context = context;
    this.#outcome = context.forcedSipStatus
      ? outcomeForForcedStatus(context.forcedSipStatus)
      : outcomeForNumber(request.phoneNumber);
    this.answered = new Promise<void>((resolve, reject) => {
      this.#resolveAnswered = resolve;
      this.#rejectAnswered = reject;
    });
    // Nobody awaits `answered` when the request did not ask to wait; that is not an error.
    this.answered.catch(() => {});
    const sipCallId = newId('SCL_');
    this.#participant = this.#newParticipant(sipCallId);
    this.info = new SIPParticipantInfo({
      participantId: this.#participant.sid,
      participantIdentity: request.participantIdentity,
      roomName: request.roomName,
      sipCallId,
    });
  }

  /** Dials: the callee joins the room as ringing starts, and the outcome's timers begin. */
  start(): void {
    const { log, rooms } = this.#context;
    log(`dialing ${this.request.phoneNumber} into ${this.request.roomName} (${this.#outcome.description})`);
    rooms.join(this.request.roomName, this.#participant, (reason) => this.#onRemoved(reason));
    this.#scheduleStep(1);
  }

  /** The callee hangs up now: an active call completes, a ringing one is declined (SIP 603). */
  calleeHangUp(): void {
    if (this.#phase === 'active') this.#complete(DisconnectReason.CLIENT_INITIATED);
    else if (this.#phase === 'ringing') this.#fail('busy', 603, 'Decline');
  }

  /** Stops timers without webhooks (emulator reset/stop); a request still waiting for the answer fails. */
  dispose(): void {
    const wasRinging = this.#phase === 'ringing';
    this.#end();
    if (wasRinging) {
      this.#rejectAnswered(
        new TwirpError('unavailable', 'emulator reset or stopped', { outcome: 'canceled' }),
      );
    }
  }

  #newParticipant(sipCallId: string): ParticipantInfo {
    const { request } = this;
    const now = Date.now();
    return new ParticipantInfo({
      sid: newId('PA_'),
      identity: request.participantIdentity,
      name: request.participantName,
      metadata: request.participantMetadata,
      kind: ParticipantInfo_Kind.SIP,
      state: ParticipantInfo_State.JOINED,
      joinedAt: BigInt(Math.floor(now / 1000)),
      joinedAtMs: BigInt(now),
      attributes: {
        ...request.participantAttributes,
        [ATTR_CALL_ID]: sipCallId,
        [ATTR_CALL_STATUS]: 'ringing',
        [ATTR_TRUNK_ID]: request.sipTrunkId,
        ...(request.sipNumber ? { [ATTR_TRUNK_PHONE_NUMBER]: request.sipNumber } : {}),
        ...(request.hidePhoneNumber ? {} : { [ATTR_PHONE_NUMBER]: request.phoneNumber }),
      },
    });
  }

  #scheduleStep(index: number): void {
    const step = this.#outcome.progression[index];
    if (!step) return;
    const { delayMs, phase } = this.#resolveStep(step);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#enter(phase);
      if (this.#phase === phase) this.#scheduleStep(index + 1);
    }, delayMs);
  }

  // Turns a table step into a concrete wait. Two LiveKit limits can cut a step short:
  // the ringing timeout (an answer that comes too late is no answer) and maxCallDuration.
  #resolveStep(step: CallStep): { delayMs: number; phase: CallPhase } {
    const { timings } = this.#context;
    const ringingTimeoutMs = this.request.ringingTimeoutMs ?? DEFAULT_RINGING_TIMEOUT_MS;
    switch (step.after) {
      case 'ring':
        return timings.ringMs >= ringingTimeoutMs
          ? { delayMs: ringingTimeoutMs, phase: 'no_answer' }
          : { delayMs: timings.ringMs, phase: step.phase };
      case 'talk':
      case 'early_hangup': {
        const talkMs = step.after === 'talk' ? timings.talkMs : timings.earlyHangupMs;
        const limit = this.request.maxCallDurationMs;
        return { delayMs: limit === undefined ? talkMs : Math.min(talkMs, limit), phase: step.phase };
      }
      case 'no_answer':
        return { delayMs: timings.noAnswerMs ?? ringingTimeoutMs, phase: step.phase };
      default:
        return { delayMs: timings.failMs, phase: step.phase };
    }
  }

  #enter(phase: CallPhase): void {
    switch (phase) {
      case 'active':
        this.#phase = 'active';
        this.#participant.state = ParticipantInfo_State.ACTIVE;
        this.#participant.attributes[ATTR_CALL_STATUS] = 'active';
        this.#context.log(`${this.request.phoneNumber} answered in ${this.request.roomName}`);
        this.#resolveAnswered();
        return;
      case 'completed':
        this.#complete(DisconnectReason.CLIENT_INITIATED);
        return;
      case 'busy':
      case 'no_answer':
      case 'failed': {
        const { code, status } = this.#failureStatus(phase);
        this.#fail(phase, code, status);
        return;
      }
      default:
        return;
    }
  }

  #failureStatus(kind: 'busy' | 'no_answer' | 'failed'): { code: number; status: string | undefined } {
    // A ringing timeout on a number that would have answered is reported like any no-answer.
    if (kind === 'no_answer' && this.#outcome.kind !== 'no_answer')
      return { code: 408, status: 'Request Timeout' };
    return { code: this.#outcome.sipStatusCode ?? 500, status: this.#outcome.sipStatus };
  }

  #complete(reason: DisconnectReason): void {
    this.#context.log(`${this.request.phoneNumber} hung up in ${this.request.roomName}`);
    this.#end();
    this.#context.rooms.leave(this.request.roomName, this.request.participantIdentity, reason);
  }

  #fail(kind: 'busy' | 'no_answer' | 'failed', code: number, status: string | undefined): void {
    this.#context.log(`${this.request.phoneNumber} ${kind.replace('_', ' ')} (SIP ${code})`);
    this.#end();
    this.#rejectAnswered(sipStatusError(code, status, kind));
    this.#context.rooms.leave(this.request.roomName, this.request.participantIdentity, FAILURE_REASON[kind]);
  }

  // The participant was removed from outside (DeleteRoom, RemoveParticipant, a duplicate
  // identity). A call still ringing fails the way livekit/sip fails a cancelled INVITE:
  // its context ends, which it reports as SIP 408 Request Timeout.
  #onRemoved(reason: DisconnectReason): void {
    this.#participant.attributes[ATTR_CALL_STATUS] = 'hangup';
    if (this.#phase === 'ended') return;
    const wasRinging = this.#phase === 'ringing';
    this.#end();
    this.#context.log(`${this.request.phoneNumber} disconnected (${DisconnectReason[reason]})`);
    if (wasRinging) this.#rejectAnswered(sipStatusError(408, 'Request Timeout', 'canceled'));
  }

  #end(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#phase === 'ended') return;
    this.#phase = 'ended';
    this.#context.onEnded(this);
  }
}
