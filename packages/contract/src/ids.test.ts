import { expect, it } from 'vitest';
import { CALL_ID_PATTERN, pooledCryptoRandom, prefixedUlidFactory } from './ids';

it('makes prefixed ULIDs that sort in creation order, even within one millisecond', () => {
  const ids = prefixedUlidFactory();
  const made = Array.from({ length: 500 }, () => ids('call_', 1_764_600_000_000));
  expect(made.every((id) => CALL_ID_PATTERN.test(id))).toBe(true);
  expect([...made].sort()).toEqual(made);
  expect(new Set(made).size).toBe(made.length);
});

it('repeats itself for the same PRNG, so seeded tests can pin ids', () => {
  const seeded = () => {
    let n = 0;
    return prefixedUlidFactory(() => (n++ % 97) / 97);
  };
  expect(seeded()('call_', 1_764_600_000_000)).toBe(seeded()('call_', 1_764_600_000_000));
});

it('draws random values in [0, 1) from Web Crypto evenly, with fresh bytes on every refill', () => {
  const random = pooledCryptoRandom();
  if (!random) throw new Error('this runtime has Web Crypto');
  const draws = Array.from({ length: 64_000 }, () => random());
  // byte / 255 would reach 1, which ulidx clamps onto the last character.
  expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...draws)).toBeLessThan(1);
  const counts = new Array<number>(32).fill(0);
  for (const value of draws) (counts[Math.floor(value * 32)] as number)++;
  // 2,000 expected per character; ±20% is over 8 standard deviations.
  for (const count of counts) expect(count).toBeGreaterThan(1600);
  for (const count of counts) expect(count).toBeLessThan(2400);
  // The pool is 4 KiB: a refill that reused its bytes would repeat the first 4,096 draws.
  expect(draws.slice(4096, 8192)).not.toEqual(draws.slice(0, 4096));
});
