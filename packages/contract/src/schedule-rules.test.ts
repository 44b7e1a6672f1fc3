import { describe, expect, it } from 'vitest';
import { callSchedule, scheduleError, scheduleViolations } from './schedule-rules';

const NOW = new Date('2026-12-02T12:00:00Z');
const plus = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const DAY = 86_400_000;
const MINUTE = 60_000;

describe('scheduleViolations', () => {
  it('accepts scheduledAt up to 90 days ahead and up to 5 minutes past', () => {
    expect(scheduleViolations({ scheduledAt: plus(90 * DAY) }, NOW)).toEqual([]);
    expect(scheduleViolations({ scheduledAt: plus(-5 * MINUTE) }, NOW)).toEqual([]);
    expect(scheduleViolations({}, NOW)).toEqual([]);
  });

  it('refuses scheduledAt beyond those bounds', () => {
    expect(scheduleViolations({ scheduledAt: plus(90 * DAY + 1000) }, NOW)).toEqual([
      { code: 'scheduled_at_too_far', field: 'scheduledAt' },
    ]);
    expect(scheduleViolations({ scheduledAt: plus(-5 * MINUTE - 1000) }, NOW)).toEqual([
      { code: 'scheduled_at_in_past', field: 'scheduledAt' },
    ]);
  });

  it('wants latestAt after now and after scheduledAt', () => {
    expect(scheduleViolations({ latestAt: plus(1000) }, NOW)).toEqual([]);
    expect(scheduleViolations({ latestAt: plus(0) }, NOW)).toEqual([
      { code: 'latest_at_too_early', field: 'latestAt' },
    ]);
    expect(scheduleViolations({ scheduledAt: plus(DAY), latestAt: plus(DAY) }, NOW)).toEqual([
      { code: 'latest_at_too_early', field: 'latestAt' },
    ]);
    expect(scheduleViolations({ scheduledAt: plus(DAY), latestAt: plus(DAY + 1000) }, NOW)).toEqual([]);
  });

  it('checks the calling window’s time zone and that it is not empty, under a prefix', () => {
    const window = { timezone: 'Mars/Olympus_Mons', start: '09:00', end: '09:00' };
    expect(scheduleViolations({ callingWindow: window }, NOW, 'calls.3.')).toEqual([
      { code: 'invalid_time_zone', field: 'calls.3.callingWindow.timezone' },
      { code: 'calling_window_empty', field: 'calls.3.callingWindow.end' },
    ]);
  });
});

describe('scheduleError', () => {
  it('is the first violation’s catalog error, with every violation as a detail', () => {
    expect(scheduleError([])).toBeUndefined();
    const error = scheduleError(
      scheduleViolations({ scheduledAt: plus(100 * DAY), latestAt: plus(-DAY) }, NOW),
    );
    expect(error?.status).toBe(400);
    expect(error?.type).toBe('validation_error');
    expect(error?.message).toBe('Validation error: Scheduled time must be at most 90 days ahead');
    expect(error?.details).toEqual([
      { field: 'scheduledAt', message: 'Scheduled time must be at most 90 days ahead' },
      { field: 'latestAt', message: 'Latest time must be after the scheduled time and in the future' },
    ]);
  });
});

describe('callSchedule', () => {
  it('is due now without scheduledAt or window, or with a scheduledAt just past', () => {
    expect(callSchedule({}, null, NOW)).toEqual({ dueAt: NOW, scheduled: false });
    expect(callSchedule({ scheduledAt: plus(-MINUTE) }, null, NOW)).toEqual({ dueAt: NOW, scheduled: false });
  });

  it('is due at a future scheduledAt', () => {
    expect(callSchedule({ scheduledAt: plus(3000) }, null, NOW)).toEqual({
      dueAt: new Date(plus(3000)),
      scheduled: true,
    });
  });

  it('moves on to the window’s next opening, from scheduledAt or now', () => {
    // 12:00Z is 07:00 in New York on 2026-12-02 (a Wednesday).
    const window = { timezone: 'America/New_York', start: '09:00', end: '17:00' };
    expect(callSchedule({}, window, NOW)).toEqual({
      dueAt: new Date('2026-12-02T14:00:00Z'),
      scheduled: true,
    });
    expect(callSchedule({ scheduledAt: '2026-12-02T23:00:00Z' }, window, NOW).dueAt.toISOString()).toBe(
      '2026-12-03T14:00:00.000Z',
    );
    const open = { timezone: 'America/New_York', start: '06:00', end: '17:00' };
    expect(callSchedule({}, open, NOW)).toEqual({ dueAt: NOW, scheduled: false });
  });
});
