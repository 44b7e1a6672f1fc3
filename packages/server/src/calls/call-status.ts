/**
 * @module
 * The call status machine: every status a call can have, and the one table of allowed
 * transitions. Every status write goes through `transitionCall` (store/call-transitions.ts),
 * which guards the UPDATE with `WHERE status IN (allowed sources)`, so a late webhook or dial
 * result can never overwrite a terminal status.
 */

export const CALL_STATUSES = [
  'initiated',
  'queued',
  'connecting',
  'ringing',
  'active',
  'completed',
  'failed',
  'cancelled',
  'no_answer',
  'busy',
] as const;

export type CallStatus = (typeof CALL_STATUSES)[number];

/** A call in one of these never changes again. */
export const TERMINAL_STATUSES: readonly CallStatus[] = [
  'completed',
  'failed',
  'cancelled',
  'no_answer',
  'busy',
];

/** DELETE /api/v1/calls/{id} accepts these (the contract's cancellable-status rule). */
export const CANCELLABLE_STATUSES: readonly CallStatus[] = [
  'initiated',
  'queued',
  'connecting',
  'ringing',
  'active',
];

/**
 * from → allowed to. `connecting` may jump straight to `active`: with `waitUntilAnswered` the
 * answer can reach us (in the CreateSIPParticipant response) before the `participant_joined`
 * webhook that marks ringing.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<CallStatus, readonly CallStatus[]>> = {
  initiated: ['queued', 'failed', 'cancelled'],
  queued: ['connecting', 'failed', 'cancelled'],
  connecting: ['ringing', 'active', 'busy', 'no_answer', 'failed', 'cancelled'],
  ringing: ['active', 'busy', 'no_answer', 'failed', 'cancelled'],
  active: ['completed', 'failed', 'cancelled'],
  completed: [],
  failed: [],
  cancelled: [],
  no_answer: [],
  busy: [],
};

export function isTerminalStatus(status: CallStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function canTransition(from: CallStatus, to: CallStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** The statuses a call may be in for a move to `to` to be allowed: the SQL guard's list. */
export function allowedSourcesOf(to: CallStatus): CallStatus[] {
  return CALL_STATUSES.filter((from) => canTransition(from, to));
}
