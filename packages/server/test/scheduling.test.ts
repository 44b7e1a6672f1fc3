/**
 * Scheduled calls and calling windows end to end over HTTP, on a clock the tests move forward:
 * `scheduledAt`, `latestAt` (expiry), calling windows (their own and the server default, across
 * midnight and DST), cancel, idempotency, and the validation messages of the error catalog.
 */
import { reasonOf } from '@outdial/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomNameForCall } from '../src/dial/call-room';
import { type AdvancingClock, advancingClock } from './support/advancing-clock';
import { startTestServer, TERMINAL, type TestServer, waitForCall } from './support/test-server';

const OUTBOUND = '/api/v1/calls/outbound';
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Tests move the clock by hours: the scheduler must notice at once, not within its 30 s default. */
const SCHEDULER = { schedulerMaxSleepMs: 20 };

/** `HH:MM` (UTC) of an instant. */
const hhmm = (instant: number) => new Date(instant).toISOString().slice(11, 16);
const iso = (instant: number) => new Date(instant).toISOString();

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
async function eventsOf(t: TestServer, callId: string): Promise<any[]> {
  return (await t.request(`/api/v1/calls/${callId}/events`)).body.data.events;
}

/** Whether any INVITE (CreateSIPParticipant) was sent for the call. */
function wasDialed(t: TestServer, callId: string): boolean {
  const room = roomNameForCall(callId);
  return (t.emulator?.requests ?? []).some((r) => r.method === 'CreateSIPParticipant' && r.room === room);
}

/** Moves the clock so that it reads `instant` now. */
function moveTo(clock: AdvancingClock, instant: string): void {
  clock.advance(Date.parse(instant) - clock.now().getTime());
}

describe('scheduled calls', () => {
  let t: TestServer;
  const clock = advancingClock();
  beforeAll(async () => {
    t = await startTestServer({ clock, ...SCHEDULER });
  });
  afterAll(() => t?.close());

  const create = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.request(OUTBOUND, {
      method: 'POST',
      headers,
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671', ...fields },
    });

  it('creates a call with a future scheduledAt as scheduled, lists it, and dials it only once due', async () => {
    const scheduledAt = iso(clock.now().getTime() + HOUR_MS);
    const response = await create({ scheduledAt, priority: 3 });
    expect(response.status).toBe(201);
    expect(response.body.data.status).toBe('scheduled');
    const id = response.body.data.id;

    const call = (await t.request(`/api/v1/calls/${id}`)).body.data;
    expect(call).toMatchObject({ status: 'scheduled', scheduledAt, latestAt: null, callingWindow: null });
    expect(call.queuePosition).toBeNull();
    const listed = await t.request('/api/v1/calls?status=scheduled');
    expect(listed.status).toBe(200);
    expect(listed.body.data.calls.map((c: { id: string }) => c.id)).toContain(id);
    expect(listed.body.data.calls.every((c: { status: string }) => c.status === 'scheduled')).toBe(true);

    clock.advance(HOUR_MS);
    const done = await waitForCall(t, id, (c) => TERMINAL.includes(c.status));
    expect(done).toMatchObject({ status: 'completed', scheduledAt });
    const events = await eventsOf(t, id);
    // `ringing` may be skipped: LiveKit's webhooks race, and an answer that lands first wins.
    expect(events.map((e) => e.type).filter((type) => type !== 'call.ringing')).toEqual([
      'call.scheduled',
      'call.queued',
      'call.connecting',
      'call.active',
      'call.completed',
    ]);
    expect(events[0].data).toMatchObject({ status: 'scheduled', scheduledAt });
    // Never before scheduledAt: not queued, let alone dialed.
    for (const event of events.slice(1)) {
      expect(Date.parse(event.timestamp)).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    }
  });

  it('takes a scheduledAt up to 5 minutes past as now: queued, never scheduled', async () => {
    const response = await create({ scheduledAt: iso(clock.now().getTime() - 2 * MINUTE_MS) });
    expect(response.status).toBe(201);
    expect(response.body.data.status).toBe('queued');
    const done = await waitForCall(t, response.body.data.id, (c) => TERMINAL.includes(c.status));
    expect(done).toMatchObject({ status: 'completed', scheduledAt: null });
  });

  it('fails a call whose latestAt passed before it fell due as expired, never dialing it', async () => {
    const now = clock.now().getTime();
    const latestAt = iso(now + 2 * HOUR_MS);
    const response = await create({ scheduledAt: iso(now + HOUR_MS), latestAt });
    expect(response.body.data.status).toBe('scheduled');
    const id = response.body.data.id;
    expect((await t.request(`/api/v1/calls/${id}`)).body.data.latestAt).toBe(latestAt);

    clock.advance(3 * HOUR_MS);
    const done = await waitForCall(t, id, (c) => TERMINAL.includes(c.status));
    expect(done).toMatchObject({ status: 'failed', failureReason: 'expired', duration: 0 });
    expect((await eventsOf(t, id)).map((e) => e.type)).toEqual(['call.scheduled', 'call.failed']);
    expect(wasDialed(t, id)).toBe(false);
  });

  it('cancels a scheduled call before it is ever dialed', async () => {
    const response = await create({ scheduledAt: iso(clock.now().getTime() + HOUR_MS) });
    const id = response.body.data.id;
    const cancelled = await t.request(`/api/v1/calls/${id}`, { method: 'DELETE' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toEqual({ id, status: 'cancelled' });
    expect((await t.request(`/api/v1/calls/${id}`)).body.data).toMatchObject({
      status: 'cancelled',
      cancellation: 'before_dial',
    });

    clock.advance(2 * HOUR_MS);
    // A call created after the cancelled one was due is dialed: the scheduler has looked since.
    const later = await create({});
    await waitForCall(t, later.body.data.id, (c) => TERMINAL.includes(c.status));
    expect((await eventsOf(t, id)).map((e) => e.type)).toEqual(['call.scheduled', 'call.cancelled']);
    expect(wasDialed(t, id)).toBe(false);
  });

  it('replays an idempotent scheduled create with the same call, still scheduled', async () => {
    const body = { scheduledAt: iso(clock.now().getTime() + HOUR_MS) };
    const first = await create(body, { 'Idempotency-Key': 'scheduled-1' });
    const second = await create(body, { 'Idempotency-Key': 'scheduled-1' });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.body.data.status).toBe('scheduled');
    await t.request(`/api/v1/calls/${first.body.data.id}`, { method: 'DELETE' });
  });

  it('waits for the opening of a calling window closed now, then dials inside it', async () => {
    const now = Math.floor(clock.now().getTime() / MINUTE_MS) * MINUTE_MS;
    const callingWindow = {
      timezone: 'UTC',
      start: hhmm(now + 2 * HOUR_MS),
      end: hhmm(now + 3 * HOUR_MS),
    };
    const response = await create({ callingWindow });
    expect(response.body.data.status).toBe('scheduled');
    const id = response.body.data.id;
    const opening = iso(now + 2 * HOUR_MS);
    expect((await t.request(`/api/v1/calls/${id}`)).body.data).toMatchObject({
      status: 'scheduled',
      scheduledAt: opening,
      callingWindow,
    });

    clock.advance(Date.parse(opening) - clock.now().getTime());
    const done = await waitForCall(t, id, (c) => TERMINAL.includes(c.status));
    expect(done).toMatchObject({ status: 'completed', callingWindow });
    const connecting = (await eventsOf(t, id)).find((e) => e.type === 'call.connecting');
    expect(Date.parse(connecting.timestamp)).toBeGreaterThanOrEqual(Date.parse(opening));
  });

  it('answers 400 with the catalog message and the field for each broken scheduling rule', async () => {
    const now = clock.now().getTime();
    const window = { timezone: 'UTC', start: '09:00', end: '17:00' };
    const cases: [Record<string, unknown>, Parameters<typeof reasonOf>[0], string][] = [
      [{ scheduledAt: iso(now + 91 * 24 * HOUR_MS) }, 'scheduled_at_too_far', 'scheduledAt'],
      [{ scheduledAt: iso(now - 10 * MINUTE_MS) }, 'scheduled_at_in_past', 'scheduledAt'],
      [
        { scheduledAt: iso(now + 2 * HOUR_MS), latestAt: iso(now + HOUR_MS) },
        'latest_at_too_early',
        'latestAt',
      ],
      [{ latestAt: iso(now - MINUTE_MS) }, 'latest_at_too_early', 'latestAt'],
      [{ callingWindow: { ...window, end: '09:00' } }, 'calling_window_empty', 'callingWindow.end'],
      [
        { callingWindow: { ...window, timezone: 'Mars/Olympus_Mons' } },
        'invalid_time_zone',
        'callingWindow.timezone',
      ],
    ];
    for (const [fields, code, field] of cases) {
      const response = await create(fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(response.body.error).toMatchObject({
        type: 'validation_error',
        message: `Validation error: ${reasonOf(code)}`,
        details: [{ field, message: reasonOf(code) }],
      });
    }
    // And what the schema refuses, by its own messages.
    const badTime = await create({ callingWindow: { ...window, start: '9:00' } });
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.details).toEqual([
      {
        field: 'callingWindow.start',
        message: 'Calling window start must be a time as HH:MM (00:00 to 23:59)',
      },
    ]);
  });
});

describe('the default calling window (OUTDIAL_DEFAULT_CALLING_WINDOW)', () => {
  let t: TestServer;
  const clock = advancingClock();
  const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
  const defaultCallingWindow = {
    timezone: 'UTC',
    start: hhmm(now + 2 * HOUR_MS),
    end: hhmm(now + 4 * HOUR_MS),
  };
  beforeAll(async () => {
    t = await startTestServer({ clock, defaultCallingWindow, ...SCHEDULER });
  });
  afterAll(() => t?.close());

  it("applies to a call that names no window, and is shown on it; a call's own window wins", async () => {
    const body = { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' };
    const defaulted = await t.request(OUTBOUND, { method: 'POST', body });
    expect(defaulted.body.data.status).toBe('scheduled');
    expect((await t.request(`/api/v1/calls/${defaulted.body.data.id}`)).body.data).toMatchObject({
      callingWindow: defaultCallingWindow,
      scheduledAt: iso(now + 2 * HOUR_MS),
    });
    const anyTime = { timezone: 'UTC', start: hhmm(now - HOUR_MS), end: hhmm(now + HOUR_MS) };
    const own = await t.request(OUTBOUND, { method: 'POST', body: { ...body, callingWindow: anyTime } });
    expect(own.body.data.status).toBe('queued');
    const done = await waitForCall(t, own.body.data.id, (c) => TERMINAL.includes(c.status));
    expect(done).toMatchObject({ status: 'completed', callingWindow: anyTime, scheduledAt: null });
  });
});

describe('calling windows across midnight and DST changes', () => {
  let t: TestServer;
  const clock = advancingClock();
  beforeAll(async () => {
    t = await startTestServer({ clock, ...SCHEDULER });
  });
  afterAll(() => t?.close());

  const create = (callingWindow: Record<string, unknown>) =>
    t.request(OUTBOUND, {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671', callingWindow },
    });

  it('a window crossing midnight belongs to the day it opens', async () => {
    // Tuesday 2027-01-05, 23:30 UTC. The window opens on Mondays at 22:00 and closes at 02:00.
    moveTo(clock, '2027-01-05T23:30:00.000Z');
    const mondayNights = { timezone: 'UTC', start: '22:00', end: '02:00', days: [1] };
    const waiting = await create(mondayNights);
    expect(waiting.body.data.status).toBe('scheduled');
    expect((await t.request(`/api/v1/calls/${waiting.body.data.id}`)).body.data.scheduledAt).toBe(
      '2027-01-11T22:00:00.000Z',
    );
    // Tuesday 01:00: still Monday's window, so a new call goes straight to the queue, and the
    // waiting one (due at Monday 22:00) is dialed too.
    moveTo(clock, '2027-01-12T01:00:00.000Z');
    const inside = await create(mondayNights);
    expect(inside.body.data.status).toBe('queued');
    for (const id of [waiting.body.data.id, inside.body.data.id]) {
      expect(await waitForCall(t, id, (c) => TERMINAL.includes(c.status))).toMatchObject({
        status: 'completed',
      });
    }
  });

  it('opens at the same local time across spring-forward and fall-back', async () => {
    const businessHours = { timezone: 'America/New_York', start: '09:00', end: '17:00' };
    // Saturday 2027-03-13, 18:00 EST; the clocks go forward on Sunday at 02:00.
    moveTo(clock, '2027-03-13T23:00:00.000Z');
    const spring = await create(businessHours);
    // Sunday 09:00 EDT (UTC-4), not 09:00 EST.
    const springOpening = '2027-03-14T13:00:00.000Z';
    expect((await t.request(`/api/v1/calls/${spring.body.data.id}`)).body.data.scheduledAt).toBe(
      springOpening,
    );
    moveTo(clock, springOpening);
    await waitForCall(t, spring.body.data.id, (c) => TERMINAL.includes(c.status));
    const dialed = (await eventsOf(t, spring.body.data.id)).find((e) => e.type === 'call.connecting');
    expect(Date.parse(dialed.timestamp)).toBeGreaterThanOrEqual(Date.parse(springOpening));

    // Saturday 2027-11-06, 19:00 EDT; the clocks go back on Sunday at 02:00.
    moveTo(clock, '2027-11-06T23:00:00.000Z');
    const fall = await create(businessHours);
    // Sunday 09:00 EST (UTC-5).
    expect((await t.request(`/api/v1/calls/${fall.body.data.id}`)).body.data.scheduledAt).toBe(
      '2027-11-07T14:00:00.000Z',
    );
    await t.request(`/api/v1/calls/${fall.body.data.id}`, { method: 'DELETE' });
  });

  it('a window starting inside the spring-forward gap opens when the clocks jump past it', async () => {
    // Saturday 2028-03-11, 12:00 EST; on Sunday the clocks jump from 02:00 to 03:00.
    moveTo(clock, '2028-03-11T17:00:00.000Z');
    const response = await create({ timezone: 'America/New_York', start: '02:30', end: '04:00', days: [7] });
    expect((await t.request(`/api/v1/calls/${response.body.data.id}`)).body.data.scheduledAt).toBe(
      '2028-03-12T07:00:00.000Z',
    );
    await t.request(`/api/v1/calls/${response.body.data.id}`, { method: 'DELETE' });
  });
});
