/**
 * @module
 * The id formats of the API. Call, organization and API-key ids are a prefix + a ULID (48-bit
 * time, then 80 random bits, 26 Crockford base-32 characters), so they sort by creation time;
 * listings break `startedAt` ties by id, so ids made within one millisecond must still sort in
 * creation order: hence ulidx's monotonic factory, which increments the random part instead of
 * redrawing it.
 */
import { monotonicFactory, type PRNG } from 'ulidx';

/** A call id: `call_` + a ULID. */
export const CALL_ID_PATTERN = /^call_[0-9A-HJKMNP-TV-Z]{26}$/;

/** Makes prefixed ULIDs, monotonic within the factory. */
export type PrefixedUlidFactory = (prefix: string, nowMs?: number) => string;

/**
 * A monotonic factory of prefixed ULIDs. `random` (a PRNG returning [0, 1)) pins the ids for
 * tests, as the mock's `seed` option does; by default ulidx uses the platform's Web Crypto.
 *
 * @example
 * const ids = prefixedUlidFactory();
 * ids('call_'); // 'call_01JD7ZK5W8Q3N2M4P6R8T0V2X4'-like
 */
export function prefixedUlidFactory(random?: PRNG): PrefixedUlidFactory {
  const ulid = monotonicFactory(random);
  return (prefix, nowMs) => `${prefix}${ulid(nowMs)}`;
}
