import { apiError, DEFAULT_PAGE_SIZE, decodePageCursor, type PageCursor } from '@outdial/contract';

/** `limit` and `cursor` of a list endpoint, already validated against openapi.yaml. */
export function pageQuery(query: Record<string, unknown>): { limit: number; after: PageCursor | undefined } {
  const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
  if (query.cursor === undefined) return { limit, after: undefined };
  const after = typeof query.cursor === 'string' ? decodePageCursor(query.cursor) : undefined;
  // The schema only bounds the length; whether we issued the cursor is checked here.
  if (!after)
    throw apiError('invalid_cursor', {}, { details: [{ field: 'cursor', message: 'Invalid cursor' }] });
  return { limit, after };
}
