import { apiError } from '@outdial/contract';
import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';

export interface RateLimitOptions {
  windowMs: number;
  /** Requests per window per API key. */
  limit: number;
  /** Where the counts live (rate-limit-store.ts); undefined: in this process's memory. */
  store?: Store | undefined;
}

/**
 * The per-API-key limit (express-rate-limit; its counts in memory, or shared by every replica in
 * Redis or PostgreSQL: rate-limit-store.ts). It runs after authentication, so it
 * counts by key rather than by IP; unauthenticated routes are not limited. Headers follow IETF
 * draft 6 (`RateLimit-Limit`, `-Remaining`, `-Reset`), plus `Retry-After` on 429.
 */
export function limitRequestsPerApiKey(
  options: RateLimitOptions,
): RequestHandler & { resetKey(key: string): void } {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    ...(options.store ? { store: options.store } : {}),
    skip: (req) => req.auth === undefined,
    keyGenerator: (req) => req.auth?.apiKeyId ?? 'anonymous',
    handler: (_req, _res, next) => next(apiError('rate_limited')),
  });
}
