/**
 * @module
 * The opaque cursor of list endpoints: base64url of the last row's sort key (timestamp, id).
 * Keyset pagination on (timestamp, id) stays stable while rows are inserted.
 */

export interface PageCursor {
  /** The last row's timestamp (ISO 8601). */
  t: string;
  /** The last row's id, the tie-breaker. */
  i: string;
}

export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.t, i: cursor.i }), 'utf8').toString('base64url');
}

/** The cursor, or undefined when `value` is not one this server issued. */
export function decodePageCursor(value: string): PageCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object') return undefined;
    const { t, i } = parsed as Record<string, unknown>;
    if (typeof t !== 'string' || typeof i !== 'string' || Number.isNaN(Date.parse(t))) return undefined;
    return { t, i };
  } catch {
    return undefined;
  }
}
