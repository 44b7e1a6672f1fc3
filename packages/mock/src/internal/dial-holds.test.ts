import { afterEach, expect, test, vi } from 'vitest';
import { createOutdialMock } from '../index';

const BASE = 'https://api.example.test';

afterEach(() => {
  vi.useRealTimers();
});

test('maxConcurrentCalls holds an organization’s calls, single or batched, to that many live', async () => {
  vi.useFakeTimers();
  const mock = createOutdialMock({ baseUrl: BASE, seed: 9, maxConcurrentCalls: 2 });
  const post = (path: string, body: unknown, apiKey = mock.apiKey) =>
    mock.handle(
      new Request(`${BASE}/api/v1${path}`, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  for (let i = 0; i < 3; i++) {
    expect(
      (await post('/calls/outbound', { agentId: mock.agents.voice.id, phoneNumber: `+1415555200${i}` }))
        .status,
    ).toBe(201);
  }
  const batch = {
    name: 'b',
    agentId: mock.agents.voice.id,
    calls: [{ phoneNumber: '+14155553000' }, { phoneNumber: '+14155553001' }],
  };
  expect((await post('/batches', batch)).status).toBe(201);
  // The other organization has its own allowance.
  const other = { agentId: mock.otherOrganization.agent.id, phoneNumber: '+14155554000' };
  expect((await post('/calls/outbound', other, mock.otherOrganization.apiKey)).status).toBe(201);

  const ours = () => mock.calls.list().filter((c) => c.agentId === mock.agents.voice.id);
  let peak = 0;
  let otherPeak = 0;
  for (let step = 0; step < 2_000 && !ours().every((c) => c.status === 'completed'); step++) {
    await vi.advanceTimersByTimeAsync(10);
    const live = ours().filter((c) => ['connecting', 'ringing', 'active'].includes(c.status)).length;
    expect(live).toBeLessThanOrEqual(2);
    peak = Math.max(peak, live);
    const theirs = mock.calls
      .list()
      .filter((c) => c.agentId !== mock.agents.voice.id && c.status === 'ringing');
    otherPeak = Math.max(otherPeak, theirs.length);
  }
  expect(ours().map((c) => c.status)).toEqual(Array(5).fill('completed'));
  expect(peak).toBe(2);
  expect(otherPeak).toBe(1);
  mock.reset();
});
