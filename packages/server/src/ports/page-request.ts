import type { PageCursor } from '@outdial/contract';

/**
 * One page of a keyset-paginated listing, newest first. Stores return `limit + 1` rows, so the
 * caller knows whether another page follows without a count.
 */
export interface PageRequest {
  limit: number;
  /** Rows strictly after this one (in the listing's order); absent for the first page. */
  after?: PageCursor | undefined;
}
