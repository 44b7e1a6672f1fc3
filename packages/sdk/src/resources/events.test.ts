import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { client, errorResponse, eventFixture, url, useMockServer } from '../../test/mock-server';
import { NotFoundError } from '../core/errors';
import type { BatchEvent, EventOfType, OutdialEvent } from '../models';

const server = useMockServer();

describe('events.list', () => {
  it('iterates every event across pages, sending `types` as the repeatable `type` and the cursors', async () => {
    const queries: string[] = [];
    const events = [eventFixture('completed', 3), eventFixture('failed', 2), eventFixture('busy', 2)];
    server.use(
      http.get(url('/events'), ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query.toString());
        const second = query.get('cursor') === 'cur2';
        return HttpResponse.json({
          data: {
            events: second ? events.slice(2) : events.slice(0, 2),
            pagination: { limit: 2, hasMore: !second, nextCursor: second ? null : 'cur2' },
          },
        });
      }),
    );
    const seen: OutdialEvent[] = [];
    for await (const event of client().events.list({
      types: ['call.completed', 'call.failed', 'call.busy'],
      callId: 'call_1',
      limit: 2,
    })) {
      // Narrowed by the `types` asked for.
      expectTypeOf(event).toEqualTypeOf<EventOfType<'call.completed' | 'call.failed' | 'call.busy'>>();
      seen.push(event);
    }
    expect(seen).toEqual(events);
    expect(queries).toEqual([
      'type=call.completed&type=call.failed&type=call.busy&callId=call_1&limit=2',
      'type=call.completed&type=call.failed&type=call.busy&callId=call_1&limit=2&cursor=cur2',
    ]);
  });

  it('awaits to the first page, and toArray stops at its limit', async () => {
    let requests = 0;
    server.use(
      http.get(url('/events'), () => {
        requests++;
        return HttpResponse.json({
          data: {
            events: [eventFixture('queued'), eventFixture('connecting', 2)],
            pagination: { limit: 2, hasMore: true, nextCursor: `cur${requests}` },
          },
        });
      }),
    );
    const page = await client().events.list();
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toBe('cur1');
    expect(await client().events.list().toArray({ limit: 3 })).toHaveLength(3);
    expect(requests).toBe(3);
  });
});

describe('batch events', () => {
  it('sends batchId; batch types narrow to BatchEvent, whose data is the Batch', async () => {
    const queries: string[] = [];
    const batchEvent = {
      id: 'evt_01JD7ZK5W9A1B2C3D4E5F60999',
      type: 'batch.completed',
      timestamp: '2025-12-01T15:30:00.000Z',
      sequence: 2,
      data: { id: 'batch_1', status: 'completed', counters: { total: 1, completed: 1 } },
    };
    server.use(
      http.get(url('/events'), ({ request }) => {
        queries.push(new URL(request.url).searchParams.toString());
        return HttpResponse.json({
          data: { events: [batchEvent], pagination: { limit: 20, hasMore: false, nextCursor: null } },
        });
      }),
    );
    const events = await client()
      .events.list({ batchId: 'batch_1', types: ['batch.completed', 'batch.cancelled'] })
      .toArray();
    expectTypeOf(events).toEqualTypeOf<EventOfType<'batch.completed' | 'batch.cancelled'>[]>();
    expectTypeOf(events).toExtend<BatchEvent[]>();
    expect(events).toEqual([batchEvent]);
    expect(events[0]?.data.counters.total).toBe(1);
    expect(queries).toEqual(['type=batch.completed&type=batch.cancelled&batchId=batch_1']);
    // Unfiltered, the feed is either kind, told apart by `type`.
    expectTypeOf<EventOfType<OutdialEvent['type']>>().toEqualTypeOf<OutdialEvent>();
  });
});

describe('calls.listEvents', () => {
  it("returns the call's events, typed by their type", async () => {
    const events = [eventFixture('queued'), eventFixture('completed', 2)];
    server.use(http.get(url('/calls/call_1/events'), () => HttpResponse.json({ data: { events } })));
    const { data, requestId } = await client().calls.listEvents('call_1').withResponse();
    expect(data.events).toEqual(events);
    expect(requestId).toBeUndefined();
    const last = data.events.at(-1);
    if (last?.type === 'call.completed') expectTypeOf(last.data.status).toEqualTypeOf<'completed'>();
  });

  it('rejects with the API error', async () => {
    server.use(
      http.get(url('/calls/call_9/events'), () => errorResponse(404, 'not_found', 'Call not found')),
    );
    await expect(client().calls.listEvents('call_9')).rejects.toBeInstanceOf(NotFoundError);
  });
});
