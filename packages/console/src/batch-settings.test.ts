import { describe, expect, it } from 'vitest';
import { formatCallingWindow, formatRetry } from './batch-settings';

describe('formatCallingWindow', () => {
  it('writes the hours, the time zone and the days', () => {
    expect(
      formatCallingWindow({ timezone: 'America/New_York', start: '09:00', end: '17:30', days: [5, 1, 2] }),
    ).toBe('09:00–17:30 America/New_York, Mon, Tue, Fri');
    expect(formatCallingWindow({ timezone: 'Europe/Berlin', start: '22:00', end: '02:00' })).toBe(
      '22:00–02:00 (overnight) Europe/Berlin, every day',
    );
    expect(formatCallingWindow(null)).toMatch(/^Any time/);
  });
});

describe('formatRetry', () => {
  it('writes the attempts, the outcomes that earn one, and the delay', () => {
    expect(formatRetry({ maxAttempts: 2, on: ['busy', 'no_answer'], delaySeconds: 60 })).toBe(
      'Up to 2 attempts, on busy or no answer, 60 s apart',
    );
    expect(formatRetry(null)).toBe('No retries');
    expect(formatRetry({ maxAttempts: 1, on: ['failed'], delaySeconds: 0 })).toBe('No retries');
  });
});
