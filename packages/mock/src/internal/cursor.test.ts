import { expect, test } from 'vitest';
import { ApiError } from './api-error';
import { decodeCursor, encodeCursor, paginate } from './cursor';

test('round-trips, base64url without padding (same form as the spec example)', () => {
  const cursor = encodeCursor({ t: '2025-12-01T15:30:00.000Z', i: 'call_01' });
  expect(cursor).toBe('eyJ0IjoiMjAyNS0xMi0wMVQxNTozMDowMC4wMDBaIiwiaSI6ImNhbGxfMDEifQ');
  expect(decodeCursor(cursor)).toEqual({ t: '2025-12-01T15:30:00.000Z', i: 'call_01' });
});

test.each([
  ['not base64url', 'a+b/c='],
  ['not JSON', btoa('hello')],
  ['JSON without t and i', btoa('{"x":1}')],
  ['a bad timestamp', btoa('{"t":"soon","i":"call_1"}').replace(/=+$/, '')],
])('rejects %s with invalid_cursor', (_name, cursor) => {
  expect(() => decodeCursor(cursor)).toThrow(ApiError);
  try {
    decodeCursor(cursor);
  } catch (error) {
    expect((error as ApiError).message).toBe('Validation error: Invalid cursor');
    expect((error as ApiError).details).toEqual([{ field: 'cursor', message: 'Invalid cursor' }]);
  }
});

test('paginates newest first by time, then id', () => {
  const items = [
    { t: '2025-01-01T00:00:00.000Z', i: 'a' },
    { t: '2025-01-02T00:00:00.000Z', i: 'b' },
    { t: '2025-01-02T00:00:00.000Z', i: 'c' },
  ];
  const first = paginate(items, (x) => x, 2, undefined);
  expect(first.page.map((x) => x.i)).toEqual(['c', 'b']);
  expect(first.hasMore).toBe(true);
  const second = paginate(items, (x) => x, 2, first.nextCursor ?? undefined);
  expect(second).toEqual({ page: [items[0]], hasMore: false, nextCursor: null });
});
