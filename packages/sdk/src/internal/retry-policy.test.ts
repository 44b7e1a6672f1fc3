import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy';

describe('retry policy', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });

  it('backs off exponentially within [min, max], jittered into the upper half of the cap', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, 1_000, 5_000))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000, 5_000,
    ]);
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(backoffDelay(0, 1_000, 5_000)).toBe(1_000); // never below min
    expect(backoffDelay(2, 1_000, 5_000)).toBeCloseTo(2_000, 0);
    vi.restoreAllMocks();
  });

  it('parses Retry-After seconds and HTTP dates, ignoring garbage', () => {
    const at = (value: string) => parseRetryAfter(new Headers({ 'retry-after': value }));
    expect(at('0')).toBe(0);
    expect(at('7')).toBe(7_000);
    expect(at('soon')).toBeUndefined();
    expect(at(new Date(Date.now() - 10_000).toUTCString())).toBe(0);
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });
});
