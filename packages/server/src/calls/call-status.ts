/**
 * @module
 * The call status machine: every status a call can have, and the one table of allowed
 * transitions, read from openapi.yaml (`CallStatus`'s `x-transitions`, shared with the mock).
 * Every status write goes through `transitionCall` (store/call-transitions.ts), which guards the
 * UPDATE with `WHERE status IN (allowed sources)`, so a late webhook or dial result can never
 * overwrite a terminal status.
 */

import { openApiDocument } from '../generated/openapi-document';

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

type CallStatusSchema = {
  readonly 'x-terminal': readonly CallStatus[];
  readonly 'x-cancellable': readonly CallStatus[];
  readonly 'x-transitions': Readonly<Record<CallStatus, readonly CallStatus[]>>;
};
const schema = openApiDocument.components.schemas.CallStatus as unknown as CallStatusSchema;

/** A call in one of these never changes again (openapi.yaml `x-terminal`). */
export const TERMINAL_STATUSES: readonly CallStatus[] = schema['x-terminal'];

/** DELETE /api/v1/calls/{id} accepts these (openapi.yaml `x-cancellable`). */
export const CANCELLABLE_STATUSES: readonly CallStatus[] = schema['x-cancellable'];

/** from → allowed to, as openapi.yaml's `x-transitions` has it (shared with the mock). */
export const ALLOWED_TRANSITIONS: Readonly<Record<CallStatus, readonly CallStatus[]>> =
  schema['x-transitions'];

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
