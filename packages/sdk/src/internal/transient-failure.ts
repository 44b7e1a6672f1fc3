/**
 * @module
 * Which failed requests are worth trying again when the SDK rides failures out by itself (the
 * event streams' reconnections and the call waiter's polls), and the least wait before it.
 */
import { ApiError, ConnectionError, type RateLimitError } from '../core/errors';
import { isRetryableStatus } from './retry-policy';

/**
 * The least wait before trying again after `error` (a 429's `Retry-After`, else 0), or
 * undefined when trying again cannot help: network trouble, 408, 429 and 5xx pass; 401, 403,
 * 404 and aborts will not fix themselves.
 */
export const transientFailureDelay = (error: unknown): number | undefined =>
  error instanceof ConnectionError || (error instanceof ApiError && isRetryableStatus(error.status))
    ? // Only a RateLimitError has `retryAfterMs`; on the others it reads as undefined.
      ((error as RateLimitError).retryAfterMs ?? 0)
    : undefined;
