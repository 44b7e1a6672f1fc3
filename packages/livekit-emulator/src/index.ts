/**
 * @module
 * `@outdial/livekit-emulator`: a stand-in for LiveKit's server API (Twirp JSON over HTTP) that the
 * unmodified livekit-server-sdk talks to. For tests and demos only: it places no real calls.
 */

export type {
  CallOutcome,
  CallOutcomeKind,
  CallPhase,
  CallStep,
  CallTiming,
  OutcomeTableRow,
} from '@outdial/contract';
export { describeOutcomes, MAGIC_NUMBERS, OUTCOME_TABLE, outcomeForNumber } from '@outdial/contract';
export type {
  EmulatorFaults,
  EmulatorTimings,
  LiveKitEmulatorOptions,
  MethodFault,
} from './emulator-options';
export {
  DEFAULT_API_KEY,
  DEFAULT_API_SECRET,
  DEFAULT_RECORD_LIMIT,
  DEFAULT_TIMINGS,
} from './emulator-options';
export { type LiveKitEmulator, startLiveKitEmulator } from './livekit-emulator';
export type { EmulatorRequestRecord } from './request-log';
export type { EmulatorDispatch, EmulatorParticipant, EmulatorRoom } from './room-registry';
export type { EmulatorWebhookRecord } from './webhook-sender';
