import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnvConfig } from './env-config';

describe('OUTDIAL_MAX_CONCURRENT_CALLS', () => {
  it('is no limit unless set, and a positive integer when set', () => {
    expect(loadEnvConfig({}).maxConcurrentCalls).toBeNull();
    expect(loadEnvConfig({ OUTDIAL_MAX_CONCURRENT_CALLS: '25' }).maxConcurrentCalls).toBe(25);
    expect(() => loadEnvConfig({ OUTDIAL_MAX_CONCURRENT_CALLS: '0' })).toThrow(
      'OUTDIAL_MAX_CONCURRENT_CALLS must be an integer from 1 to 100000 (got "0")',
    );
  });
});

describe('OUTDIAL_DEFAULT_CALLING_WINDOW and OUTDIAL_DEFAULT_TIMEZONE', () => {
  it('are unset by default: no window', () => {
    expect(loadEnvConfig({}).defaultCallingWindow).toBeNull();
  });

  it('read a window in UTC unless a time zone is given', () => {
    expect(loadEnvConfig({ OUTDIAL_DEFAULT_CALLING_WINDOW: '08:00-21:00' }).defaultCallingWindow).toEqual({
      timezone: 'UTC',
      start: '08:00',
      end: '21:00',
    });
    expect(
      loadEnvConfig({
        OUTDIAL_DEFAULT_CALLING_WINDOW: '22:00-02:00',
        OUTDIAL_DEFAULT_TIMEZONE: 'America/New_York',
      }).defaultCallingWindow,
    ).toEqual({ timezone: 'America/New_York', start: '22:00', end: '02:00' });
  });

  it('refuse a malformed window, an empty one, an unknown zone, and a zone without a window', () => {
    const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
      try {
        loadEnvConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problemsOf({ OUTDIAL_DEFAULT_CALLING_WINDOW: '8-21' })).toEqual([
      'OUTDIAL_DEFAULT_CALLING_WINDOW must be HH:MM-HH:MM, such as 08:00-21:00 (got "8-21")',
    ]);
    expect(problemsOf({ OUTDIAL_DEFAULT_CALLING_WINDOW: '09:00-09:00' })).toEqual([
      'OUTDIAL_DEFAULT_CALLING_WINDOW must end at another time than it starts (got "09:00-09:00")',
    ]);
    expect(
      problemsOf({ OUTDIAL_DEFAULT_CALLING_WINDOW: '08:00-21:00', OUTDIAL_DEFAULT_TIMEZONE: 'Mars/Base' }),
    ).toEqual([
      'OUTDIAL_DEFAULT_TIMEZONE must be an IANA time zone such as America/New_York (got "Mars/Base")',
    ]);
    expect(problemsOf({ OUTDIAL_DEFAULT_TIMEZONE: 'Europe/Berlin' })).toEqual([
      'OUTDIAL_DEFAULT_TIMEZONE is set but OUTDIAL_DEFAULT_CALLING_WINDOW is not',
    ]);
  });
});
