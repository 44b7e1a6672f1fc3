/**
 * @module
 * CORS, so that browsers on other origins can call the API (the `cors` package). It runs before
 * authentication and the validator: a preflight carries no API key, and its path and method
 * (OPTIONS) are in no operation. Only the configured origins get CORS headers; any other origin
 * gets none, and its preflight falls through to the usual 404.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';

const ALLOWED_METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'];
/** The request headers openapi.yaml defines (the API key in either scheme, the Idempotency-Key). */
const ALLOWED_HEADERS = ['x-api-key', 'authorization', 'content-type', 'idempotency-key', 'x-request-id'];
/**
 * The response headers the API sends beyond the CORS-safelisted ones: request ids, the
 * rate-limit headers of express-rate-limit's draft 6 (rate-limit.ts), Retry-After on 409 and 429,
 * and Idempotent-Replayed on replays.
 */
const EXPOSED_HEADERS = [
  'x-request-id',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Retry-After',
  'Idempotent-Replayed',
];
/** How long a browser may reuse a preflight's answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Answers cross-origin requests from `origins` (exact `scheme://host[:port]` strings); `['*']`
 * allows any origin. Credentials are never allowed: the API key travels in a header, which a
 * script sets itself, never in a cookie.
 *
 * @example
 * app.use(allowCrossOrigin(['https://app.example.com']));
 */
export function allowCrossOrigin(origins: readonly string[]): RequestHandler {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  const answer = cors({
    // false: no CORS headers at all, and the request goes on as if it had no Origin.
    origin: (origin, callback) =>
      callback(null, origin === undefined ? false : anyOrigin ? '*' : allowed.has(origin) ? origin : false),
    methods: ALLOWED_METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    // Unless any origin is allowed, the answer depends on Origin even when it is "no CORS
    // headers": a cache must not hand one origin's response to another.
    if (!anyOrigin) res.vary('Origin');
    answer(req, res, next);
  };
}
