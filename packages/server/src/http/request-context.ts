/**
 * What the middleware chain adds to each Express request.
 */
import type { ApiKeyOwner } from '../api-keys/api-key-service';

declare global {
  namespace Express {
    interface Request {
      /** Echoed in `x-request-id` and in every error envelope. */
      requestId: string;
      /** Set by the security handlers once an API key is verified. */
      auth?: ApiKeyOwner;
      /** The body's bytes as received, decoded (the LiveKit webhook signature covers them). */
      rawBody?: Buffer;
    }
  }
}

/** The organization of an authenticated request. */
export function organizationOf(req: Express.Request): string {
  if (!req.auth) throw new Error('route reached without authentication');
  return req.auth.organizationId;
}
