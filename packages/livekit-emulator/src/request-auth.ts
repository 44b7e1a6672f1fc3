/**
 * @module
 * API authentication and grant checks, as livekit-server does them (pkg/service/auth.go).
 */
import { type ClaimGrants, TokenVerifier } from 'livekit-server-sdk';
import { TwirpError } from './twirp-error';

const BEARER = 'Bearer ';

function unauthenticated(msg: string): TwirpError {
  return new TwirpError('unauthenticated', msg, { outcome: 'unauthenticated' });
}

// livekit-server wraps a missing grant with twirpAuthError, i.e. Twirp `unauthenticated`
// (HTTP 401) with the message "permissions denied", not `permission_denied`/403.
function permissionsDenied(): TwirpError {
  return new TwirpError('unauthenticated', 'permissions denied', { outcome: 'permission_denied' });
}

function unverifiedIssuer(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && 'iss' in claims && typeof claims.iss === 'string'
      ? claims.iss
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies the request's `Authorization: Bearer <jwt>` header (HS256, issuer = API key,
 * `exp`/`nbf` checked) and returns its grants. A request without the header has no grants,
 * so it fails the permission check that follows, as in livekit-server.
 */
export async function authenticateRequest(
  authorization: string | undefined,
  apiKey: string,
  apiSecret: string,
): Promise<ClaimGrants> {
  if (!authorization) return {};
  if (!authorization.startsWith(BEARER)) {
    throw unauthenticated(`invalid authorization header. Must start with ${BEARER}`);
  }
  const token = authorization.slice(BEARER.length);
  const issuer = unverifiedIssuer(token);
  if (issuer === undefined) throw unauthenticated('invalid authorization token');
  // livekit-server looks the secret up by the token's key, so an unknown key is its own error.
  if (issuer !== apiKey) throw unauthenticated(`invalid API key: ${issuer}`);
  try {
    return await new TokenVerifier(apiKey, apiSecret).verify(token);
  } catch (error) {
    throw unauthenticated(`invalid token: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `roomCreate`: CreateRoom and DeleteRoom. */
export function ensureCreatePermission(claims: ClaimGrants): void {
  if (!claims.video?.roomCreate) throw permissionsDenied();
}

/** `roomList`: ListRooms. */
export function ensureListPermission(claims: ClaimGrants): void {
  if (!claims.video?.roomList) throw permissionsDenied();
}

/** `roomAdmin` for this very room: participant and agent-dispatch methods. */
export function ensureAdminPermission(claims: ClaimGrants, room: string): void {
  if (!claims.video?.roomAdmin || claims.video.room !== room) throw permissionsDenied();
}

/** `sip.call`: CreateSIPParticipant. */
export function ensureSipCallPermission(claims: ClaimGrants): void {
  if (!claims.sip?.call) throw permissionsDenied();
}
