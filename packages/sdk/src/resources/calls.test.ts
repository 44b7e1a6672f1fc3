import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { BASE_URL, callFixture, client, url, useMockServer } from '../../test/mock-server';
import { Outdial } from '../client';
import { OutdialError } from '../core/errors';
import type { Call, QueuedCall } from '../models';
import { VERSION } from '../version';

const server = useMockServer();

describe('calls', () => {
  it('create POSTs the body and returns the queued call', async () => {
    let body: unknown;
    server.use(
      http.post(url('/calls/outbound'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          {
            data: callFixture(),
            message: 'Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress.',
          },
          { status: 201 },
        );
      }),
    );
    const params = {
      agentId: callFixture().agentId,
      phoneNumber: '+14155552671',
      priority: 0,
      metadata: { orderId: 'o1' },
    };
    const call = await client().calls.create(params);
    expectTypeOf(call).toEqualTypeOf<QueuedCall>();
    expect(body).toEqual(params);
    expect(call).toMatchObject({ id: 'call_1', status: 'queued' });
  });

  it('create sends scheduledAt and latestAt as ISO strings, from a Date or as given', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(url('/calls/outbound'), async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          {
            data: callFixture({ status: 'scheduled' }),
            message: 'Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress.',
          },
          { status: 201 },
        );
      }),
    );
    const base = { agentId: callFixture().agentId, phoneNumber: '+14155552671' };
    const callingWindow = {
      timezone: 'America/New_York',
      start: '09:00',
      end: '17:30',
      days: [1, 2, 3, 4, 5],
    };
    const call = await client().calls.create({
      ...base,
      scheduledAt: new Date('2026-12-03T14:00:00Z'),
      latestAt: new Date(Date.UTC(2026, 11, 5)),
      callingWindow,
    });
    expect(call.status).toBe('scheduled');
    await client().calls.create({ ...base, scheduledAt: '2026-12-03T09:00:00-05:00' });
    await client().calls.create(base);
    expect(bodies).toEqual([
      {
        ...base,
        scheduledAt: '2026-12-03T14:00:00.000Z',
        latestAt: '2026-12-05T00:00:00.000Z',
        callingWindow,
      },
      { ...base, scheduledAt: '2026-12-03T09:00:00-05:00' },
      base, // no scheduling keys at all when none are given
    ]);
  });

  it('get returns the typed call', async () => {
    server.use(
      http.get(url('/calls/:id'), ({ params }) =>
        HttpResponse.json({ data: callFixture({ id: String(params.id) }) }),
      ),
    );
    const call = await client().calls.get('call_9');
    expectTypeOf(call).toEqualTypeOf<Call>();
    expect(call.id).toBe('call_9');
  });

  it('cancel DELETEs and returns { id, status: cancelled }', async () => {
    server.use(
      http.delete(url('/calls/call_1'), () =>
        HttpResponse.json({
          data: { id: 'call_1', status: 'cancelled' },
          message: 'Call cancelled successfully',
        }),
      ),
    );
    await expect(client().calls.cancel('call_1')).resolves.toEqual({ id: 'call_1', status: 'cancelled' });
  });

  it('list iterates every call across pages, sending filters and cursors', async () => {
    const queries: string[] = [];
    const pages: Record<string, { ids: string[]; next: string | null }> = {
      '': { ids: ['c1', 'c2'], next: 'cur2' },
      cur2: { ids: ['c3', 'c4'], next: 'cur3' },
      cur3: { ids: ['c5'], next: null },
    };
    server.use(
      http.get(url('/calls'), ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query.toString());
        const page = pages[query.get('cursor') ?? ''];
        if (!page) return HttpResponse.json({}, { status: 500 });
        return HttpResponse.json({
          data: {
            calls: page.ids.map((id) => callFixture({ id })),
            pagination: { limit: 2, hasMore: page.next !== null, nextCursor: page.next },
          },
        });
      }),
    );
    const ids: string[] = [];
    for await (const call of client().calls.list({
      status: ['active', 'ringing'],
      agentId: 'a1',
      limit: 2,
    })) {
      expectTypeOf(call).toEqualTypeOf<Call>();
      ids.push(call.id);
    }
    expect(ids).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(queries).toEqual([
      'status=active&status=ringing&agentId=a1&limit=2',
      'status=active&status=ringing&agentId=a1&limit=2&cursor=cur2',
      'status=active&status=ringing&agentId=a1&limit=2&cursor=cur3',
    ]);
  });

  it('list is lazy; firstPage / nextPage walk pages explicitly; a cursor param resumes', async () => {
    let requests = 0;
    server.use(
      http.get(url('/calls'), ({ request }) => {
        requests++;
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json({
          data: {
            calls: [callFixture({ id: cursor ? 'c2' : 'c1' })],
            pagination: { limit: 1, hasMore: !cursor, nextCursor: cursor ? null : 'next' },
          },
        });
      }),
    );
    const list = client().calls.list({ limit: 1 });
    expect(requests).toBe(0);
    const first = await list.firstPage();
    expect(first).toMatchObject({ hasMore: true, nextCursor: 'next', data: [{ id: 'c1' }] });
    const second = await first.nextPage();
    expect(second).toMatchObject({ hasMore: false, nextCursor: null, data: [{ id: 'c2' }] });
    await expect(second?.nextPage()).resolves.toBeNull();
    expect(requests).toBe(2);

    const resumed = await client().calls.list({ cursor: 'next' }).firstPage();
    expect(resumed.data[0]?.id).toBe('c2');
    let pageCount = 0;
    for await (const page of client().calls.list().pages()) pageCount += page.data.length;
    expect(pageCount).toBe(2);
  });

  it('stops when hasMore is false even if a cursor is present', async () => {
    server.use(
      http.get(url('/calls'), () =>
        HttpResponse.json({
          data: { calls: [callFixture()], pagination: { limit: 1, hasMore: false, nextCursor: 'stale' } },
        }),
      ),
    );
    const page = await client().calls.list().firstPage();
    expect(page.hasMore).toBe(false);
    await expect(page.nextPage()).resolves.toBeNull();
  });
});

describe('client options', () => {
  function captureHeaders() {
    const seen: Headers[] = [];
    server.use(
      http.get(url('/calls/call_1'), ({ request }) => {
        seen.push(request.headers);
        return HttpResponse.json({ data: callFixture() });
      }),
    );
    return seen;
  }

  it('sends x-api-key by default, a User-Agent with the suffix, and client + request headers', async () => {
    const seen = captureHeaders();
    await client({ userAgent: 'my-dialer/1.2', headers: { 'x-team': 'a', 'x-drop': 'b' } }).calls.get(
      'call_1',
      {
        headers: { 'x-trace': 't1', 'x-drop': null },
      },
    );
    const headers = seen[0];
    expect(headers?.get('x-api-key')).toBe('test-key');
    expect(headers?.get('authorization')).toBeNull();
    expect(headers?.get('user-agent')).toBe(`outdial-sdk-js/${VERSION} my-dialer/1.2`);
    expect(headers?.get('x-team')).toBe('a');
    expect(headers?.get('x-trace')).toBe('t1');
    expect(headers?.get('x-drop')).toBeNull();
    expect(headers?.get('idempotency-key')).toBeNull(); // only POSTs carry one
  });

  it("authScheme 'bearer' sends Authorization: Bearer", async () => {
    const seen = captureHeaders();
    await client({ authScheme: 'bearer' }).calls.get('call_1');
    expect(seen[0]?.get('authorization')).toBe('Bearer test-key');
    expect(seen[0]?.get('x-api-key')).toBeNull();
  });

  it('falls back to OUTDIAL_API_KEY and OUTDIAL_BASE_URL', async () => {
    vi.stubEnv('OUTDIAL_API_KEY', 'env-key');
    vi.stubEnv('OUTDIAL_BASE_URL', BASE_URL);
    try {
      const seen = captureHeaders();
      await new Outdial().calls.get('call_1');
      expect(seen[0]?.get('x-api-key')).toBe('env-key');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('requires an API key', () => {
    vi.stubEnv('OUTDIAL_API_KEY', '');
    try {
      expect(() => new Outdial({ baseUrl: BASE_URL })).toThrow(OutdialError);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
