import { afterEach, describe, expect, test, vi } from 'vitest';
import { responseProblems } from '../../test/support/response-conformance';
import { type CallStatus, createOutdialMock, type OutdialMock, type OutdialMockOptions } from '../index';

const BASE = 'https://api.example.test';
const ORDINARY = '+14155552671';
const MINUTE = 60_000;
const DAY = 86_400_000;
const NEW_YORK_9_TO_5 = { timezone: 'America/New_York', start: '09:00', end: '17:00' };

/** A mock on a clock the test moves by hand. */
function mockAt(iso: string, options: Partial<OutdialMockOptions> = {}) {
  let now = Date.parse(iso);
  const mock = createOutdialMock({
    baseUrl: BASE,
    seed: 3,
    progression: 'manual',
    now: () => new Date(now),
    ...options,
  });
  return {
    mock,
    at: (ms: number) => new Date(now + ms).toISOString(),
    pass(ms: number) {
      now += ms;
    },
  };
}

type Answer = {
  data: { id: string; status: CallStatus };
  error: { type: string; message: string; details: { field: string; message: string }[] };
};

async function create(mock: OutdialMock, extra: Record<string, unknown>) {
  const response = await mock.handle(
    new Request(`${BASE}/api/v1/calls/outbound`, {
      method: 'POST',
      headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: mock.agents.voice.id, phoneNumber: ORDINARY, ...extra }),
    }),
  );
  const body = (await response.json()) as Answer;
  // Every answer must match the spec's response schema for its operation and status.
  expect(responseProblems('POST', '/api/v1/calls/outbound', response.status, body, response.headers)).toEqual(
    [],
  );
  return { status: response.status, body };
}

async function placed(mock: OutdialMock, extra: Record<string, unknown>): Promise<string> {
  const { status, body } = await create(mock, extra);
  expect(status, JSON.stringify(body)).toBe(201);
  return body.data.id;
}

async function statusOf(mock: OutdialMock, id: string): Promise<CallStatus> {
  const response = await mock.handle(
    new Request(`${BASE}/api/v1/calls/${id}`, { headers: { 'x-api-key': mock.apiKey } }),
  );
  const body = (await response.json()) as { data: { status: CallStatus } };
  expect(responseProblems('GET', `/api/v1/calls/${id}`, response.status, body, response.headers)).toEqual([]);
  return body.data.status;
}

const eventTypes = (mock: OutdialMock, id: string) =>
  mock.events
    .list()
    .filter((e) => e.data.id === id)
    .map((e) => e.type);

describe('a call with a future scheduledAt', () => {
  test('is created scheduled and enters the queue when the clock reaches it, never earlier', async () => {
    const { mock, at, pass } = mockAt('2026-12-02T12:00:00Z');
    const scheduledAt = at(10 * MINUTE);
    const { body } = await create(mock, { scheduledAt });
    expect(body.data.status).toBe('scheduled');
    const id = body.data.id as string;
    expect(mock.calls.get(id)).toMatchObject({
      status: 'scheduled',
      scheduledAt,
      latestAt: null,
      callingWindow: null,
      queuePosition: null,
    });

    pass(10 * MINUTE - 1);
    expect(await statusOf(mock, id)).toBe('scheduled');
    pass(1);
    expect(await statusOf(mock, id)).toBe('queued');
    // Kept after it leaves `scheduled`.
    expect(mock.calls.get(id)?.scheduledAt).toBe(scheduledAt);
    expect(eventTypes(mock, id)).toEqual(['call.scheduled', 'call.queued']);
    expect(mock.events.list()[0]?.data).toMatchObject({ status: 'scheduled', scheduledAt });
  });

  test('a scheduledAt up to 5 minutes past means now: queued, never scheduled', async () => {
    const { mock, at } = mockAt('2026-12-02T12:00:00Z');
    const id = await placed(mock, { scheduledAt: at(-4 * MINUTE) });
    expect(mock.calls.get(id)).toMatchObject({ status: 'queued', scheduledAt: null });
  });

  test('tick() applies the clock without a request', async () => {
    const { mock, at, pass } = mockAt('2026-12-02T12:00:00Z');
    const id = await placed(mock, { scheduledAt: at(MINUTE) });
    pass(MINUTE);
    expect(mock.calls.get(id)?.status).toBe('scheduled');
    mock.tick();
    expect(mock.calls.get(id)?.status).toBe('queued');
  });

  test('fails expired when its latestAt passes first', async () => {
    const { mock, at, pass } = mockAt('2026-12-02T12:00:00Z');
    // 07:00 in New York: the window opens at 09:00, after latestAt.
    const id = await placed(mock, { latestAt: at(30 * MINUTE), callingWindow: NEW_YORK_9_TO_5 });
    expect(mock.calls.get(id)).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-12-02T14:00:00.000Z',
    });
    pass(30 * MINUTE);
    expect(await statusOf(mock, id)).toBe('failed');
    expect(mock.calls.get(id)).toMatchObject({ failureReason: 'expired', duration: 0, latestAt: at(0) });
    expect(eventTypes(mock, id)).toEqual(['call.scheduled', 'call.failed']);
  });

  test('expiry wins when the clock jumps past both instants', async () => {
    const { mock, at, pass } = mockAt('2026-12-02T12:00:00Z');
    const id = await placed(mock, { scheduledAt: at(MINUTE), latestAt: at(2 * MINUTE) });
    pass(DAY);
    expect(await statusOf(mock, id)).toBe('failed');
  });

  test('cancel ends it cancelled before the dial, and it never enters the queue', async () => {
    const { mock, at, pass } = mockAt('2026-12-02T12:00:00Z');
    const id = await placed(mock, { scheduledAt: at(DAY) });
    const response = await mock.handle(
      new Request(`${BASE}/api/v1/calls/${id}`, { method: 'DELETE', headers: { 'x-api-key': mock.apiKey } }),
    );
    expect(response.status).toBe(200);
    pass(2 * DAY);
    expect(await statusOf(mock, id)).toBe('cancelled');
    expect(mock.calls.get(id)?.cancellation).toBe('before_dial');
    expect(eventTypes(mock, id)).toEqual(['call.scheduled', 'call.cancelled']);
  });

  test('GET /api/v1/calls?status=scheduled lists only the scheduled calls', async () => {
    const { mock, at } = mockAt('2026-12-02T12:00:00Z');
    const later = await placed(mock, { scheduledAt: at(DAY) });
    await placed(mock, {});
    const response = await mock.handle(
      new Request(`${BASE}/api/v1/calls?status=scheduled`, { headers: { 'x-api-key': mock.apiKey } }),
    );
    const { data } = (await response.json()) as { data: { calls: { id: string }[] } };
    expect(data.calls.map((c) => c.id)).toEqual([later]);
  });
});

describe('a call with a calling window', () => {
  test('outside it waits for the next opening, judged across a DST change', async () => {
    // Saturday 2026-03-07 18:00 EST; the clocks spring forward that night, so Sunday's 09:00 is EDT.
    const { mock, pass } = mockAt('2026-03-07T23:00:00Z');
    const id = await placed(mock, { callingWindow: NEW_YORK_9_TO_5 });
    expect(mock.calls.get(id)).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-03-08T13:00:00.000Z',
      callingWindow: NEW_YORK_9_TO_5,
    });
    pass(14 * 60 * MINUTE - 1); // 2026-03-08T12:59:59.999Z
    expect(await statusOf(mock, id)).toBe('scheduled');
    pass(1);
    expect(await statusOf(mock, id)).toBe('queued');
  });

  test('inside it is queued at once', async () => {
    const { mock } = mockAt('2026-12-02T15:00:00Z'); // 10:00 in New York
    const id = await placed(mock, { callingWindow: NEW_YORK_9_TO_5 });
    expect(mock.calls.get(id)).toMatchObject({
      status: 'queued',
      scheduledAt: null,
      callingWindow: NEW_YORK_9_TO_5,
    });
  });

  test('a queued call whose window closed before its dial goes back to scheduled', async () => {
    const { mock, pass } = mockAt('2026-12-02T21:59:00Z'); // 16:59 in New York
    const id = await placed(mock, { callingWindow: NEW_YORK_9_TO_5 });
    expect(mock.calls.get(id)?.status).toBe('queued');
    pass(MINUTE);
    expect(mock.advance(id)).toMatchObject({ status: 'scheduled', scheduledAt: '2026-12-03T14:00:00.000Z' });
    expect(eventTypes(mock, id)).toEqual(['call.queued', 'call.scheduled']);
  });

  test('the default window applies to calls that name none', async () => {
    const window = { timezone: 'Europe/Berlin', start: '08:00', end: '21:00' };
    const { mock } = mockAt('2026-12-02T21:00:00Z', { defaultCallingWindow: window }); // 22:00 in Berlin
    const id = await placed(mock, {});
    expect(mock.calls.get(id)).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-12-03T07:00:00.000Z',
      callingWindow: window,
    });
    expect(() =>
      createOutdialMock({
        baseUrl: BASE,
        defaultCallingWindow: { timezone: 'Nowhere/Land', start: '08:00', end: '21:00' },
      }),
    ).toThrow(/defaultCallingWindow/);
  });
});

describe('the scheduling rules', () => {
  const NOW = '2026-12-02T12:00:00Z';
  const cases: [string, (at: (ms: number) => string) => Record<string, unknown>, string, string][] = [
    [
      'scheduledAt beyond 90 days',
      (at) => ({ scheduledAt: at(90 * DAY + 1000) }),
      'scheduledAt',
      'Scheduled time must be at most 90 days ahead',
    ],
    [
      'scheduledAt over 5 minutes past',
      (at) => ({ scheduledAt: at(-6 * MINUTE) }),
      'scheduledAt',
      'Scheduled time must not be more than 5 minutes in the past',
    ],
    [
      'latestAt not after scheduledAt',
      (at) => ({ scheduledAt: at(DAY), latestAt: at(DAY - 1000) }),
      'latestAt',
      'Latest time must be after the scheduled time and in the future',
    ],
    [
      'latestAt past',
      (at) => ({ latestAt: at(-1000) }),
      'latestAt',
      'Latest time must be after the scheduled time and in the future',
    ],
    [
      'an empty window',
      () => ({ callingWindow: { timezone: 'UTC', start: '09:00', end: '09:00' } }),
      'callingWindow.end',
      'Calling window start and end must differ',
    ],
    [
      'an unknown time zone',
      () => ({ callingWindow: { timezone: 'Mars/Olympus_Mons', start: '09:00', end: '17:00' } }),
      'callingWindow.timezone',
      'Calling window time zone must be an IANA time zone (such as America/New_York)',
    ],
  ];

  test.each(cases)('%s: 400 with its field and message', async (_name, body, field, message) => {
    const { mock, at } = mockAt(NOW);
    const { status, body: answer } = await create(mock, body(at));
    expect(status).toBe(400);
    expect(answer.error).toMatchObject({
      type: 'validation_error',
      message: `Validation error: ${message}`,
      details: [{ field, message }],
    });
    expect(mock.calls.list()).toEqual([]);
  });

  test('the schema checks the window’s shape first', async () => {
    const { mock } = mockAt(NOW);
    const { status, body } = await create(mock, {
      callingWindow: { timezone: 'UTC', start: '9:00', end: '17:00', days: [0] },
    });
    expect(status).toBe(400);
    // Both fields, whatever their order (the shared validation rules order nested fields as ajv reports them).
    expect(body.error.details).toHaveLength(2);
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        {
          field: 'callingWindow.start',
          message: 'Calling window start must be a time as HH:MM (00:00 to 23:59)',
        },
        {
          field: 'callingWindow.days.0',
          message: 'Calling window days must be distinct ISO weekdays from 1 (Monday) to 7 (Sunday)',
        },
      ]),
    );
  });

  test('come before the agent checks, as on the server', async () => {
    const { mock, at } = mockAt(NOW);
    const { body } = await create(mock, {
      agentId: '550e8400-e29b-41d4-a716-4466554400ff',
      scheduledAt: at(100 * DAY),
    });
    expect(body.error.message).toBe('Validation error: Scheduled time must be at most 90 days ahead');
  });
});

describe('realtime mode', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('timers release a due call and it runs to the end; a wait beyond one timer’s reach too', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-12-02T12:00:00Z'));
    const mock = createOutdialMock({ baseUrl: BASE, seed: 4 });
    const soon = await placed(mock, { scheduledAt: new Date(Date.now() + MINUTE).toISOString() });
    const far = await placed(mock, { scheduledAt: new Date(Date.now() + 30 * DAY).toISOString() });
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(mock.calls.get(soon)?.status).toBe('scheduled');
    await vi.advanceTimersByTimeAsync(1);
    expect(mock.calls.get(soon)?.status).toBe('queued');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(mock.calls.get(soon)?.status).toBe('completed');
    expect(mock.calls.get(far)?.status).toBe('scheduled');
    await vi.advanceTimersByTimeAsync(30 * DAY - MINUTE - 10_001);
    expect(mock.calls.get(far)?.status).toBe('scheduled');
    await vi.advanceTimersByTimeAsync(1);
    expect(mock.calls.get(far)?.status).toBe('queued');
    mock.reset();
  });

  test('in onPoll mode a GET does not move a scheduled call before it is due', async () => {
    const { mock, at, pass } = mockAt('2026-12-02T12:00:00Z', { progression: 'onPoll' });
    const id = await placed(mock, { scheduledAt: at(MINUTE) });
    expect(await statusOf(mock, id)).toBe('scheduled');
    expect(await statusOf(mock, id)).toBe('scheduled');
    pass(MINUTE);
    // The request releases it, then the poll moves it one step.
    expect(await statusOf(mock, id)).toBe('connecting');
  });
});
