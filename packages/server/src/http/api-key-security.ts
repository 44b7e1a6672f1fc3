/**
 * @module
 * express-openapi-validator's security handlers for the contract's two alternative schemes. By
 * default the validator only checks that the header is present; these look the key up.
 */
import type { Request } from 'express';
import type { ApiKeyOwner } from '../api-keys/api-key-service';

type SecurityHandler = (req: Request) => Promise<boolean> | boolean;

/** What authentication needs of the API keys (api-keys/api-key-service.ts). */
export interface ApiKeyOwnerLookup {
  findOwner(key: string): Promise<ApiKeyOwner | undefined>;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Both schemes resolve through one lookup per request, so a request carrying both headers is
 * decided once and the same way: `x-api-key` wins when present.
 */
function ownerResolver(apiKeys: ApiKeyOwnerLookup): (req: Request) => Promise<ApiKeyOwner | undefined> {
  const pending = new WeakMap<Request, Promise<ApiKeyOwner | undefined>>();
  return (req) => {
    let owner = pending.get(req);
    if (!owner) {
      const key = req.get('x-api-key') ?? bearerToken(req.get('authorization'));
      owner = key ? apiKeys.findOwner(key) : Promise.resolve(undefined);
      pending.set(req, owner);
    }
    return owner;
  };
}

export function securityHandlers(apiKeys: ApiKeyOwnerLookup): Record<string, SecurityHandler> {
  const resolveOwner = ownerResolver(apiKeys);
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
