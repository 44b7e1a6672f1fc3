import { HttpResponse, http } from 'msw';
import { afterEach, expect, test, vi } from 'vitest';
import { useMock } from '../../test/support/mock-client';

const { mock, server, request } = useMock({ webhookRetryScheduleMs: [0, 1_000, 2_000] });

afterEach(() => vi.useRealTimers());

test('retries on the schedule (timers, so fake timers drive it), then fails when it runs out', async () => {
  let posts = 0;
  server.use(
    http.post('https://receiver.test/down', () => {
      posts++;
      return new HttpResponse('down', { status: 503 });
    }),
  );
  const created = await request('POST', '/api/v1/webhook-endpoints', {
    body: { url: 'https://receiver.test/down', enabledEvents: ['call.queued'] },
  });
  const path = `/api/v1/webhook-endpoints/${created.body.data.id}/deliveries`;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await request('POST', '/api/v1/calls/outbound', {
    body: { agentId: mock.agents.voice.id, phoneNumber: '+15005550001' },
  });
  await mock.webhooks.idle();
  expect(posts).toBe(1);
  await vi.advanceTimersByTimeAsync(999);
  await mock.webhooks.idle();
  expect(posts).toBe(1);
  await vi.advanceTimersByTimeAsync(1);
  await mock.webhooks.idle();
  expect(posts).toBe(2);
  expect((await request('GET', path)).body.data.deliveries[0]).toMatchObject({ status: 'pending' });
  await vi.advanceTimersByTimeAsync(2_000);
  await mock.webhooks.idle();
  expect(posts).toBe(3);
  const [delivery] = (await request('GET', path)).body.data.deliveries;
  expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
  expect(delivery.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 503]);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(posts).toBe(3);
});
