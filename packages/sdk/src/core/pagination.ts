/**
 * @module
 * Cursor pagination. `list()` returns a {@link PagePromise}: await it for the first page, iterate
 * it with `for await` for every item across pages, or collect items with `toArray({ limit })`.
 */
import type { components } from '@outdial/contract';
import { ApiPromise } from './api-promise';

type Pagination = components['schemas']['Pagination'];

/** Requests the page after `cursor` (the first page when undefined). */
export type PageLoader<T> = (cursor: string | undefined) => ApiPromise<Page<T>>;

/**
 * One page of a list. Iterating it with `for await` yields its items, then those of every page
 * after it.
 *
 * @example
 * ```ts
 * let page: Page<Call> | null = await outdial.calls.list({ limit: 50 });
 * while (page) {
 *   console.log(page.data.length, page.hasMore);
 *   page = await page.nextPage();
 * }
 * ```
 */
export class Page<T> implements AsyncIterable<T> {
  // Set by the constructor, in this order (the order of a page's keys): `declare`, so no ES2022
  // field declaration is emitted for them too.
  /** This page's items. */
  declare readonly data: T[];
  /** Whether a next page exists. */
  declare readonly hasMore: boolean;
  /** The cursor of the next page; null on the last page. Pass it as `cursor` to resume later. */
  declare readonly nextCursor: string | null;
  readonly #load: PageLoader<T>;

  constructor(data: T[], pagination: Pagination, load: PageLoader<T>) {
    const nextCursor = pagination.hasMore ? pagination.nextCursor : null;
    this.data = data;
    this.hasMore = nextCursor !== null;
    this.nextCursor = nextCursor;
    this.#load = load;
  }

  /** The next page, or null on the last one. */
  async nextPage(): Promise<Page<T> | null> {
    return this.nextCursor === null ? null : this.#load(this.nextCursor);
  }

  /** This page and every page after it, in order. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    for (let page: Page<T> | null = this; page; page = await page.nextPage()) yield page;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }
}

/**
 * What `list()` returns. Nothing is requested until you use it, and the first page is requested
 * once however you use it: await it for the first {@link Page} (with `.withResponse()` and
 * `.asResponse()` as on any {@link ApiPromise}), iterate it with `for await` for every item
 * across pages (fetched as you go), or collect them with `toArray({ limit })`.
 *
 * @example
 * ```ts
 * for await (const call of outdial.calls.list({ status: ['active', 'ringing'] })) {
 *   console.log(call.id, call.status);
 * }
 * const first = await outdial.calls.list({ limit: 50 }); // Page<Call>
 * const latest = await outdial.calls.list().toArray({ limit: 200 }); // Call[], at most 200
 * ```
 */
export class PagePromise<T> extends ApiPromise<Page<T>> implements AsyncIterable<T> {
  constructor(loadFirst: () => ApiPromise<Page<T>>) {
    let first: ApiPromise<Page<T>> | undefined;
    const page = () => {
      first ??= loadFirst();
      return first;
    };
    super(() => page().asResponse(), page);
  }

  /** The first page: the same as awaiting the list. */
  firstPage(): Promise<Page<T>> {
    return this.then();
  }

  /** Every page, in order. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    yield* (await this).pages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* await this;
  }

  /**
   * Every item across pages, in order; with `limit`, at most that many, and no page is requested
   * once it is reached. (The list's own `limit` param is the page size.)
   */
  async toArray({ limit = Number.POSITIVE_INFINITY }: { limit?: number | undefined } = {}): Promise<T[]> {
    const items: T[] = [];
    if (items.length >= limit) return items;
    for await (const item of this) {
      if (items.push(item) >= limit) break;
    }
    return items;
  }
}

/**
 * @deprecated The old name of {@link PagePromise}, which `list()` returns.
 *
 * @example
 * ```ts
 * const calls: CursorList<Call> = outdial.calls.list();
 * ```
 */
export const CursorList = PagePromise;
/** @deprecated The old name of {@link PagePromise}. */
export type CursorList<T> = PagePromise<T>;
