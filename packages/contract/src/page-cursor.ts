/**
 * @module
 * The opaque cursor of list endpoints: base64url of the last item's sort key
 * `{"t": <timestamp>, "i": <id>}`. A page continues strictly after that position in the
 * newest-first order, so keyset pagination stays stable while items are inserted. Written with
 * `btoa`/`atob` and `TextEncoder`, so it runs the same in Node and in browsers.
 */

/** A position in a newest-first (`t` desc, then `i` desc) list. */
export interface PageCursor {
  /** The last item's timestamp (ISO 8601). */
  t: string;
  /** The last item's id, the tie-breaker. */
  i: string;
}

/**
 * @example
 * encodePageCursor({ t: '2025-12-01T15:30:00.000Z', i: 'call_01' }); // 'eyJ0Ijoi…'
 */
export function encodePageCursor(cursor: PageCursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ t: cursor.t, i: cursor.i }));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * The cursor, or undefined when `value` is not one the API issued. Callers answer undefined
 * with the catalog's `invalid_cursor`.
 *
 * @example
 * decodePageCursor('not-a-cursor'); // undefined
 */
export function decodePageCursor(value: string): PageCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  try {
    const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
    const parsed: unknown = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))),
    );
    if (!parsed || typeof parsed !== 'object') return undefined;
    const { t, i } = parsed as Record<string, unknown>;
    if (typeof t !== 'string' || typeof i !== 'string' || Number.isNaN(Date.parse(t))) return undefined;
    return { t, i };
  } catch {
    // Not base64, not UTF-8 JSON: simply not a cursor.
    return undefined;
  }
}
