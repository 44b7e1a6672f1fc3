/**
 * @module
 * Which call statuses are final: `CallStatus`'s `x-terminal` in the spec, through
 * `@outdial/contract` (bundled in at build time; only its small status module).
 */
import {
  isTerminalStatus as isTerminal,
  TERMINAL_STATUSES as TERMINAL,
  type TerminalStatus as Terminal,
} from '@outdial/contract';

/**
 * The statuses a call never leaves: `completed`, `failed`, `cancelled`, `no_answer`, `busy`.
 *
 * @example
 * ```ts
 * import { TERMINAL_STATUSES } from '@outdial/sdk';
 * const finished = await outdial.calls.waitForStatus(id, TERMINAL_STATUSES);
 * ```
 */
export const TERMINAL_STATUSES: readonly TerminalStatus[] = TERMINAL;

/**
 * A status in {@link TERMINAL_STATUSES}.
 *
 * @example
 * ```ts
 * const final: TerminalStatus = 'no_answer';
 * ```
 */
export type TerminalStatus = Terminal;

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
  return isTerminal(status);
}
