/**
 * @module
 * The Outdial SDK: a typed client for the Outdial Calls API. Place outbound AI voice calls,
 * wait for them to finish, list and cancel them, with safe retries (a retried create never
 * rings a person twice), and follow what happens to them as live event streams. Runs wherever
 * `fetch` does: Node 18+, browsers, Deno, Bun, edge.
 *
 * @example
 * ```ts
 * import { Outdial } from '@outdial/sdk';
 * const outdial = new Outdial({ apiKey: process.env.OUTDIAL_API_KEY });
 * const call = await outdial.calls.createAndWait({ agentId, phoneNumber: '+14155552671' });
 * ```
 */

export type { components, operations, paths } from '@outdial/contract';
export { isTerminalStatus, TERMINAL_STATUSES, type TerminalStatus } from './call-status';
export { type ClientOptions, Outdial } from './client';
export { ApiPromise, type WithResponse } from './core/api-promise';
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  OutdialError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  StreamUnavailableError,
  UnprocessableEntityError,
  WaitTimeoutError,
} from './core/errors';
export { CursorList, Page, PagePromise } from './core/pagination';
export type { RequestOptions } from './core/request-options';
export type { StreamOptions } from './core/stream-options';
export type { WaitOptions } from './core/wait-options';
export type * from './models';
// Values, not `export type`: the bundled .d.ts declares a type-only re-exported class as a value
// anyway, so `import { Calls }` typechecked and then failed at run time.
export { Agents } from './resources/agents';
export { Batches, type BatchWaitOptions } from './resources/batches';
export { Calls } from './resources/calls';
export { Events } from './resources/events';
export { Queue } from './resources/queue';
export { WebhookEndpoints } from './resources/webhook-endpoints';
export { WebhookSecret } from './resources/webhook-secret';
export { VERSION } from './version';
