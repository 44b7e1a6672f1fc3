/**
 * @module
 * The call status machine, read from the spec (`CallStatus`'s `x-terminal`, `x-cancellable` and
 * `x-transitions`, the table the server guards its writes with). Every status write in the mock
 * goes through `pathTo`.
 */
import { resolvePointer } from './spec';

type CallStatusSchema = {
  enum: readonly string[];
  'x-terminal': readonly string[];
  'x-cancellable': readonly string[];
  'x-transitions': Readonly<Record<CallStatus, readonly CallStatus[]>>;
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

const ALLOWED = schema['x-transitions'];

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
