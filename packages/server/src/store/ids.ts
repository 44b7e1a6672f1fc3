/**
 * @module
 * Identifiers. Call ids are `call_` + a ULID (time-ordered, 26 Crockford base-32 characters), so
 * they sort roughly by creation and read like the existing API's ids.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let lastTime = -1;
let lastRandom: number[] = [];

/**
 * A monotonic ULID: within one millisecond the random part is incremented instead of redrawn,
 * so ids created by this process sort in creation order (listings break startedAt ties by id).
 */
function ulid(now = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    lastRandom = [...randomBytes(16)].map((byte) => byte % 32);
  } else {
    for (let i = lastRandom.length - 1; i >= 0; i--) {
      lastRandom[i] = ((lastRandom[i] as number) + 1) % 32;
      if (lastRandom[i] !== 0) break;
    }
  }
  let time = '';
  let t = lastTime;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + lastRandom.map((digit) => CROCKFORD[digit]).join('');
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
