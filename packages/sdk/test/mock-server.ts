/**
 * @module
 * msw plumbing shared by the SDK's tests: one server per test file, a client pointed at it,
 * and spec-shaped fixtures.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { type ClientOptions, Outdial } from '../src/index';
import type { Agent, Batch, Call, CallEvent, CallStatus, OutdialEvent } from '../src/models';

export const BASE_URL = 'http://outdial.test';
export const url = (path: string) => `${BASE_URL}/api/v1${path}`;

/** Starts msw for this test file; unhandled requests fail the test. */
export function useMockServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());
  return server;
}

export const client = (options: ClientOptions = {}) =>
  new Outdial({ apiKey: 'test-key', baseUrl: BASE_URL, ...options });

export function callFixture(overrides: Partial<Call> = {}): Call {
  return {
    id: 'call_1',
    status: 'queued',
    agentId: '550e8400-e29b-41d4-a716-446655440000',
    phoneNumber: '+14155552671',
    callerId: '+14155551234',
    startedAt: '2025-12-01T15:30:00.000Z',
    agent: { id: '550e8400-e29b-41d4-a716-446655440000', name: 'Support', type: 'voice' },
    metadata: { caller_id: '+14155551234', from_phone_number: '+14155551234', priority: 5 },
    priority: 5,
    ringTimeoutSeconds: 30,
    maxDurationSeconds: null,
    variables: {},
    roomId: null,
    jobId: null,
    sipParticipantId: null,
    answeredAt: null,
    endedAt: null,
    duration: null,
    failureReason: null,
    cancellation: null,
    summary: null,
    webhookUrl: null,
    scheduledAt: null,
    latestAt: null,
    callingWindow: null,
    batchId: null,
    attempt: 1,
    retryOf: null,
    queuePosition: 1,
    updatedAt: '2025-12-01T15:30:00.000Z',
    ...overrides,
  };
}

export function batchFixture(overrides: Partial<Batch> = {}): Batch {
  return {
    id: 'batch_01JD7ZK5WBA1B2C3D4E5F6G7H8',
    name: 'Renewals',
    agentId: '550e8400-e29b-41d4-a716-446655440000',
    status: 'running',
    priority: 5,
    callerId: null,
    scheduledAt: null,
    latestAt: null,
    callingWindow: null,
    maxConcurrentCalls: null,
    retry: null,
    webhookUrl: null,
    metadata: {},
    counters: {
      total: 2,
      scheduled: 0,
      queued: 2,
      inProgress: 0,
      completed: 0,
      busy: 0,
      noAnswer: 0,
      failed: 0,
      cancelled: 0,
      retrying: 0,
    },
    createdAt: '2025-12-01T15:00:00.000Z',
    updatedAt: '2025-12-01T15:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

export function agentFixture(overrides: Partial<Agent> = {}): Agent {
  return {
    id: '550e8400-e29b-41d4-a716-446655440000',
    name: 'Support',
    type: 'voice',
    status: 'active',
    phoneNumbers: ['+14155551234'],
    livekitAgentName: null,
    sipTrunkId: null,
    createdAt: '2025-11-30T09:00:00.000Z',
    updatedAt: '2025-11-30T09:00:00.000Z',
    ...overrides,
  };
}

/** The server's error envelope, with `x-request-id`. */
export function errorResponse(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
) {
  const requestId = `req_${status}`;
  return HttpResponse.json(
    { error: { message, code: status, type, requestId } },
    { status, headers: { 'x-request-id': requestId, ...headers } },
  );
}

/** A server from before event streams: `GET /calls/{id}/events` and `GET /events` are unknown routes (404). */
export const noEventStreams = () => [
  http.get(url('/calls/:callId/events'), () => errorResponse(404, 'not_found', 'Not found')),
  http.get(url('/events'), () => errorResponse(404, 'not_found', 'Not found')),
];

let eventNumber = 0;

/** An event of call_1 reaching `status` (ids increase from one call to the next). */
export function eventFixture(status: CallStatus, sequence = 1): CallEvent {
  return {
    id: `evt_01JD7ZK5W9A1B2C3D4E5F6${String(eventNumber++).padStart(4, '0')}`,
    type: `call.${status}`,
    timestamp: '2025-12-01T15:30:00.000Z',
    sequence,
    data: callFixture({ status, queuePosition: null }),
  } as CallEvent;
}

/** One Server-Sent Events frame, as the server writes it. */
export const sseFrame = (event: OutdialEvent) =>
  `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * An event-stream response sending `events`; it stays open afterwards (as a live stream does)
 * until the client hangs up, unless `end` is set.
 */
export function eventStreamResponse(events: OutdialEvent[], { end = false } = {}) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`retry: 3000\n\n${events.map(sseFrame).join('')}`));
      if (end) controller.close();
    },
  });
  // Chunked, as a server frames a stream: msw writes a body of unknown length close-delimited
  // otherwise, and undici (Node's fetch) then fails an assertion when the client cancels it.
  return new HttpResponse(body, {
    headers: { 'content-type': 'text/event-stream', 'transfer-encoding': 'chunked' },
  });
}

/** A GET /calls/:id handler body that walks through `statuses`, then repeats the last one. */
export function statusSequence(statuses: (CallStatus | (string & {}))[]) {
  let i = 0;
  const seen: string[] = [];
  const next = () => {
    const status = statuses[Math.min(i++, statuses.length - 1)] as CallStatus;
    seen.push(status);
    return HttpResponse.json({ data: callFixture({ status }) });
  };
  return { next, polls: () => i, seen };
}

/** Fakes only the clock the SDK reads (setTimeout, Date); msw's own plumbing keeps real ticks. */
export function useFakeClock(now?: Date) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], ...(now && { now }) });
}

/** Lets the chains already started settle: msw answers after a few real event-loop turns. */
async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** When the next fake timer is due. Peeks at the installed fake clock (fake-timers exposes it). */
function nextTimerAt(): number | undefined {
  type Timer = { callAt: number };
  const clock = (setTimeout as unknown as { clock?: { timers?: Map<number, Timer> | Record<string, Timer> } })
    .clock;
  if (!clock) throw new Error('advance() needs useFakeClock()');
  const timers = clock.timers instanceof Map ? [...clock.timers.values()] : Object.values(clock.timers ?? {});
  const due = timers.map((timer) => timer.callAt);
  return due.length ? Math.min(...due) : undefined;
}

/**
 * Advances the fake clock by `ms`, one due timer at a time, letting each timer's consequences
 * (a retry, a poll) settle before the next: a count read afterwards reflects exactly the
 * requests due by then, whatever the machine's speed.
 */
export async function advance(ms: number) {
  const target = Date.now() + ms;
  await settle();
  for (let next = nextTimerAt(); next !== undefined && next <= target; next = nextTimerAt()) {
    await vi.advanceTimersByTimeAsync(Math.max(0, next - Date.now()));
    await settle();
  }
  await vi.advanceTimersByTimeAsync(target - Date.now());
  await settle();
}
