import { describe, expect, it } from 'vitest';
import { OrderedKeySet } from './ordered-key-set';

/** A small seeded PRNG (mulberry32): every run replays the same sequence. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The brute force the set must agree with. */
const countBelow = (members: Set<number>, key: number) => [...members].filter((k) => k < key).length;

describe('OrderedKeySet', () => {
  it('counts the keys below any key', () => {
    const set = new OrderedKeySet();
    for (const key of [30, 10, 20]) expect(set.add(key)).toBe(true);
    expect(set.add(20)).toBe(false);
    expect([5, 10, 15, 20, 25, 30, 35].map((k) => set.countBelow(k))).toEqual([0, 0, 1, 1, 2, 2, 3]);
    expect(set.delete(10)).toBe(true);
    expect(set.delete(10)).toBe(false);
    expect(set.countBelow(25)).toBe(1);
    expect(set.size).toBe(2);
  });

  // Enough operations to split and merge blocks many times over (a block holds 512 keys), with
  // the mixes a queue sees: appends in order, urgent keys in front, cancels anywhere, and dials
  // taking the smallest.
  for (const seed of [1, 2, 3, 4]) {
    it(`agrees with a brute-force count under random add/delete/take-smallest (seed ${seed})`, () => {
      const next = random(seed);
      const set = new OrderedKeySet();
      const members = new Set<number>();
      let tail = 1_000_000;
      let largest = 0;
      for (let step = 0; step < 20_000; step++) {
        // The backlog grows to thousands of keys (many blocks), then drains.
        const addShare = step < 10_000 ? 0.75 : 0.3;
        const roll = next();
        if (roll < addShare) {
          // A new call at the back, or (1 in 5) anywhere, as an urgent one would be.
          const key = next() < 0.8 ? tail++ : Math.floor(next() * 2_000_000);
          expect(set.add(key)).toBe(!members.has(key));
          members.add(key);
        } else if (roll < addShare + 0.25 && members.size > 0) {
          // A cancel, of any member (or of a key that is not there).
          const key = next() < 0.9 ? [...members][Math.floor(next() * members.size)] : -1;
          expect(set.delete(key as number)).toBe(members.delete(key as number));
        } else if (members.size > 0) {
          // A dial: the most urgent goes.
          const smallest = Math.min(...members);
          expect(set.delete(smallest)).toBe(true);
          members.delete(smallest);
        }
        expect(set.size).toBe(members.size);
        largest = Math.max(largest, members.size);
        if (step % 97 === 0) {
          for (let probe = 0; probe < 20; probe++) {
            const key = Math.floor(next() * 2_100_000) - 50_000;
            expect(set.countBelow(key)).toBe(countBelow(members, key));
          }
          for (const key of [...members].slice(0, 50)) expect(set.has(key)).toBe(true);
        }
      }
      expect(largest).toBeGreaterThan(4000);
      const sorted = [...members].sort((a, b) => a - b);
      for (const [index, key] of sorted.entries()) expect(set.countBelow(key)).toBe(index);
    });
  }

  // Keys with tie-breakers, as the queue positions keep them: (priority, turn) and seq. Many keys
  // share a first part (the calls of one turn, one per lane), across block boundaries.
  it('orders keys by their tie-breaker within one first part, agreeing with a brute force', () => {
    const next = random(9);
    const set = new OrderedKeySet();
    const members = new Map<string, [number, number]>();
    const below = (key: number, tie: number) =>
      [...members.values()].filter(([k, t]) => k < key || (k === key && t < tie)).length;
    let seq = 0;
    for (let step = 0; step < 6000; step++) {
      if (next() < 0.7 || members.size === 0) {
        const key = Math.floor(next() * 300);
        const tie = seq++;
        expect(set.add(key, tie)).toBe(true);
        members.set(`${key} ${tie}`, [key, tie]);
      } else {
        const [name, [key, tie]] = [...members.entries()][Math.floor(next() * members.size)] as [
          string,
          [number, number],
        ];
        expect(set.has(key, tie)).toBe(true);
        expect(set.delete(key, tie + 0.5)).toBe(false);
        expect(set.delete(key, tie)).toBe(true);
        members.delete(name);
      }
      if (step % 101 === 0) {
        for (let probe = 0; probe < 10; probe++) {
          const key = Math.floor(next() * 310) - 5;
          const tie = Math.floor(next() * seq);
          expect(set.countBelow(key, tie)).toBe(below(key, tie));
        }
      }
    }
    expect(set.size).toBe(members.size);
    expect(members.size).toBeGreaterThan(1000);
    const sorted = [...members.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [index, [key, tie]] of sorted.entries()) expect(set.countBelow(key, tie)).toBe(index);
    expect(set.add(sorted[0]?.[0] as number, sorted[0]?.[1] as number)).toBe(false);
  });

  it('drains to empty and fills again', () => {
    const set = new OrderedKeySet();
    for (let key = 0; key < 5000; key++) set.add(key);
    for (let key = 4999; key >= 0; key--) expect(set.delete(key)).toBe(true);
    expect(set.size).toBe(0);
    expect(set.countBelow(10)).toBe(0);
    set.add(7);
    expect(set.countBelow(8)).toBe(1);
  });
});
