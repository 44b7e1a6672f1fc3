import type { CallStatus } from '@outdial/contract';
import { describe, expect, test } from 'vitest';
import { useMock } from '../../test/support/mock-client';

let clock = Date.parse('2025-12-01T15:30:00.000Z');
const { mock, request } = useMock({ now: () => new Date(clock) });

async function placeCall(phoneNumber = '+14155552671', extra: Record<string, unknown> = {}): Promise<string> {
  const response = await request('POST', '/api/v1/calls/outbound', {
    body: { agentId: mock.agents.voice.id, phoneNumber, ...extra },
  });
  expect(response.status).toBe(201);
  return response.body.data.id;
}

async function placeOtherOrganizationCall(): Promise<string> {
  const response = await request('POST', '/api/v1/calls/outbound', {
    apiKey: mock.otherOrganization.apiKey,
    body: { agentId: mock.otherOrganization.agent.id, phoneNumber: '+14155552671' },
  });
  return response.body.data.id;
}

describe('getCall', () => {
  test('the full call while queued, with LiveKit ids null', async () => {
    const id = await placeCall();
    const response = await request('GET', `/api/v1/calls/${id}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      id,
      status: 'queued',
      roomId: null,
      jobId: null,
      sipParticipantId: null,
      answeredAt: null,
      endedAt: null,
      duration: null,
      failureReason: null,
      summary: null,
      queuePosition: 1,
      startedAt: '2025-12-01T15:30:00.000Z',
      updatedAt: '2025-12-01T15:30:00.000Z',
    });
  });

  test('404 for an unknown call, 403 for another organization', async () => {
    const missing = await request('GET', '/api/v1/calls/call_nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ type: 'not_found', message: 'Call not found' });
    const otherId = await placeOtherOrganizationCall();
    const forbidden = await request('GET', `/api/v1/calls/${otherId}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({
      type: 'forbidden',
      message: 'Access denied - call belongs to different organization',
    });
  });

  test('queue position: priority first, then arrival; leaves the queue once dialled', async () => {
    const a = await placeCall('+14155552671', { priority: 5 });
    const b = await placeCall('+14155552672', { priority: 5 });
    const urgent = await placeCall('+14155552673', { priority: 0 });
    const positions = async () =>
      Promise.all(
        [a, b, urgent].map(
          async (id) => (await request('GET', `/api/v1/calls/${id}`)).body.data.queuePosition,
        ),
      );
    expect(await positions()).toEqual([2, 3, 1]);
    mock.advance(urgent);
    expect(await positions()).toEqual([1, 2, null]);
  });
});

describe('listCalls', () => {
  async function placeSpaced(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      clock += 1000;
      ids.push(await placeCall());
    }
    return ids;
  }

  test('newest first, paginated across pages without gaps or repeats', async () => {
    const ids = await placeSpaced(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await request('GET', `/api/v1/calls${query}`);
      expect(page.body.data.pagination.limit).toBe(2);
      seen.push(...page.body.data.calls.map((c: { id: string }) => c.id));
      cursor = page.body.data.pagination.nextCursor;
      expect(page.body.data.pagination.hasMore).toBe(cursor !== null);
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  test('a cursor stays stable when newer calls arrive', async () => {
    const ids = await placeSpaced(3);
    const first = await request('GET', '/api/v1/calls?limit=1');
    await placeSpaced(2);
    const next = await request(
      'GET',
      `/api/v1/calls?limit=5&cursor=${first.body.data.pagination.nextCursor}`,
    );
    expect(next.body.data.calls.map((c: { id: string }) => c.id)).toEqual([ids[1], ids[0]]);
  });

  test('calls with the same startedAt are ordered by id, newest id first', async () => {
    await placeCall();
    await placeCall();
    await placeCall();
    const page = await request('GET', '/api/v1/calls');
    const ids = page.body.data.calls.map((c: { id: string }) => c.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  test('default limit 20', async () => {
    const response = await request('GET', '/api/v1/calls');
    expect(response.body.data.pagination).toEqual({ limit: 20, hasMore: false, nextCursor: null });
  });

  test('filters: agentId, status (repeatable), phoneNumber, startDate/endDate', async () => {
    clock = Date.parse('2025-12-01T10:00:00.000Z');
    const early = await placeCall('+14155550001');
    clock = Date.parse('2025-12-02T10:00:00.000Z');
    const middle = await placeCall('+14155550002');
    clock = Date.parse('2025-12-03T10:00:00.000Z');
    const late = await placeCall('+14155550003');
    mock.setStatus(middle, 'active');
    mock.setStatus(late, 'completed');
    await placeOtherOrganizationCall();
    const ids = async (query: string) =>
      (await request('GET', `/api/v1/calls?${query}`)).body.data.calls.map((c: { id: string }) => c.id);

    expect(await ids('')).toEqual([late, middle, early]);
    expect(await ids(`agentId=${mock.agents.voice.id}`)).toEqual([late, middle, early]);
    expect(await ids(`agentId=${mock.agents.chat.id}`)).toEqual([]);
    expect(await ids('status=active')).toEqual([middle]);
    expect(await ids('status=active&status=queued')).toEqual([middle, early]);
    expect(await ids('phoneNumber=%2B14155550003')).toEqual([late]);
    expect(await ids('startDate=2025-12-02T00:00:00Z')).toEqual([late, middle]);
    expect(await ids('endDate=2025-12-02T10:00:00.000Z')).toEqual([middle, early]);
    expect(await ids('startDate=2025-12-02T00:00:00Z&endDate=2025-12-02T23:59:59Z')).toEqual([middle]);
  });

  test("another organization's calls are never listed", async () => {
    await placeOtherOrganizationCall();
    expect((await request('GET', '/api/v1/calls')).body.data.calls).toEqual([]);
  });

  test('a well-formed cursor with a bad timestamp is invalid', async () => {
    const cursor = btoa(JSON.stringify({ t: 'nope', i: 'call_1' })).replace(/=+$/, '');
    const response = await request('GET', `/api/v1/calls?cursor=${cursor}`);
    expect(response.body.error.message).toBe('Validation error: Invalid cursor');
  });
});

describe('cancelCall', () => {
  const CANCELLABLE: CallStatus[] = ['queued', 'connecting', 'ringing', 'active'];
  const NOT_CANCELLABLE: CallStatus[] = ['completed', 'failed', 'cancelled', 'no_answer', 'busy'];

  test.each(CANCELLABLE)('a %s call is cancelled', async (status) => {
    const id = await placeCall();
    if (status !== 'queued') mock.setStatus(id, status);
    clock += 5000;
    const response = await request('DELETE', `/api/v1/calls/${id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { id, status: 'cancelled' },
      message: 'Call cancelled successfully',
    });
    const call = mock.calls.get(id);
    expect(call).toMatchObject({
      status: 'cancelled',
      endedAt: new Date(clock).toISOString(),
      failureReason: null,
    });
    expect(call?.duration).toBe(status === 'active' ? 5 : 0);
  });

  test('a cancelled queued call is never dialled', async () => {
    const id = await placeCall();
    await request('DELETE', `/api/v1/calls/${id}`);
    expect(mock.advance(id)).toMatchObject({ status: 'cancelled', roomId: null, queuePosition: null });
  });

  test.each(NOT_CANCELLABLE)('a %s call cannot be cancelled', async (status) => {
    const id = await placeCall();
    mock.setStatus(id, status);
    const response = await request('DELETE', `/api/v1/calls/${id}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      type: 'call_not_cancellable',
      message: `Cannot cancel call with status: ${status}`,
    });
    expect(mock.calls.get(id)?.status).toBe(status);
  });

  test('404 for an unknown call, 403 for another organization (and it stays as it was)', async () => {
    expect((await request('DELETE', '/api/v1/calls/call_nope')).status).toBe(404);
    const otherId = await placeOtherOrganizationCall();
    const forbidden = await request('DELETE', `/api/v1/calls/${otherId}`);
    expect(forbidden.status).toBe(403);
    expect(mock.calls.get(otherId)?.status).toBe('queued');
  });
});
