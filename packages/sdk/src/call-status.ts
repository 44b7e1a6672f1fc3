/**
 * @module
 * Which call statuses are final. The spec lists them in `CallStatus`'s `x-terminal`.
 */
import type { CallStatus } from './models';

/**
 * The statuses a call never leaves: `completed`, `failed`, `cancelled`, `no_answer`, `busy`.
 *
 * @example
 * ```ts
 * import { TERMINAL_STATUSES } from '@outdial/sdk';
 * const finished = await outdial.calls.waitForStatus(id, TERMINAL_STATUSES);
 * ```
 */
export const TERMINAL_STATUSES = [
  'completed',
  'failed',
  'cancelled',
  'no_answer',
  'busy',
] as const satisfies readonly CallStatus[];

/**
 * A status in {@link TERMINAL_STATUSES}.
 *
 * @example
 * ```ts
 * const final: TerminalStatus = 'no_answer';
 * ```
 */
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/**
 * Whether a call in this status will never change again. Takes any string, because a newer
 * server may send a status this SDK does not know yet: such a status is not terminal.
 *
 * @example
 * ```ts
 * import { isTerminalStatus } from '@outdial/sdk';
 * if (isTerminalStatus(call.status)) console.log('done:', call.status);
 * ```
 */
export function isTerminalStatus(status: string): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
