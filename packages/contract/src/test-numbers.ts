/**
 * @module
 * The test numbers: which destination number leads to which call outcome. The LiveKit emulator
 * plays these calls out, and the mock follows the same table, so a number ends the same way
 * against the mock and against the real server with the emulator.
 */

/**
 * Destination numbers with a scripted outcome. Any other E.164 number rings, answers,
 * talks and hangs up.
 *
 * @example
 * ```ts
 * import { MAGIC_NUMBERS } from '@outdial/contract';
 * await sip.createSipParticipant(trunk, MAGIC_NUMBERS.busy, room); // rejects with SIP 486
 * ```
 */
export const MAGIC_NUMBERS = {
  busy: '+15005550001',
  noAnswer: '+15005550002',
  trunkFailure: '+15005550003',
  earlyHangup: '+15005550004',
} as const;

/** How a simulated call ends up. Matches Outdial's terminal call statuses. */
export type CallOutcomeKind = 'answered' | 'busy' | 'no_answer' | 'failed';

/**
 * The phases a call goes through, in order. A call that is answered goes
 * `ringing → active → completed`; one that fails goes `ringing → busy | no_answer | failed`.
 */
export type CallPhase = 'ringing' | 'active' | 'completed' | 'busy' | 'no_answer' | 'failed';

/** Which timing drives a phase; the emulator and the mock each map these to their own durations. */
export type CallTiming = 'ring' | 'talk' | 'early_hangup' | 'no_answer' | 'fail';

/** One step of a call's progression: enter `phase` after the `after` timing has elapsed. */
export interface CallStep {
  readonly phase: CallPhase;
  /** The timing to wait before this phase; absent for the first phase, entered at once. */
  readonly after?: CallTiming;
}

/** What happens when a number is dialled. */
export interface CallOutcome {
  readonly kind: CallOutcomeKind;
  /** The final SIP response code of a failed call (486 busy, 408 no answer, 503 trunk failure…). */
  readonly sipStatusCode?: number;
  /** The SIP reason phrase that goes with `sipStatusCode`. */
  readonly sipStatus?: string;
  /** How long an answered call talks; `none` for calls that never connect. */
  readonly talk: 'normal' | 'early_hangup' | 'none';
  /** The phases the call passes through, first to last. */
  readonly progression: readonly CallStep[];
  /** One line for humans (docs, logs). */
  readonly description: string;
}

const BUSY: CallOutcome = {
  kind: 'busy',
  sipStatusCode: 486,
  sipStatus: 'Busy Here',
  talk: 'none',
  progression: [{ phase: 'ringing' }, { phase: 'busy', after: 'fail' }],
  description: 'busy: the callee rejects with SIP 486 Busy Here',
};

// LiveKit's SIP service cancels the INVITE when the ringing timeout expires and reports
// it as SIP 408 Request Timeout (livekit/sip, pkg/sip/outbound.go).
const NO_ANSWER: CallOutcome = {
  kind: 'no_answer',
  sipStatusCode: 408,
  sipStatus: 'Request Timeout',
  talk: 'none',
  progression: [{ phase: 'ringing' }, { phase: 'no_answer', after: 'no_answer' }],
  description: 'no answer: rings until the ringing timeout, then fails with SIP 408 Request Timeout',
};

const TRUNK_FAILURE: CallOutcome = {
  kind: 'failed',
  sipStatusCode: 503,
  sipStatus: 'Service Unavailable',
  talk: 'none',
  progression: [{ phase: 'ringing' }, { phase: 'failed', after: 'fail' }],
  description: 'trunk failure: the carrier answers the INVITE with SIP 503 Service Unavailable',
};

const EARLY_HANGUP: CallOutcome = {
  kind: 'answered',
  talk: 'early_hangup',
  progression: [
    { phase: 'ringing' },
    { phase: 'active', after: 'ring' },
    { phase: 'completed', after: 'early_hangup' },
  ],
  description: 'answers, then the callee hangs up after about 1 s',
};

const ANSWERED: CallOutcome = {
  kind: 'answered',
  talk: 'normal',
  progression: [
    { phase: 'ringing' },
    { phase: 'active', after: 'ring' },
    { phase: 'completed', after: 'talk' },
  ],
  description: 'rings about 300 ms, answers, talks about 2 s, then the callee hangs up',
};

// A carrier cannot route a number that is not E.164; it answers 404 Not Found.
const NOT_A_NUMBER: CallOutcome = {
  kind: 'failed',
  sipStatusCode: 404,
  sipStatus: 'Not Found',
  talk: 'none',
  progression: [{ phase: 'ringing' }, { phase: 'failed', after: 'fail' }],
  description: 'not an E.164 number: the carrier rejects with SIP 404 Not Found',
};

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * The outcome of dialling `phoneNumber`.
 *
 * @example
 * ```ts
 * outcomeForNumber('+15005550001'); // { kind: 'busy', sipStatusCode: 486, … }
 * outcomeForNumber('+14155552671').progression.map((s) => s.phase); // ['ringing', 'active', 'completed']
 * ```
 */
export function outcomeForNumber(phoneNumber: string): CallOutcome {
  switch (phoneNumber) {
    case MAGIC_NUMBERS.busy:
      return BUSY;
    case MAGIC_NUMBERS.noAnswer:
      return NO_ANSWER;
    case MAGIC_NUMBERS.trunkFailure:
      return TRUNK_FAILURE;
    case MAGIC_NUMBERS.earlyHangup:
      return EARLY_HANGUP;
    default:
      return E164.test(phoneNumber) ? ANSWERED : NOT_A_NUMBER;
  }
}

/** One row of the outcome table, for docs. */
export interface OutcomeTableRow {
  /** The number to dial, or a description of the numbers the row covers. */
  readonly number: string;
  readonly outcome: CallOutcome;
}

/**
 * The whole outcome table, in the order the docs print it.
 *
 * @example
 * ```ts
 * for (const row of OUTCOME_TABLE) console.log(`${row.number}: ${row.outcome.description}`);
 * ```
 */
export const OUTCOME_TABLE: readonly OutcomeTableRow[] = [
  { number: MAGIC_NUMBERS.busy, outcome: BUSY },
  { number: MAGIC_NUMBERS.noAnswer, outcome: NO_ANSWER },
  { number: MAGIC_NUMBERS.trunkFailure, outcome: TRUNK_FAILURE },
  { number: MAGIC_NUMBERS.earlyHangup, outcome: EARLY_HANGUP },
  { number: 'any other E.164 number', outcome: ANSWERED },
  { number: 'anything else', outcome: NOT_A_NUMBER },
];

/**
 * The outcome table as a Markdown table, for READMEs and CLI help.
 *
 * @example
 * ```ts
 * console.log(describeOutcomes());
 * ```
 */
export function describeOutcomes(): string {
  const lines = ['| number | outcome |', '|---|---|'];
  for (const row of OUTCOME_TABLE) {
    const number = row.number.startsWith('+') ? `\`${row.number}\`` : row.number;
    lines.push(`| ${number} | ${row.outcome.description} |`);
  }
  return lines.join('\n');
}
