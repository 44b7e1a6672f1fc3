import { describe, expect, it } from 'vitest';
import { type CallingWindow, isValidTimeZone, isWindowOpen, nextWindowOpening } from './calling-window';

const NEW_YORK = 'America/New_York';
const at = (iso: string) => new Date(iso);
const next = (window: CallingWindow, iso: string) => nextWindowOpening(window, at(iso)).toISOString();

describe('isValidTimeZone', () => {
  it('accepts IANA names and refuses the rest', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC', 'Etc/GMT+5']) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['', 'Mars/Olympus_Mons', 'New York', '+05:00', 'EST5EDT!']) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });
});

describe('a window within one day', () => {
  const businessHours: CallingWindow = {
    timezone: NEW_YORK,
    start: '09:00',
    end: '17:30',
    days: [1, 2, 3, 4, 5],
  };

  it('is open from start (inclusive) to end (exclusive), local time', () => {
    // 2026-12-07 is a Monday; New York is UTC−5 in December.
    expect(isWindowOpen(businessHours, at('2026-12-07T13:59:59Z'))).toBe(false);
    expect(isWindowOpen(businessHours, at('2026-12-07T14:00:00Z'))).toBe(true);
    expect(isWindowOpen(businessHours, at('2026-12-07T22:29:59Z'))).toBe(true);
    expect(isWindowOpen(businessHours, at('2026-12-07T22:30:00Z'))).toBe(false);
  });

  it('returns the instant itself while open, else the next opening on one of its days', () => {
    const inside = at('2026-12-07T15:00:00Z');
    expect(nextWindowOpening(businessHours, inside)).toBe(inside);
    expect(next(businessHours, '2026-12-07T05:00:00Z')).toBe('2026-12-07T14:00:00.000Z');
    expect(next(businessHours, '2026-12-07T23:00:00Z')).toBe('2026-12-08T14:00:00.000Z');
    // Friday evening → Monday morning.
    expect(next(businessHours, '2026-12-11T23:00:00Z')).toBe('2026-12-14T14:00:00.000Z');
  });

  it('reads days in the window’s time zone, not UTC', () => {
    // 2026-12-12T03:00Z is Saturday in UTC but still Friday 22:00 in New York.
    const evenings: CallingWindow = { timezone: NEW_YORK, start: '21:00', end: '23:00', days: [5] };
    expect(isWindowOpen(evenings, at('2026-12-12T03:00:00Z'))).toBe(true);
    expect(next(evenings, '2026-12-12T04:00:00Z')).toBe('2026-12-19T02:00:00.000Z');
  });

  it('knows half-hour offsets', () => {
    const kolkata: CallingWindow = { timezone: 'Asia/Kolkata', start: '10:00', end: '18:00' };
    expect(next(kolkata, '2026-12-07T00:00:00Z')).toBe('2026-12-07T04:30:00.000Z');
  });
});

describe('a window crossing midnight', () => {
  const nights: CallingWindow = { timezone: 'Europe/Berlin', start: '22:00', end: '02:00', days: [5] };

  it('belongs to the day it opens and runs into the next', () => {
    // 2026-06-05 is a Friday; Berlin is UTC+2 in June.
    expect(isWindowOpen(nights, at('2026-06-05T19:59:00Z'))).toBe(false);
    expect(isWindowOpen(nights, at('2026-06-05T20:00:00Z'))).toBe(true);
    expect(isWindowOpen(nights, at('2026-06-05T23:30:00Z'))).toBe(true); // Saturday 01:30
    expect(isWindowOpen(nights, at('2026-06-06T00:00:00Z'))).toBe(false); // Saturday 02:00
    expect(isWindowOpen(nights, at('2026-06-06T20:30:00Z'))).toBe(false); // Saturday 22:30: not a day of it
  });

  it('opens next on its next day', () => {
    expect(next(nights, '2026-06-06T00:00:00Z')).toBe('2026-06-12T20:00:00.000Z');
    expect(next(nights, '2026-06-05T12:00:00Z')).toBe('2026-06-05T20:00:00.000Z');
  });

  it('every day: the small hours are yesterday’s window', () => {
    const everyNight: CallingWindow = { timezone: 'Europe/Berlin', start: '22:00', end: '02:00' };
    expect(isWindowOpen(everyNight, at('2026-06-06T23:59:00Z'))).toBe(true);
    expect(next(everyNight, '2026-06-06T12:00:00Z')).toBe('2026-06-06T20:00:00.000Z');
  });
});

describe('across DST in America/New_York', () => {
  // 2026-03-08 (Sunday): 02:00 EST (07:00Z) jumps to 03:00 EDT. 2026-11-01 (Sunday): 02:00 EDT
  // (06:00Z) falls back to 01:00 EST, so 01:00–01:59 shows twice.
  const nineToFive: CallingWindow = { timezone: NEW_YORK, start: '09:00', end: '17:00' };

  it('opens at the same local time either side of spring forward', () => {
    expect(next(nineToFive, '2026-03-07T05:00:00Z')).toBe('2026-03-07T14:00:00.000Z'); // EST
    expect(next(nineToFive, '2026-03-08T05:00:00Z')).toBe('2026-03-08T13:00:00.000Z'); // EDT
    expect(isWindowOpen(nineToFive, at('2026-03-08T13:00:00Z'))).toBe(true);
    expect(isWindowOpen(nineToFive, at('2026-03-08T21:00:00Z'))).toBe(false); // 17:00 EDT
  });

  it('opens a start inside the spring-forward gap when the clocks jump past it', () => {
    const smallHours: CallingWindow = { timezone: NEW_YORK, start: '02:30', end: '04:00' };
    expect(next(smallHours, '2026-03-08T05:00:00Z')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(isWindowOpen(smallHours, at('2026-03-08T06:59:59Z'))).toBe(false); // 01:59:59 EST
    expect(isWindowOpen(smallHours, at('2026-03-08T07:00:00Z'))).toBe(true);
    expect(isWindowOpen(smallHours, at('2026-03-08T08:00:00Z'))).toBe(false); // 04:00 EDT
  });

  it('skips a day whose whole window falls in the gap', () => {
    const lostHalfHour: CallingWindow = { timezone: NEW_YORK, start: '02:00', end: '02:30', days: [7] };
    expect(isWindowOpen(lostHalfHour, at('2026-03-08T07:00:00Z'))).toBe(false);
    expect(next(lostHalfHour, '2026-03-08T05:00:00Z')).toBe('2026-03-15T06:00:00.000Z');
  });

  it('closes a night window in the gap when the clocks jump past its end', () => {
    const lateShift: CallingWindow = { timezone: NEW_YORK, start: '22:00', end: '02:30' };
    expect(isWindowOpen(lateShift, at('2026-03-08T03:00:00Z'))).toBe(true); // Saturday 22:00 EST
    expect(isWindowOpen(lateShift, at('2026-03-08T06:59:59Z'))).toBe(true); // 01:59:59 EST: still open
    expect(isWindowOpen(lateShift, at('2026-03-08T07:00:00Z'))).toBe(false); // 03:00 EDT
  });

  it('opens at the same local time either side of fall back', () => {
    expect(next(nineToFive, '2026-10-31T05:00:00Z')).toBe('2026-10-31T13:00:00.000Z'); // EDT
    expect(next(nineToFive, '2026-11-01T05:00:00Z')).toBe('2026-11-01T14:00:00.000Z'); // EST
  });

  it('counts a repeated wall time at its first occurrence', () => {
    const repeated: CallingWindow = { timezone: NEW_YORK, start: '01:30', end: '03:00' };
    expect(next(repeated, '2026-11-01T04:00:00Z')).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(isWindowOpen(repeated, at('2026-11-01T05:15:00Z'))).toBe(false); // 01:15 EDT
    expect(isWindowOpen(repeated, at('2026-11-01T06:15:00Z'))).toBe(true); // 01:15 EST, after the opening
    expect(isWindowOpen(repeated, at('2026-11-01T07:59:59Z'))).toBe(true); // 02:59:59 EST
    expect(isWindowOpen(repeated, at('2026-11-01T08:00:00Z'))).toBe(false); // 03:00 EST
  });

  it('does not reopen a window that ended inside the repeated hour', () => {
    const early: CallingWindow = { timezone: NEW_YORK, start: '00:00', end: '01:30' };
    expect(isWindowOpen(early, at('2026-11-01T05:29:59Z'))).toBe(true); // 01:29:59 EDT
    expect(isWindowOpen(early, at('2026-11-01T06:15:00Z'))).toBe(false); // 01:15 EST, the second time
    expect(next(early, '2026-11-01T06:15:00Z')).toBe('2026-11-02T05:00:00.000Z');
  });
});

describe('invariants', () => {
  const windows: CallingWindow[] = [
    { timezone: NEW_YORK, start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] },
    { timezone: NEW_YORK, start: '22:00', end: '02:30' },
    { timezone: 'Europe/London', start: '01:30', end: '01:00', days: [7] },
    { timezone: 'Australia/Lord_Howe', start: '02:00', end: '02:45' }, // half-hour DST
    { timezone: 'Asia/Tokyo', start: '08:00', end: '21:00', days: [6, 7] },
  ];
  const instants = [
    '2026-03-08T06:30:00Z',
    '2026-03-29T00:45:00Z',
    '2026-10-04T15:10:00Z',
    '2026-11-01T05:45:00Z',
  ];

  it('the next opening is open, not before the instant, and nothing earlier is open', () => {
    for (const window of windows) {
      for (const iso of instants) {
        const from = at(iso);
        const opening = nextWindowOpening(window, from);
        const label = `${JSON.stringify(window)} from ${iso}`;
        expect(opening.getTime(), label).toBeGreaterThanOrEqual(from.getTime());
        expect(isWindowOpen(window, opening), label).toBe(true);
        // Every 5 minutes up to the opening is closed (windows open on whole minutes, gaps on whole hours).
        for (let t = from.getTime(); t < opening.getTime(); t += 5 * 60_000) {
          expect(isWindowOpen(window, new Date(t)), `${label} at ${new Date(t).toISOString()}`).toBe(false);
        }
      }
    }
  });

  it('refuses a window whose start equals its end', () => {
    expect(() => isWindowOpen({ timezone: 'UTC', start: '09:00', end: '09:00' }, new Date())).toThrow(
      RangeError,
    );
  });
});
