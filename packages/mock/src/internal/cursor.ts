/**
 * @module
 * Opaque keyset cursors: base64url of `{"t": <sort timestamp>, "i": <id>}`. A page continues
 * strictly after that position in the newest-first order, so concurrent inserts never shift it.
 */
import { ApiError } from './api-error';

/** A position in a newest-first (`t` desc, then `i` desc) list. */
export type CursorPosition = { t: string; i: string };

/**
 * @example
 * encodeCursor({ t: '2025-12-01T15:30:00.000Z', i: 'call_01' }); // 'eyJ0Ijoi…'
 */
export function encodeCursor(position: CursorPosition): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ t: position.t, i: position.i }));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** Decodes a cursor, or throws the catalog's `invalid_cursor` 400. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const parsed: unknown = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))),
    );
    if (typeof parsed === 'object' && parsed !== null) {
      const { t, i } = parsed as Record<string, unknown>;
      if (typeof t === 'string' && typeof i === 'string' && !Number.isNaN(Date.parse(t))) return { t, i };
    }
  } catch {
    // Falls through to the 400 below: any undecodable cursor is simply invalid.
  }
  throw ApiError.fromCatalog('invalid_cursor', {}, [
    { field: 'cursor', message: ApiError.reasonOf('invalid_cursor') },
  ]);
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
  return { page, hasMore, nextCursor: hasMore && last ? encodeCursor(positionOf(last)) : null };
}

/** Negative when `a` comes first in newest-first order. */
function compareDescending(a: CursorPosition, b: CursorPosition): number {
  const byTime = Date.parse(b.t) - Date.parse(a.t);
  if (byTime !== 0) return byTime;
  return a.i === b.i ? 0 : a.i > b.i ? -1 : 1;
}
