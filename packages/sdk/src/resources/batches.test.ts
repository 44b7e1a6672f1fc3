import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  advance,
  batchFixture,
  client,
  errorResponse,
  eventFixture,
  eventStreamResponse,
  noEventStreams,
  url,
  useFakeClock,
  useMockServer,
} from '../../test/mock-server';
import { WaitTimeoutError } from '../core/errors';
import type { Batch, OutdialEvent } from '../models';

const server = useMockServer();
const ID = 'batch_01JD7ZK5WBA1B2C3D4E5F6G7H8';
const counters = (over: Partial<Batch['counters']>): Batch['counters'] => ({
  ...batchFixture().counters,
  ...over,
});

describe('batches', () => {
  it('create POSTs the body with its instants as ISO strings, under an Idempotency-Key', async () => {
    let body: unknown;
    let key: string | null = null;
    server.use(
      http.post(url('/batches'), async ({ request }) => {
        body = await request.json();
        key = request.headers.get('idempotency-key');
        return HttpResponse.json({ data: batchFixture({ status: 'scheduled' }) }, { status: 201 });
      }),
    );
    const batch = await client().batches.create({
      name: 'Renewals',
      agentId: batchFixture().agentId,
      scheduledAt: new Date('2026-12-03T14:00:00Z'),
      latestAt: '2026-12-05T00:00:00Z',
      retry: { maxAttempts: 2, on: ['busy'] },
      calls: [{ phoneNumber: '+14155552671' }],
    });
    expectTypeOf(batch).toEqualTypeOf<Batch>();
    expect(batch.status).toBe('scheduled');
    expect(key).toBeTruthy();
    expect(body).toEqual({
      name: 'Renewals',
      agentId: batchFixture().agentId,
      scheduledAt: '2026-12-03T14:00:00.000Z',
      latestAt: '2026-12-05T00:00:00Z',
      retry: { maxAttempts: 2, on: ['busy'] },
      calls: [{ phoneNumber: '+14155552671' }],
    });
  });

  it('get, pause, resume and cancel reach their paths and return the batch', async () => {
    const requests: string[] = [];
    server.use(
      http.get(url('/batches/:id'), ({ params }) => {
        requests.push(`GET ${params.id}`);
        return HttpResponse.json({ data: batchFixture() });
      }),
      http.post(url('/batches/:id/:action'), ({ params }) => {
        requests.push(`${params.action} ${params.id}`);
        const status = { pause: 'paused', resume: 'running', cancel: 'cancelled' }[String(params.action)];
        return HttpResponse.json({ data: batchFixture({ status: status as Batch['status'] }) });
      }),
    );
    const batches = client().batches;
    expect((await batches.get(ID)).id).toBe(ID);
    expect((await batches.pause(ID)).status).toBe('paused');
    expect((await batches.resume(ID)).status).toBe('running');
    expect((await batches.cancel(ID)).status).toBe('cancelled');
    expect(requests).toEqual([`GET ${ID}`, `pause ${ID}`, `resume ${ID}`, `cancel ${ID}`]);
  });

  it('list pages through batches with its filters', async () => {
    const queries: string[] = [];
    server.use(
      http.get(url('/batches'), ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query.toString());
        const second = query.get('cursor') === 'c2';
        return HttpResponse.json({
          data: {
            batches: [batchFixture({ id: second ? 'batch_2' : 'batch_1' })],
            pagination: { limit: 1, hasMore: !second, nextCursor: second ? null : 'c2' },
          },
        });
      }),
    );
    const all = await client()
      .batches.list({ status: ['running'], limit: 1 })
      .toArray();
    expect(all.map((b) => b.id)).toEqual(['batch_1', 'batch_2']);
    expect(queries[0]).toBe('status=running&limit=1');
  });

  it('waitForCompletion polls with backoff until completed, telling each change of progress once', async () => {
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const answers = [
      batchFixture(),
      batchFixture(),
      batchFixture({ counters: counters({ queued: 1, inProgress: 1 }) }),
      batchFixture({ status: 'completed', counters: counters({ queued: 0, completed: 1, busy: 1 }) }),
    ];
    let polls = 0;
    server.use(
      ...noEventStreams(),
      http.get(url(`/batches/${ID}`), () => HttpResponse.json({ data: answers[Math.min(polls++, 3)] })),
    );
    const progress: Batch['counters'][] = [];
    const pending = client().batches.waitForCompletion(ID, { onProgress: (b) => progress.push(b.counters) });
    await advance(0);
    expect(polls).toBe(1);
    await advance(1_000);
    expect(polls).toBe(2);
    await advance(10_000);
    const done = await pending;
    expectTypeOf(done.status).toEqualTypeOf<'completed' | 'cancelled'>();
    expect(done.counters).toMatchObject({ completed: 1, busy: 1 });
    expect(progress).toEqual([answers[0]?.counters, answers[2]?.counters, answers[3]?.counters]);
  });

  it("waitForCompletion follows the batch's events after its newest one, returning on batch.completed without polling", async () => {
    const running = batchFixture({ counters: counters({ queued: 1, inProgress: 1 }) });
    const completed = batchFixture({ status: 'completed', counters: counters({ queued: 0, completed: 2 }) });
    const event = (type: string, data: unknown, n: number) =>
      ({
        id: `evt_01JD7ZK5W9A1B2C3D4E5F6G${n}00`,
        type,
        timestamp: completed.createdAt,
        sequence: n,
        data,
      }) as OutdialEvent;
    const requests: { query: string; lastEventId: string | null; stream: boolean }[] = [];
    let gets = 0;
    server.use(
      http.get(url('/events'), ({ request }) => {
        const stream = request.headers.get('accept') === 'text/event-stream';
        const query = new URL(request.url).searchParams.toString();
        requests.push({ query, lastEventId: request.headers.get('last-event-id'), stream });
        if (!stream) {
          const data = {
            events: [event('batch.started', running, 1)],
            pagination: { limit: 1, hasMore: true, nextCursor: 'c' },
          };
          return HttpResponse.json({ data });
        }
        // One of its calls ended (within minDelayMs of the first read: not read again), then the batch.
        return eventStreamResponse([
          { ...eventFixture('completed'), id: 'evt_01JD7ZK5W9A1B2C3D4E5F6G200' },
          event('batch.completed', completed, 3),
        ]);
      }),
      http.get(url(`/batches/${ID}`), () => {
        gets++;
        return HttpResponse.json({ data: running });
      }),
    );
    const progress: Batch['counters'][] = [];
    const done = await client().batches.waitForCompletion(ID, {
      minDelayMs: 60_000,
      onProgress: (b) => progress.push(b.counters),
    });
    expect(done).toEqual(completed);
    expect(gets).toBe(1);
    expect(progress).toEqual([running.counters, completed.counters]);
    expect(requests).toEqual([
      { query: `batchId=${ID}&limit=1`, lastEventId: null, stream: false },
      { query: `batchId=${ID}`, lastEventId: 'evt_01JD7ZK5W9A1B2C3D4E5F6G100', stream: true },
    ]);
  });

  it('waitForCompletion rides out a 503 and throws WaitTimeoutError with the last batch at its deadline', async () => {
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    let polls = 0;
    server.use(
      ...noEventStreams(),
      http.get(url(`/batches/${ID}`), () =>
        polls++ === 1
          ? errorResponse(503, 'internal_error', 'Unavailable')
          : HttpResponse.json({ data: batchFixture() }),
      ),
    );
    const outcome = client()
      .batches.waitForCompletion(ID, { timeoutMs: 5_000 })
      .catch((error: unknown) => error);
    await advance(5_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastBatch?.id).toBe(ID);
    expect((error as WaitTimeoutError).lastCall).toBeUndefined();
    expect((error as Error).message).toMatch(/waiting for the batch \(last status: running\)/);
    expect(polls).toBeGreaterThan(2);
  });
});
