/**
 * Scheduled calls and calling windows (issue 14), on every target through @outdial/sdk: a call
 * created `scheduled` and dialed when due (never earlier), listed by `status=scheduled`,
 * cancelled before its dial, moved to a closed window's next opening, expired at its `latestAt`,
 * and the scheduling rules' messages and fields. The targets' clocks are real, so the instants are
 * a few seconds ahead and the SDK's waiter waits them out; the mock's own tests drive its injected
 * clock (packages/mock/src/internal/scheduled-calls.test.ts), the DST cases included.
 */
import { type Call, type CallStatus, Outdial } from '@outdial/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TARGETS, type TargetHandle } from './contract-targets';

const FAST_POLL = { minDelayMs: 50, maxDelayMs: 200, timeoutMs: 20_000 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let uniqueNumber = 0;
/** A number no other test uses, so list filters see only this test's calls. */
const freshNumber = () => `+1415557${String(1000 + uniqueNumber++).padStart(4, '0')}`;
const inMs = (ms: number) => new Date(Date.now() + ms);
const hh = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`;

/** A UTC window that opens at the top of the hour after next, so it is closed now and opens at `opensAt`. */
function closedWindow() {
  const hourNow = Math.floor(Date.now() / HOUR);
  const opensAt = new Date((hourNow + 2) * HOUR);
  const window = { timezone: 'UTC', start: hh(opensAt.getUTCHours()), end: hh(opensAt.getUTCHours() + 1) };
  return { window, opensAt };
}

describe.each(CONTRACT_TARGETS)('scheduled calls on the $name', ({ start }) => {
  let target: TargetHandle;
  let outdial: Outdial;
  const create = (extra: Partial<Parameters<Outdial['calls']['create']>[0]>) =>
    outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber: freshNumber(), ...extra });

  beforeAll(async () => {
    target = await start();
    outdial = new Outdial({ apiKey: target.apiKey, baseUrl: target.baseUrl, maxRetries: 0 });
  });
  afterAll(() => target?.stop());

  it('creates a call with a future scheduledAt as scheduled, and dials it when due, never earlier', async () => {
    const scheduledAt = inMs(1_500);
    const { data, response } = await outdial.raw.POST('/api/v1/calls/outbound', {
      body: {
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
        scheduledAt: scheduledAt.toISOString(),
      },
    });
    expect(response.status).toBe(201);
    expect(data?.data.status).toBe('scheduled');
    const id = data?.data.id as string;

    const waiting = await outdial.calls.get(id);
    expect(waiting).toMatchObject({
      status: 'scheduled',
      latestAt: null,
      callingWindow: null,
      queuePosition: null,
    });
    expect(Date.parse(waiting.scheduledAt ?? '')).toBe(scheduledAt.getTime());

    const seen: CallStatus[] = [];
    const done = await outdial.calls.waitForTerminalStatus(id, {
      ...FAST_POLL,
      onStatusChange: (call) => seen.push(call.status),
    });
    expect(done.status).toBe('completed');
    expect(seen[0]).toBe('scheduled');
    // Kept after it left `scheduled`.
    expect(Date.parse(done.scheduledAt ?? '')).toBe(scheduledAt.getTime());

    const { events } = await outdial.calls.listEvents(id);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual([
      'call.scheduled',
      'call.queued',
      'call.connecting',
    ]);
    expect(events[0]?.data.status).toBe('scheduled');
    const dialedAt = Date.parse(events.find((e) => e.type === 'call.connecting')?.timestamp ?? '');
    expect(dialedAt).toBeGreaterThanOrEqual(scheduledAt.getTime());
  });

  it('streams call.scheduled first, then the dial when it falls due', async () => {
    const call = await create({ scheduledAt: inMs(1_000) });
    const types: string[] = [];
    for await (const event of outdial.calls.stream(call.id, { signal: AbortSignal.timeout(20_000) })) {
      types.push(event.type);
    }
    expect(types[0]).toBe('call.scheduled');
    expect(types.slice(1, 3)).toEqual(['call.queued', 'call.connecting']);
    expect(types.at(-1)).toBe('call.completed');
  });

  it('treats a scheduledAt a little in the past as now', async () => {
    const call = await create({ scheduledAt: inMs(-60_000) });
    expect(call.status).toBe('queued');
    await outdial.calls.waitForTerminalStatus(call.id, FAST_POLL);
    expect((await outdial.calls.get(call.id)).scheduledAt).toBeNull();
  });

  it('lists scheduled calls with status=scheduled, and cancels one before it is ever dialed', async () => {
    const phoneNumber = freshNumber();
    const call = await outdial.calls.create({
      agentId: target.agents.voice.id,
      phoneNumber,
      scheduledAt: inMs(DAY),
    });
    const scheduled = await outdial.calls.list({ status: ['scheduled'], phoneNumber });
    expect(scheduled.data.map((c: Call) => c.id)).toEqual([call.id]);
    expect((await outdial.calls.list({ status: ['queued'], phoneNumber })).data).toEqual([]);

    expect(await outdial.calls.cancel(call.id)).toEqual({ id: call.id, status: 'cancelled' });
    const after = await outdial.calls.get(call.id);
    expect(after).toMatchObject({ status: 'cancelled', cancellation: 'before_dial', roomId: null });
    expect(after.endedAt).not.toBeNull();
    const { events } = await outdial.calls.listEvents(call.id);
    expect(events.map((e) => e.type)).toEqual(['call.scheduled', 'call.cancelled']);
  });

  it('schedules a call outside its calling window for the next opening', async () => {
    const { window, opensAt } = closedWindow();
    const call = await create({ callingWindow: window });
    expect(call.status).toBe('scheduled');
    // The 201 already says when it will be due.
    expect(Date.parse(call.scheduledAt ?? '')).toBe(opensAt.getTime());
    const stored = await outdial.calls.get(call.id);
    expect(stored.callingWindow).toEqual(window);
    expect(Date.parse(stored.scheduledAt ?? '')).toBe(opensAt.getTime());
    await outdial.calls.cancel(call.id);
  });

  it('queues a call inside its calling window at once', async () => {
    const hour = new Date().getUTCHours();
    // From an hour ago to two hours ahead, in UTC: open now.
    const window = { timezone: 'UTC', start: hh(hour + 23), end: hh(hour + 2) };
    const call = await create({ callingWindow: window });
    expect(call.status).toBe('queued');
    const ended = await outdial.calls.waitForTerminalStatus(call.id, FAST_POLL);
    expect(ended).toMatchObject({ status: 'completed', callingWindow: window, scheduledAt: null });
  });

  it('fails a call expired when its latestAt passes before it can be dialed', async () => {
    const { window } = closedWindow();
    const latestAt = inMs(1_000);
    const call = await create({ callingWindow: window, latestAt });
    expect(call.status).toBe('scheduled');
    const ended = await outdial.calls.waitForTerminalStatus(call.id, FAST_POLL);
    expect(ended).toMatchObject({ status: 'failed', failureReason: 'expired', roomId: null });
    expect(Date.parse(ended.latestAt ?? '')).toBe(latestAt.getTime());
    const { events } = await outdial.calls.listEvents(call.id);
    expect(events.map((e) => e.type)).toEqual(['call.scheduled', 'call.failed']);
  });

  describe('refuses what the scheduling rules forbid, with the field to blame', () => {
    const cases = [
      [
        'scheduledAt beyond 90 days',
        () => ({ scheduledAt: inMs(91 * DAY) }),
        'scheduledAt',
        'Scheduled time must be at most 90 days ahead',
      ],
      [
        'scheduledAt over 5 minutes past',
        () => ({ scheduledAt: inMs(-10 * 60_000) }),
        'scheduledAt',
        'Scheduled time must not be more than 5 minutes in the past',
      ],
      [
        'latestAt before scheduledAt',
        () => ({ scheduledAt: inMs(2 * HOUR), latestAt: inMs(HOUR) }),
        'latestAt',
        'Latest time must be after the scheduled time and in the future',
      ],
      [
        'latestAt in the past',
        () => ({ latestAt: inMs(-HOUR) }),
        'latestAt',
        'Latest time must be after the scheduled time and in the future',
      ],
      [
        'an empty calling window',
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
      [
        'a malformed scheduledAt',
        () => ({ scheduledAt: 'tomorrow' }),
        'scheduledAt',
        'Scheduled time must be an RFC 3339 date-time',
      ],
      [
        'a start that is not HH:MM',
        () => ({ callingWindow: { timezone: 'UTC', start: '9:00', end: '17:00' } }),
        'callingWindow.start',
        'Calling window start must be a time as HH:MM (00:00 to 23:59)',
      ],
      [
        'a day outside 1 to 7',
        () => ({ callingWindow: { timezone: 'UTC', start: '09:00', end: '17:00', days: [0] } }),
        'callingWindow.days.0',
        'Calling window days must be distinct ISO weekdays from 1 (Monday) to 7 (Sunday)',
      ],
    ] as const;

    it.each(cases)('%s', async (_name, extra, field, message) => {
      const phoneNumber = freshNumber();
      await expect(
        outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber, ...extra() }),
      ).rejects.toMatchObject({
        status: 400,
        type: 'validation_error',
        message: `Validation error: ${message}`,
        details: [{ field, message }],
      });
      expect((await outdial.calls.list({ phoneNumber })).data).toEqual([]);
    });

    it('checks them before the agent', async () => {
      await expect(
        outdial.calls.create({
          agentId: '550e8400-e29b-41d4-a716-4466554400ff',
          phoneNumber: freshNumber(),
          scheduledAt: inMs(100 * DAY),
        }),
      ).rejects.toMatchObject({
        status: 400,
        message: 'Validation error: Scheduled time must be at most 90 days ahead',
      });
    });
  });
});
