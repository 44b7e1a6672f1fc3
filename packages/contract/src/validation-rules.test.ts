import { describe, expect, it } from 'vitest';
import { exceedsNestingDepth, parseDateTime } from './validation-rules';

describe('parseDateTime', () => {
  it.each([
    ['2025-12-31T23:59:59Z', '2025-12-31T23:59:59.000Z'],
    ['2025-12-31t23:59:59z', '2025-12-31T23:59:59.000Z'],
    ['2025-12-01T10:30:00.5+05:30', '2025-12-01T05:00:00.500Z'],
    ['2025-12-01T00:00:00.123456-08:00', '2025-12-01T08:00:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00.000Z'],
    ['0099-06-01T00:00:00Z', '0099-06-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['9999-12-31T23:59:59+01:00', '9999-12-31T22:59:59.000Z'],
  ])('reads %s as the instant %s', (text, iso) => {
    expect(parseDateTime(text)).toEqual({ ok: true, iso });
  });

  it.each([
    'yesterday',
    '2025-12-31',
    '2025-12-31T23:59:60Z',
    '2025-19-01T00:00:00Z',
    '2025-00-01T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-12-01T24:00:00Z',
    '2025-12-01T00:60:00Z',
    '2025-12-01T00:00:00',
    '2025-12-01T00:00:00+00',
    '2025-12-01T00:00:00+0000',
    '2025-12-01T00:00:00+24:00',
    '2025-12-01T00:00:00+00:60',
    '2025-12-01 00:00:00Z',
    '+010000-01-01T00:00:00Z',
    ' 2025-12-01T00:00:00Z',
  ])('refuses %s', (text) => {
    expect(parseDateTime(text)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses instants outside the years 0000 to 9999 in UTC, which would not sort as text', () => {
    expect(parseDateTime('9999-12-31T23:59:59-00:01')).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseDateTime('0000-01-01T00:00:00+00:01')).toEqual({ ok: false, reason: 'out_of_range' });
  });
});

describe('exceedsNestingDepth', () => {
  const nested = (levels: number): unknown => {
    let value: unknown = {};
    for (let level = 1; level < levels; level++) value = level % 2 ? [value] : { a: value };
    return value;
  };

  it('counts objects and arrays, the outer value being level 1', () => {
    expect(exceedsNestingDepth({}, 1)).toBe(false);
    expect(exceedsNestingDepth({ a: {} }, 1)).toBe(true);
    expect(exceedsNestingDepth({ a: 1, b: 'x', c: null }, 1)).toBe(false);
    expect(exceedsNestingDepth(nested(32), 32)).toBe(false);
    expect(exceedsNestingDepth(nested(33), 32)).toBe(true);
    expect(exceedsNestingDepth({ wide: Array.from({ length: 1000 }, () => ({})) }, 3)).toBe(false);
  });

  it('walks without recursion, so no depth overflows the stack', () => {
    expect(exceedsNestingDepth(JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), 32)).toBe(true);
  });
});
