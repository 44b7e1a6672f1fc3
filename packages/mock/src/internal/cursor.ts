/**
 * @module
 * Keyset pagination over the mock's in-memory lists, with the contract's opaque cursors
 * (`encodePageCursor` / `decodePageCursor`). A page continues strictly after the cursor's
 * position in the newest-first order, so concurrent inserts never shift it.
 */
import { decodePageCursor, encodePageCursor, fieldError, type PageCursor } from '@outdial/contract';

/** A position in a newest-first (`t` desc, then `i` desc) list. */
export type CursorPosition = PageCursor;

/** Decodes a cursor, or throws the catalog's `invalid_cursor` 400. */
export function decodeCursor(cursor: string): CursorPosition {
  const position = decodePageCursor(cursor);
  if (!position) throw fieldError('invalid_cursor', 'cursor');
  return position;
}

/**
 * One newest-first page of `items` after `cursor`.
 *
 * @example
 * paginate(calls, (c) => ({ t: c.startedAt, i: c.id }), 20, undefined);
 */
export function paginate<T>(
  items: readonly T[],
  positionOf: (item: T) => CursorPosition,
  limit: number,
  cursor: string | undefined,
): { page: T[]; hasMore: boolean; nextCursor: string | null } {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const sorted = [...items].sort((a, b) => compareDescending(positionOf(a), positionOf(b)));
  const rest = after ? sorted.filter((item) => compareDescending(positionOf(item), after) > 0) : sorted;
  const page = rest.slice(0, limit);
  const hasMore = rest.length > limit;
  const last = page.at(-1);
  return { page, hasMore, nextCursor: hasMore && last ? encodePageCursor(positionOf(last)) : null };
}

/** Negative when `a` comes first in newest-first order. */
function compareDescending(a: CursorPosition, b: CursorPosition): number {
  const byTime = Date.parse(b.t) - Date.parse(a.t);
  if (byTime !== 0) return byTime;
  return a.i === b.i ? 0 : a.i > b.i ? -1 : 1;
}
