/**
 * @module
 * Identifiers. Call, organization, API-key and event ids are the contract's prefixed ULIDs (ulidx's
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
export const newWebhookEndpointId = (): string => ulid('we_');
export const newWebhookDeliveryId = (): string => ulid('wd_');
export const newBatchId = (): string => ulid('batch_');

/**
 * An event id (`evt_<ulid>`, its time `nowMs`) greater than `newest`, the newest id already
 * written: event ids are resume points, so they must increase in commit order even when another
 * process (with a factory of its own) or a clock set back wrote the newest one.
 */
export function newEventIdAfter(newest: string | undefined, nowMs: number): string {
  const id = ulid('evt_', nowMs);
  if (newest === undefined || id > newest) return id;
  // A later millisecond than the newest id's makes a greater id whatever its random part.
  return ulid('evt_', ulidTimeOf(newest.slice('evt_'.length)) + 1);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The milliseconds in a ULID's first 10 characters (5 bits each). */
function ulidTimeOf(ulidText: string): number {
  let ms = 0;
  for (const char of ulidText.slice(0, 10)) ms = ms * 32 + CROCKFORD.indexOf(char);
  return ms;
}

/**
 * The smallest event id an event committed at or after `at` can have: event ids are never older
 * than their commit time (`newEventIdAfter` only moves them later), so `event_id >= floor` bounds
 * a scan of the feed by time through its index.
 */
export function eventIdFloor(at: Date): string {
  let ms = at.getTime();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  return `evt_${time}${'0'.repeat(16)}`;
}

/** An API key: `od_` + 32 random base62 characters (about 190 bits). */
export function newApiKeySecret(): string {
  let key = 'od_';
  for (let i = 0; i < 32; i++) key += BASE62[randomInt(62)];
  return key;
}
