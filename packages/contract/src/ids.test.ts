import { expect, it } from 'vitest';
import { CALL_ID_PATTERN, prefixedUlidFactory } from './ids';

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
