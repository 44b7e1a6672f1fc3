/**
 * @module
 * express-openapi-validator's security handlers for the contract's two alternative schemes. By
 * default the validator only checks that the header is present; these look the key up.
 */
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import { type ApiKeyOwner, findApiKeyOwner } from '../store/api-key-store';
import type { Database } from '../store/schema';

type SecurityHandler = (req: Request) => Promise<boolean> | boolean;

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Both schemes resolve through one lookup per request, so a request carrying both headers is
 * decided once and the same way: `x-api-key` wins when present.
 */
function ownerResolver(db: Kysely<Database>): (req: Request) => Promise<ApiKeyOwner | undefined> {
  const pending = new WeakMap<Request, Promise<ApiKeyOwner | undefined>>();
  return (req) => {
    let owner = pending.get(req);
    if (!owner) {
      const key = req.get('x-api-key') ?? bearerToken(req.get('authorization'));
      owner = key ? findApiKeyOwner(db, key) : Promise.resolve(undefined);
      pending.set(req, owner);
    }
    return owner;
  };
}

export function securityHandlers(db: Kysely<Database>): Record<string, SecurityHandler> {
  const resolveOwner = ownerResolver(db);
  const authenticate: SecurityHandler = async (req) => {
    let owner: ApiKeyOwner | undefined;
    try {
      owner = await resolveOwner(req);
    } catch (error) {
      // The validator turns a handler's failure into 401 unless it carries another status: a
      // database failure is ours, not the caller's.
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { status: 500 });
    }
    if (!owner) return false;
    req.auth = owner;
    return true;
  };
  return {
    ApiKeyAuth: authenticate,
    BearerAuth: authenticate,
    // The LiveKit webhook is authenticated by its signed JWT, which covers the body's hash; the
    // webhook handler verifies both together, so here the header's presence is enough.
    LiveKitWebhookSignature: () => true,
  };
}
