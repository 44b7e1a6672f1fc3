/**
 * @module
 * The call status machine, defined once: the statuses, which are terminal or cancellable (read
 * from the spec's `x-terminal` / `x-cancellable`), and the table of allowed from → to moves
 * (the same table as the server's). Every status write in the mock goes through `pathTo`.
 */
import { resolvePointer } from './spec';

type CallStatusSchema = {
  enum: readonly string[];
  'x-terminal': readonly string[];
  'x-cancellable': readonly string[];
};
const schema = resolvePointer<CallStatusSchema>('#/components/schemas/CallStatus');

/** Where a call is. */
export type CallStatus =
  | 'initiated'
  | 'queued'
  | 'connecting'
  | 'ringing'
  | 'active'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'no_answer'
  | 'busy';

export const CALL_STATUSES = schema.enum as readonly CallStatus[];

export function isTerminal(status: CallStatus): boolean {
  return schema['x-terminal'].includes(status);
}

export function isCancellable(status: CallStatus): boolean {
  return schema['x-cancellable'].includes(status);
}

/**
 * from → allowed to. `connecting` may jump straight to `active` (the answer can arrive before the
 * ringing event); terminal statuses allow nothing, so a finished call never changes.
 */
const ALLOWED: Readonly<Record<CallStatus, readonly CallStatus[]>> = {
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

/**
 * The shortest chain of allowed moves from `from` to `to` (excluding `from`), or undefined when
 * `to` cannot be reached. `setStatus(id, 'completed')` on a queued call therefore passes through
 * `connecting` and `active`, filling in the LiveKit ids and `answeredAt` on the way.
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
    for (const next of ALLOWED[current]) {
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
