/**
 * @module
 * The call status machine, read from the spec (`CallStatus`'s `enum`, `x-terminal`,
 * `x-cancellable` and `x-transitions`). The server guards every status write with it
 * (`WHERE status IN (allowedSourcesOf(to))`), and the mock moves every call through `pathTo`,
 * so a late event can never resurrect a finished call on either.
 */
import { openApiDocument } from './generated/openapi-document';

const schema = openApiDocument.components.schemas.CallStatus;

/** Where a call is. */
export type CallStatus = (typeof schema.enum)[number];

/** Every status, in the spec's order. */
export const CALL_STATUSES: readonly CallStatus[] = schema.enum;

/** A call in one of these never changes again (`x-terminal`). */
export const TERMINAL_STATUSES: readonly CallStatus[] = schema['x-terminal'];

/** DELETE /api/v1/calls/{id} accepts these (`x-cancellable`). */
export const CANCELLABLE_STATUSES: readonly CallStatus[] = schema['x-cancellable'];

/** from → allowed to (`x-transitions`). */
export const ALLOWED_TRANSITIONS: Readonly<Record<CallStatus, readonly CallStatus[]>> =
  schema['x-transitions'];

/** @example isTerminalStatus('busy'); // true */
export function isTerminalStatus(status: CallStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
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
