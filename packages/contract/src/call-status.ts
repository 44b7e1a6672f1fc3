/**
 * @module
 * The call status machine, read from the spec (`CallStatus`'s `enum`, `x-terminal`,
 * `x-cancellable` and `x-transitions`). The server guards every status write with it
 * (`WHERE status IN (allowedSourcesOf(to))`), and the mock moves every call through `pathTo`,
 * so a late event can never resurrect a finished call on either.
 */
// The machine's own small generated module, not the whole document: the SDK bundles this file.
import {
  CALL_STATUS_CANCELLABLE,
  CALL_STATUS_ENUM,
  CALL_STATUS_TERMINAL,
  CALL_STATUS_TRANSITIONS,
} from './generated/call-status-machine';

/** Where a call is. */
export type CallStatus = (typeof CALL_STATUS_ENUM)[number];

/** A status a call never leaves (`x-terminal`). */
export type TerminalStatus = (typeof CALL_STATUS_TERMINAL)[number];

/** Every status, in the spec's order. */
export const CALL_STATUSES: readonly CallStatus[] = CALL_STATUS_ENUM;

/** A call in one of these never changes again (`x-terminal`), in the spec's order. */
export const TERMINAL_STATUSES: readonly TerminalStatus[] = CALL_STATUS_TERMINAL;

/** DELETE /api/v1/calls/{id} accepts these (`x-cancellable`). */
export const CANCELLABLE_STATUSES: readonly CallStatus[] = CALL_STATUS_CANCELLABLE;

/** from → allowed to (`x-transitions`). */
export const ALLOWED_TRANSITIONS: Readonly<Record<CallStatus, readonly CallStatus[]>> =
  CALL_STATUS_TRANSITIONS;

/**
 * Takes any string: a newer server may send a status this code does not know yet, and such a
 * status is not terminal.
 *
 * @example isTerminalStatus('busy'); // true
 */
export function isTerminalStatus(status: string): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** @example isCancellable('queued'); // true */
export function isCancellable(status: CallStatus): boolean {
  return CANCELLABLE_STATUSES.includes(status);
}

/** @example canTransition('queued', 'connecting'); // true */
export function canTransition(from: CallStatus, to: CallStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/**
 * The statuses a call may be in for a move to `to` to be allowed: the server's SQL guard list.
 *
 * @example
 * allowedSourcesOf('cancelled'); // ['initiated', 'queued', …]
 */
export function allowedSourcesOf(to: CallStatus): CallStatus[] {
  return CALL_STATUSES.filter((from) => canTransition(from, to));
}

/**
 * The shortest chain of allowed moves from `from` to `to` (excluding `from`), or undefined when
 * `to` cannot be reached. The mock's `setStatus(id, 'completed')` on a queued call therefore
 * passes through `connecting` and `active`, filling in the LiveKit ids and `answeredAt` on the way.
 *
 * @example
 * pathTo('queued', 'completed'); // ['connecting', 'active', 'completed']
 */
export function pathTo(from: CallStatus, to: CallStatus): CallStatus[] | undefined {
  const previous = new Map<CallStatus, CallStatus>();
  const queue: CallStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift() as CallStatus;
    if (current === to && current !== from) break;
    for (const next of ALLOWED_TRANSITIONS[current]) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, current);
      queue.push(next);
    }
  }
  if (!previous.has(to)) return undefined;
  const path: CallStatus[] = [];
  for (let s: CallStatus = to; s !== from; s = previous.get(s) as CallStatus) path.unshift(s);
  return path;
}
