/**
 * @module
 * Cursor pagination. `list()` returns a {@link CursorList}: iterate it with `for await` to get
 * every item across pages, or walk pages yourself from `firstPage()`.
 */
import type { components } from '../generated/openapi';

type Pagination = components['schemas']['Pagination'];

/** Fetches the page after `cursor` (the first page when undefined). */
export type PageLoader<T> = (cursor: string | undefined) => Promise<[items: T[], pagination: Pagination]>;

/**
 * One page of a list.
 *
 * @example
 * ```ts
 * let page: Page<Call> | null = await outdial.calls.list({ limit: 50 }).firstPage();
 * while (page) {
 *   console.log(page.data.length, page.hasMore);
 *   page = await page.nextPage();
 * }
 * ```
 */
export class Page<T> {
  /** Whether a next page exists. */
  readonly hasMore: boolean;
  /** The cursor of the next page; null on the last page. Pass it as `cursor` to resume later. */
  readonly nextCursor: string | null;

  constructor(
    /** This page's items. */
    readonly data: T[],
    pagination: Pagination,
    private readonly load: PageLoader<T>,
  ) {
    this.nextCursor = pagination.hasMore ? pagination.nextCursor : null;
    this.hasMore = this.nextCursor !== null;
  }

  /** The next page, or null on the last one. */
  async nextPage(): Promise<Page<T> | null> {
    return this.nextCursor === null ? null : loadPage(this.load, this.nextCursor);
  }
}

const loadPage = async <T>(load: PageLoader<T>, cursor?: string): Promise<Page<T>> =>
  new Page(...(await load(cursor)), load);

/**
 * What `list()` returns: an async iterable over every item, fetching pages lazily (nothing is
 * requested until you iterate or call `firstPage()`).
 *
 * @example
 * ```ts
 * for await (const call of outdial.calls.list({ status: ['active', 'ringing'] })) {
 *   console.log(call.id, call.status);
 * }
 * const first = await outdial.calls.list({ limit: 50 }).firstPage();
 * ```
 */
export class CursorList<T> implements AsyncIterable<T> {
  constructor(private readonly load: PageLoader<T>) {}

  /** The first page. */
  firstPage(): Promise<Page<T>> {
    return loadPage(this.load);
  }

  /** Every page, in order. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    for (let page: Page<T> | null = await this.firstPage(); page; page = await page.nextPage()) yield page;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }
}
