/**
 * @module
 * Identifiers. Call ids are `call_` + a ULID (time-ordered, 26 Crockford base-32 characters), so
 * they sort roughly by creation and read like the existing API's ids.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function ulid(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let random = '';
  for (const byte of randomBytes(16)) random += CROCKFORD[byte % 32];
  return time + random;
}

export const newCallId = (): string => `call_${ulid()}`;
export const newOrganizationId = (): string => `org_${ulid()}`;
export const newApiKeyId = (): string => `key_${ulid()}`;
export const newAgentId = (): string => randomUUID();

/** An API key: `od_` + 32 random base62 characters (about 190 bits). */
export function newApiKeySecret(): string {
  let key = 'od_';
  for (let i = 0; i < 32; i++) key += BASE62[randomInt(62)];
  return key;
}
