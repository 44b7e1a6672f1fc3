/**
 * @module
 * Identifiers. Call, organization and API-key ids are the contract's prefixed ULIDs (ulidx's
 * monotonic factory, so ids made within one millisecond still sort in creation order: listings
 * break startedAt ties by id). Agent ids are UUIDs, API keys random base62.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { prefixedUlidFactory } from '@outdial/contract';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// One factory for the process: monotonic across every kind of id it makes.
const ulid = prefixedUlidFactory();

export const newCallId = (): string => ulid('call_');
export const newOrganizationId = (): string => ulid('org_');
export const newApiKeyId = (): string => ulid('key_');
export const newAgentId = (): string => randomUUID();

/** An API key: `od_` + 32 random base62 characters (about 190 bits). */
export function newApiKeySecret(): string {
  let key = 'od_';
  for (let i = 0; i < 32; i++) key += BASE62[randomInt(62)];
  return key;
}
