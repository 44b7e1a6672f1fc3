import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  type CallStatus,
  createOutdialMock,
  MAGIC_NUMBERS,
  type OutdialMock,
  type OutdialMockOptions,
} from '../index';

const BASE = 'https://api.example.test';
const ORDINARY = '+14155552671';

function newMock(options: Partial<OutdialMockOptions> = {}): OutdialMock {
  return createOutdialMock({ baseUrl: BASE, seed: 7, progression: 'manual', ...options });
}

// Straight through the pipeline, without msw, so fake timers cannot interfere with the transport.
async function place(
  mock: OutdialMock,
  phoneNumber: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const response = await mock.handle(
    new Request(`${BASE}/api/v1/calls/outbound`, {
      method: 'POST',
      headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: mock.agents.voice.id, phoneNumber, ...extra }),
    }),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

async function poll(mock: OutdialMock, id: string): Promise<CallStatus> {
  const response = await mock.handle(
    new Request(`${BASE}/api/v1/calls/${id}`, { headers: { 'x-api-key': mock.apiKey } }),
  );
  return ((await response.json()) as { data: { status: CallStatus } }).data.status;
}

function advanceToEnd(mock: OutdialMock, id: string): CallStatus[] {
  const seen: CallStatus[] = [mock.calls.get(id)?.status as CallStatus];
  for (let i = 0; i < 10; i++) {
    const status = mock.advance(id).status;
    if (status === seen.at(-1)) break;
    seen.push(status);
  }
  return seen;
}

const OUTCOMES: [string, string, CallStatus[], string | null][] = [
  ['an ordinary number', ORDINARY, ['queued', 'connecting', 'ringing', 'active', 'completed'], null],
  ['the busy number', MAGIC_NUMBERS.busy, ['queued', 'connecting', 'ringing', 'busy'], 'SIP 486: Busy Here'],
  [
    'the no-answer number',
    MAGIC_NUMBERS.noAnswer,
    ['queued', 'connecting', 'ringing', 'no_answer'],
    'SIP 408: Request Timeout',
  ],
  [
    'the trunk-failure number',
    MAGIC_NUMBERS.trunkFailure,
    ['queued', 'connecting', 'ringing', 'failed'],
    'SIP 503: Service Unavailable',
  ],
  [
    'the early-hangup number',
    MAGIC_NUMBERS.earlyHangup,
    ['queued', 'connecting', 'ringing', 'active', 'completed'],
    null,
  ],
];

describe('manual mode: advance follows the outcome table', () => {
  test.each(OUTCOMES)('%s', async (_name, number, path, failureReason) => {
    const mock = newMock();
    const id = await place(mock, number);
    expect(advanceToEnd(mock, id)).toEqual(path);
    const call = mock.calls.get(id);
    expect(call?.failureReason).toBe(failureReason);
    expect(call?.endedAt).not.toBeNull();
    expect(call?.duration).toBe(0);
    expect(call?.roomId).toBe(`outdial-${id}`);
    expect(call?.jobId).toMatch(/^AD_[0-9A-Za-z]{12}$/);
    // The SIP participant id is known once the callee answers.
    expect(call?.sipParticipantId === null).toBe(!path.includes('active'));
    expect(call?.answeredAt === null).toBe(!path.includes('active'));
  });

  test('nothing moves by itself, nor on GET', async () => {
    const mock = newMock();
    const id = await place(mock, ORDINARY);
    expect(await poll(mock, id)).toBe('queued');
    expect(await poll(mock, id)).toBe('queued');
  });

  test('a terminal call never changes: advance is a no-op, setStatus throws', async () => {
    const mock = newMock();
    const id = await place(mock, MAGIC_NUMBERS.busy);
    mock.setStatus(id, 'busy');
    const before = mock.calls.get(id);
    expect(mock.advance(id)).toEqual(before);
    expect(() => mock.setStatus(id, 'completed')).toThrow(/cannot move from busy to completed/);
    expect(mock.calls.get(id)).toEqual(before);
  });

  test('setStatus passes through the statuses in between', async () => {
    const mock = newMock();
    const id = await place(mock, ORDINARY);
    const call = mock.setStatus(id, 'completed');
    expect(call).toMatchObject({
      status: 'completed',
      roomId: `outdial-${id}`,
      duration: 0,
      failureReason: null,
    });
    expect(call.answeredAt).not.toBeNull();
    expect(call.sipParticipantId).not.toBeNull();
  });

  test('setStatus with a failure reason, and a default one', async () => {
    const mock = newMock();
    const a = await place(mock, ORDINARY);
    expect(mock.setStatus(a, 'failed', { failureReason: 'Carrier down' }).failureReason).toBe('Carrier down');
    const b = await place(mock, ORDINARY);
    expect(mock.setStatus(b, 'no_answer').failureReason).toBe('SIP 408: Request Timeout');
    const c = await place(mock, ORDINARY);
    expect(mock.setStatus(c, 'completed', { failureReason: 'ignored' }).failureReason).toBeNull();
  });

  test('after setStatus off the outcome path, advance continues like an answered call', async () => {
    const mock = newMock();
    const id = await place(mock, MAGIC_NUMBERS.busy);
    mock.setStatus(id, 'active');
    expect(mock.advance(id).status).toBe('completed');
  });

  test('unknown ids throw', () => {
    const mock = newMock();
    expect(() => mock.advance('call_nope')).toThrow(/no call with id call_nope/);
    expect(() => mock.setStatus('call_nope', 'active')).toThrow(/no call/);
  });
});

describe('onPoll mode: each GET of the call moves it one step', () => {
  test.each(OUTCOMES)('%s', async (_name, number, path) => {
    const mock = newMock({ progression: 'onPoll' });
    const id = await place(mock, number);
    const seen: CallStatus[] = [];
    for (let i = 0; i < path.length; i++) seen.push(await poll(mock, id));
    // The first GET already shows the next status; the terminal one repeats.
    expect(seen).toEqual([...path.slice(1), path.at(-1)]);
  });

  test('reading through mock.calls and listing do not move the call', async () => {
    const mock = newMock({ progression: 'onPoll' });
    const id = await place(mock, ORDINARY);
    mock.calls.get(id);
    await mock.handle(new Request(`${BASE}/api/v1/calls`, { headers: { 'x-api-key': mock.apiKey } }));
    expect(mock.calls.get(id)?.status).toBe('queued');
  });
});

describe('realtime mode', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2025-12-01T15:30:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const delays = {
    queued: 10,
    connecting: 20,
    ring: 300,
    talk: 2000,
    earlyHangup: 1000,
    noAnswer: 1000,
    fail: 100,
  };

  test('an ordinary number, step by step with the default delays', async () => {
    const mock = newMock({ progression: 'realtime' });
    const id = await place(mock, ORDINARY);
    const status = () => mock.calls.get(id)?.status;
    vi.advanceTimersByTime(delays.queued - 1);
    expect(status()).toBe('queued');
    vi.advanceTimersByTime(1);
    expect(status()).toBe('connecting');
    vi.advanceTimersByTime(delays.connecting);
    expect(status()).toBe('ringing');
    vi.advanceTimersByTime(delays.ring);
    expect(status()).toBe('active');
    vi.advanceTimersByTime(delays.talk - 1);
    expect(status()).toBe('active');
    vi.advanceTimersByTime(1);
    expect(mock.calls.get(id)).toMatchObject({ status: 'completed', duration: 2 });
  });

  test.each([
    [MAGIC_NUMBERS.busy, 'busy', delays.queued + delays.connecting + delays.fail],
    [MAGIC_NUMBERS.noAnswer, 'no_answer', delays.queued + delays.connecting + delays.noAnswer],
    [MAGIC_NUMBERS.trunkFailure, 'failed', delays.queued + delays.connecting + delays.fail],
    [
      MAGIC_NUMBERS.earlyHangup,
      'completed',
      delays.queued + delays.connecting + delays.ring + delays.earlyHangup,
    ],
  ])('%s ends %s after exactly %i ms', async (number, terminal, total) => {
    const mock = newMock({ progression: 'realtime' });
    const id = await place(mock, number);
    vi.advanceTimersByTime(total - 1);
    expect(mock.calls.get(id)?.status).not.toBe(terminal);
    vi.advanceTimersByTime(1);
    expect(mock.calls.get(id)?.status).toBe(terminal);
    vi.advanceTimersByTime(60_000);
    expect(mock.calls.get(id)?.status).toBe(terminal);
  });

  test('the early hangup talks 1 s, an ordinary call 2 s', async () => {
    const mock = newMock({ progression: 'realtime' });
    const early = await place(mock, MAGIC_NUMBERS.earlyHangup);
    const ordinary = await place(mock, ORDINARY);
    vi.advanceTimersByTime(10_000);
    expect(mock.calls.get(early)?.duration).toBe(1);
    expect(mock.calls.get(ordinary)?.duration).toBe(2);
  });

  test('custom step delays, and noAnswer: ringTimeout waits the call’s ringTimeoutSeconds', async () => {
    const mock = newMock({
      progression: 'realtime',
      stepDelaysMs: { queued: 5, connecting: 5, noAnswer: 'ringTimeout' },
    });
    const id = await place(mock, MAGIC_NUMBERS.noAnswer, { ringTimeoutSeconds: 5 });
    vi.advanceTimersByTime(10);
    expect(mock.calls.get(id)?.status).toBe('ringing');
    vi.advanceTimersByTime(4999);
    expect(mock.calls.get(id)?.status).toBe('ringing');
    vi.advanceTimersByTime(1);
    expect(mock.calls.get(id)?.status).toBe('no_answer');
  });

  test('a cancelled call stops moving', async () => {
    const mock = newMock({ progression: 'realtime' });
    const id = await place(mock, ORDINARY);
    vi.advanceTimersByTime(delays.queued);
    const response = await mock.handle(
      new Request(`${BASE}/api/v1/calls/${id}`, { method: 'DELETE', headers: { 'x-api-key': mock.apiKey } }),
    );
    expect(response.status).toBe(200);
    vi.advanceTimersByTime(60_000);
    expect(mock.calls.get(id)?.status).toBe('cancelled');
  });

  test('manual controls also work in realtime mode, and timing continues from there', async () => {
    const mock = newMock({ progression: 'realtime' });
    const id = await place(mock, ORDINARY);
    mock.setStatus(id, 'active');
    vi.advanceTimersByTime(delays.talk);
    expect(mock.calls.get(id)?.status).toBe('completed');
  });

  test('reset stops every timer and forgets the calls', async () => {
    const mock = newMock({ progression: 'realtime' });
    await place(mock, ORDINARY);
    mock.reset();
    expect(vi.getTimerCount()).toBe(0);
    expect(mock.calls.list()).toEqual([]);
  });
});
