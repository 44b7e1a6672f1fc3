import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { callFixture, client, errorResponse, url, useMockServer } from '../../test/mock-server';
import type { Call } from '../models';
import { ApiError } from './errors';
import { Page, PagePromise } from './pagination';

const server = useMockServer();

/** GET /calls in three pages of at most two: c1 c2 | c3 c4 | c5. Returns the cursors requested. */
function fivePages() {
  const cursors: (string | null)[] = [];
  const pages: Record<string, { ids: string[]; next: string | null }> = {
    '': { ids: ['c1', 'c2'], next: 'cur2' },
    cur2: { ids: ['c3', 'c4'], next: 'cur3' },
    cur3: { ids: ['c5'], next: null },
  };
  server.use(
    http.get(url('/calls'), ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      cursors.push(cursor);
      const page = pages[cursor ?? ''];
      if (!page) return errorResponse(400, 'validation_error', 'Validation error: Invalid cursor');
      return HttpResponse.json(
        {
          data: {
            calls: page.ids.map((id) => callFixture({ id })),
            pagination: { limit: 2, hasMore: page.next !== null, nextCursor: page.next },
          },
        },
        { headers: { 'x-request-id': `req_${cursor ?? 'first'}` } },
      );
    }),
  );
  return cursors;
}

const ids = (calls: Call[]) => calls.map((call) => call.id);

describe('list() page promise', () => {
  it('awaited, is the first page, requested once the list is used', async () => {
    const cursors = fivePages();
    const list = client().calls.list({ limit: 2 });
    expect(list).toBeInstanceOf(PagePromise);
    expect(cursors).toEqual([]); // lazy
    const page = await list;
    expectTypeOf(page).toEqualTypeOf<Page<Call>>();
    expect(page).toBeInstanceOf(Page);
    expect(ids(page.data)).toEqual(['c1', 'c2']);
    expect(page).toMatchObject({ hasMore: true, nextCursor: 'cur2' });
    expect(cursors).toEqual([null]);
  });

  it('iterated, yields every item across pages', async () => {
    const cursors = fivePages();
    const seen: string[] = [];
    for await (const call of client().calls.list({ limit: 2 })) {
      expectTypeOf(call).toEqualTypeOf<Call>();
      seen.push(call.id);
    }
    expect(seen).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(cursors).toEqual([null, 'cur2', 'cur3']);
  });

  it('requests the first page once when awaited and then iterated', async () => {
    const cursors = fivePages();
    const list = client().calls.list({ limit: 2 });
    const first = await list;
    const seen: string[] = [];
    for await (const call of list) seen.push(call.id);
    expect(ids(first.data)).toEqual(['c1', 'c2']);
    expect(seen).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(cursors).toEqual([null, 'cur2', 'cur3']);
  });

  it('a page, iterated, yields its items and those of the pages after it', async () => {
    const cursors = fivePages();
    const second = await (await client().calls.list({ limit: 2 })).nextPage();
    const seen: string[] = [];
    for await (const call of second ?? []) seen.push(call.id);
    expect(seen).toEqual(['c3', 'c4', 'c5']);
    expect(cursors).toEqual([null, 'cur2', 'cur3']);
  });

  it.each([
    [1, ['c1'], [null]],
    [2, ['c1', 'c2'], [null]], // exactly one page: the next one is never requested
    [3, ['c1', 'c2', 'c3'], [null, 'cur2']],
    [10, ['c1', 'c2', 'c3', 'c4', 'c5'], [null, 'cur2', 'cur3']],
  ])('toArray({ limit: %i }) stops requesting pages at the limit', async (limit, expected, requested) => {
    const cursors = fivePages();
    const calls = await client().calls.list({ limit: 2 }).toArray({ limit });
    expectTypeOf(calls).toEqualTypeOf<Call[]>();
    expect(ids(calls)).toEqual(expected);
    expect(cursors).toEqual(requested);
  });

  it('toArray() collects every item; toArray({ limit: 0 }) requests nothing', async () => {
    const cursors = fivePages();
    expect(ids(await client().calls.list().toArray())).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(cursors).toHaveLength(3);
    await expect(client().calls.list().toArray({ limit: 0 })).resolves.toEqual([]);
    expect(cursors).toHaveLength(3);
  });

  it('withResponse and asResponse give the first page with its response', async () => {
    const cursors = fivePages();
    const list = client().calls.list();
    const { data, response, requestId } = await list.withResponse();
    expectTypeOf(data).toEqualTypeOf<Page<Call>>();
    expect(ids(data.data)).toEqual(['c1', 'c2']);
    expect(response.status).toBe(200);
    expect(requestId).toBe('req_first');
    expect(await list).toBe(data);
    const raw = await client().calls.list({ cursor: 'cur3' }).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(raw.headers.get('x-request-id')).toBe('req_cur3');
    expect(cursors).toEqual([null, 'cur3']);
  });

  it('rejects the iteration with the typed error of a failed page', async () => {
    fivePages();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const call of client().calls.list({ cursor: 'bad' })) seen.push(call.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, type: 'validation_error' });
  });
});
