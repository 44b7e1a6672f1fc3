import { describe, expect, it } from 'vitest';
import { RecordRing } from './record-ring';

function ringWith(limit: number, count: number): RecordRing<number> {
  const ring = new RecordRing<number>(limit);
  for (let i = 1; i <= count; i++) ring.push(i);
  return ring;
}

describe('RecordRing', () => {
  it('keeps every entry, in order, until it is full', () => {
    expect(ringWith(3, 2).toArray()).toEqual([1, 2]);
    expect(ringWith(3, 3).toArray()).toEqual([1, 2, 3]);
  });

  it('then drops the oldest, and still counts every entry added', () => {
    const ring = ringWith(3, 7);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.added).toBe(7);
  });

  it('keeps nothing with limit 0 and everything with Infinity', () => {
    expect(ringWith(0, 5).toArray()).toEqual([]);
    expect(ringWith(Number.POSITIVE_INFINITY, 5).toArray()).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts over when cleared', () => {
    const ring = ringWith(3, 5);
    ring.clear();
    ring.push(9);
    expect(ring.toArray()).toEqual([9]);
    expect(ring.added).toBe(1);
  });

  it('rejects a limit that is not a whole number ≥ 0', () => {
    expect(() => new RecordRing(-1)).toThrow(RangeError);
    expect(() => new RecordRing(2.5)).toThrow(RangeError);
    expect(() => new RecordRing(Number.NaN)).toThrow(RangeError);
  });
});
