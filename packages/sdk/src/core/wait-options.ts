import type { Call } from '../models';
import type { RequestOptions } from './request-options';

/**
 * How `calls.waitForStatus`, `waitForTerminalStatus` and `createAndWait` poll.
 *
 * @example
 * ```ts
 * const call = await outdial.calls.waitForTerminalStatus(id, {
 *   timeoutMs: 10 * 60_000,
 *   minDelayMs: 500,
 *   maxDelayMs: 3_000,
 *   signal: AbortSignal.timeout(15 * 60_000),
 *   onStatusChange: (call) => console.log(call.status),
 * });
 * ```
 */
export interface WaitOptions extends Pick<RequestOptions, 'signal' | 'headers'> {
  /** The overall deadline; a last check runs at it, then `WaitTimeoutError`. Default 15 minutes. */
  timeoutMs?: number | undefined;
  /** The first delay between polls. Default 1 s. */
  minDelayMs?: number | undefined;
  /** The longest delay between polls. Default 5 s. */
  maxDelayMs?: number | undefined;
  /** Called once per distinct status seen, in order, starting with the first. */
  onStatusChange?: ((call: Call) => void) | undefined;
}
