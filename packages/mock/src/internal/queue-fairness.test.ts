/**
 * Fair queueing within one priority in the mock (MockState.enterQueue), as the server does it:
 * queue positions follow (priority, turn, arrival), so a single call is not placed behind a whole
 * batch of its priority, two batches alternate, and priority still comes first.
 */
import { describe, expect, test } from 'vitest';
import { useMock } from '../../test/support/mock-client';

const { mock, request } = useMock({ now: () => new Date('2025-12-01T15:30:00.000Z') });

const phone = (n: number) => `+1415600${String(n).padStart(4, '0')}`;

async function placeCall(n: number, priority = 5): Promise<string> {
  const response = await request('POST', '/api/v1/calls/outbound', {
    body: { agentId: mock.agents.voice.id, phoneNumber: phone(n), priority },
  });
  expect(response.status).toBe(201);
  return response.body.data.id;
}

/** A batch's call ids, in the order of its rows. */
async function createBatch(size: number, from: number): Promise<string[]> {
  const response = await request('POST', '/api/v1/batches', {
    body: {
      name: `Batch ${from}`,
      agentId: mock.agents.voice.id,
      priority: 5,
      calls: Array.from({ length: size }, (_, i) => ({ phoneNumber: phone(from + i) })),
    },
  });
  expect(response.status).toBe(201);
  const listed = await request('GET', `/api/v1/calls?batchId=${response.body.data.id}&limit=100`);
  // Listed newest first; the rows were created in order.
  return (listed.body.data.calls as { id: string }[]).map((call) => call.id).reverse();
}

const positionOf = async (id: string): Promise<number | null> =>
  (await request('GET', `/api/v1/calls/${id}`)).body.data.queuePosition;

describe('queue positions with batches', () => {
  test('a single call queued after a large batch of its priority is second in line, not last', async () => {
    const batch = await createBatch(60, 0);
    expect(await positionOf(batch[59] as string)).toBe(60);
    // Two of the batch's calls are dialed: its head is now its third call.
    mock.advance(batch[0] as string);
    mock.advance(batch[1] as string);
    const single = await placeCall(900);
    expect(await positionOf(single)).toBe(2);
    expect(await positionOf(batch[2] as string)).toBe(1);
    expect(await positionOf(batch[3] as string)).toBe(3);
    // The next single call takes the next turn of the single calls' lane.
    const next = await placeCall(901);
    expect(await positionOf(next)).toBe(4);
    // Priority first: an urgent call goes ahead of every turn.
    const urgent = await placeCall(902, 0);
    expect(await positionOf(urgent)).toBe(1);
    expect(await positionOf(single)).toBe(3);
  });

  test('two batches of one priority alternate', async () => {
    const first = await createBatch(4, 100);
    const second = await createBatch(3, 200);
    const positions = await Promise.all([...first, ...second].map(positionOf));
    expect(positions).toEqual([1, 3, 5, 7, 2, 4, 6]);
  });
});
