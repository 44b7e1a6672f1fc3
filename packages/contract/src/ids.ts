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

/** Random bytes drawn from Web Crypto per refill of {@link pooledCryptoRandom}'s pool. */
const POOL_BYTES = 4096;

/**
 * A PRNG over Web Crypto that draws its bytes 4 KiB at a time, or undefined where the platform
 * has no `crypto.getRandomValues` (ulidx then finds its own source). ulidx's default PRNG asks Web
 * Crypto for one byte per character, 16 calls per id: about 5% of the server's CPU per created
 * call (three ids) under load. Each value is a byte / 256, so ulidx's `floor(x * 32)` is the
 * byte's top five bits, uniform (its default's byte / 255 picks the last character twice as
 * often as any other).
 */
export function pooledCryptoRandom(): PRNG | undefined {
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } })
    .crypto;
  if (typeof webCrypto?.getRandomValues !== 'function') return undefined;
  const pool = new Uint8Array(POOL_BYTES);
  let next = POOL_BYTES;
  return () => {
    if (next === POOL_BYTES) {
      webCrypto.getRandomValues?.(pool);
      next = 0;
    }
    return (pool[next++] as number) / 256;
  };
}

/**
 * A monotonic factory of prefixed ULIDs. `random` (a PRNG returning [0, 1)) pins the ids for
 * tests, as the mock's `seed` option does; by default it is Web Crypto, pooled
 * ({@link pooledCryptoRandom}).
 *
 * @example
 * const ids = prefixedUlidFactory();
 * ids('call_'); // 'call_01JD7ZK5W8Q3N2M4P6R8T0V2X4'-like
 */
export function prefixedUlidFactory(random?: PRNG): PrefixedUlidFactory {
  const ulid = monotonicFactory(random ?? pooledCryptoRandom());
  return (prefix, nowMs) => `${prefix}${ulid(nowMs)}`;
}
