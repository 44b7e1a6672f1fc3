import { ApiError } from '@outdial/contract';
import { expect, test } from 'vitest';
import { decodeCursor, paginate } from './cursor';

// The codec's own cases are in @outdial/contract (page-cursor.test.ts); here, the 400 it becomes.
test.each([
  ['not base64url', 'a+b/c='],
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
