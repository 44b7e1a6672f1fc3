import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnvConfig } from './env-config';

describe('loadEnvConfig', () => {
  it('has defaults for everything', () => {
    expect(loadEnvConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dbPath: './.outdial/outdial.db',
      databaseUrl: null,
      redisUrl: null,
      databasePoolSize: 10,
      livekit: null,
      dialCps: 10,
      dialMaxInFlight: 50,
      dialGuardBandMs: 15,
      rateLimitPerMinute: 600,
      logLevel: 'info',
      corsOrigins: [],
      metrics: false,
      metricsPort: null,
      eventRetentionDays: 30,
      defaultCallingWindow: null,
      maxConcurrentCalls: null,
      apiKeyCacheSeconds: 5,
      webhookAllowPrivate: false,
      webhookDispatch: null,
    });
  });

  it('reads OUTDIAL_REDIS_URL as a redis:// URL, never echoing it', () => {
    expect(loadEnvConfig({ OUTDIAL_REDIS_URL: 'redis://:pw@cache:6379/0' }).redisUrl).toBe(
      'redis://:pw@cache:6379/0',
    );
    expect(() => loadEnvConfig({ OUTDIAL_REDIS_URL: 'http://:secret@cache' })).toThrow(
      'OUTDIAL_REDIS_URL must be a redis:// or rediss:// URL (redis://user:password@host:6379)',
    );
    expect(() => loadEnvConfig({ OUTDIAL_REDIS_URL: 'http://:secret@cache' })).not.toThrow('secret');
  });

  it('reads OUTDIAL_WEBHOOK_DISPATCH as worker or in-process, unset by default', () => {
    expect(loadEnvConfig({}).webhookDispatch).toBeNull();
    expect(loadEnvConfig({ OUTDIAL_WEBHOOK_DISPATCH: 'worker' }).webhookDispatch).toBe('worker');
    expect(loadEnvConfig({ OUTDIAL_WEBHOOK_DISPATCH: 'in-process' }).webhookDispatch).toBe('in-process');
    expect(() => loadEnvConfig({ OUTDIAL_WEBHOOK_DISPATCH: 'thread' })).toThrow(
      /OUTDIAL_WEBHOOK_DISPATCH must be worker or in-process \(got "thread"\)/,
    );
  });

  it('reads OUTDIAL_WEBHOOK_ALLOW_PRIVATE as true or false only', () => {
    expect(loadEnvConfig({ OUTDIAL_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhookAllowPrivate).toBe(true);
    expect(loadEnvConfig({ OUTDIAL_WEBHOOK_ALLOW_PRIVATE: 'false' }).webhookAllowPrivate).toBe(false);
    expect(() => loadEnvConfig({ OUTDIAL_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(
      'OUTDIAL_WEBHOOK_ALLOW_PRIVATE must be true or false (got "yes")',
    );
  });

  it('reads LiveKit and the tunables', () => {
    const config = loadEnvConfig({
      PORT: '8080',
      OUTDIAL_DB_PATH: '/var/lib/outdial/db.sqlite',
      LIVEKIT_URL: 'wss://example.livekit.cloud',
      LIVEKIT_API_KEY: 'key',
      LIVEKIT_API_SECRET: 'secret',
      LIVEKIT_SIP_TRUNK_ID: 'ST_1',
      LIVEKIT_AGENT_NAME: 'support',
      DIAL_CPS: '50',
      DIAL_MAX_IN_FLIGHT: '200',
      DIAL_GUARD_BAND_MS: '25',
      OUTDIAL_RATE_LIMIT: '0',
      LOG_LEVEL: 'debug',
      OUTDIAL_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173',
      OUTDIAL_EVENT_RETENTION_DAYS: '7',
      OUTDIAL_API_KEY_CACHE_SECONDS: '0',
    });
    expect(config).toMatchObject({
      eventRetentionDays: 7,
      apiKeyCacheSeconds: 0,
      port: 8080,
      dbPath: '/var/lib/outdial/db.sqlite',
      livekit: {
        url: 'wss://example.livekit.cloud',
        apiKey: 'key',
        apiSecret: 'secret',
        sipTrunkId: 'ST_1',
        agentName: 'support',
      },
      dialCps: 50,
      dialMaxInFlight: 200,
      dialGuardBandMs: 25,
      rateLimitPerMinute: 0,
      logLevel: 'debug',
      corsOrigins: ['https://app.example.com', 'http://localhost:5173'],
    });
  });

  it('reads PostgreSQL from OUTDIAL_DATABASE_URL, and never echoes the URL (it carries a password)', () => {
    expect(
      loadEnvConfig({
        OUTDIAL_DATABASE_URL: 'postgres://outdial:s3cret@db.internal:5432/outdial',
        OUTDIAL_DATABASE_POOL_SIZE: '25',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://outdial:s3cret@db.internal:5432/outdial',
      databasePoolSize: 25,
    });
    let error: unknown;
    try {
      loadEnvConfig({
        OUTDIAL_DATABASE_URL: 'mysql://root:s3cret@db/outdial',
        OUTDIAL_DATABASE_POOL_SIZE: '0',
      });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('OUTDIAL_DATABASE_URL must be a postgres:// URL');
    expect(problems).toContain('OUTDIAL_DATABASE_POOL_SIZE must be an integer from 1 to 1000');
    expect(problems).not.toContain('s3cret');
  });

  it('reports every problem at once, by variable name', () => {
    let error: unknown;
    try {
      loadEnvConfig({ PORT: 'http', DIAL_CPS: '0', LIVEKIT_URL: 'wss://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT must be an integer');
    expect(problems).toContain('DIAL_CPS must be an integer from 1');
    expect(problems).toContain(
      'LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together ' +
        '(LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not set)',
    );
    expect(problems).toContain('LOG_LEVEL must be one of');
  });

  it('echoes the bad value in every problem (but never a LiveKit secret)', () => {
    const problem = (env: NodeJS.ProcessEnv): string => {
      try {
        loadEnvConfig(env);
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
      throw new Error(`no problem with ${JSON.stringify(env)}`);
    };
    expect(problem({ LOG_LEVEL: 'verbose' })).toBe(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
    );
    expect(problem({ PORT: '70000' })).toBe('PORT must be an integer from 0 to 65535 (got "70000")');
    expect(problem({ DIAL_MAX_IN_FLIGHT: '1.5' })).toContain('(got "1.5")');
    expect(problem({ DIAL_GUARD_BAND_MS: '-1' })).toContain('(got "-1")');
    expect(problem({ OUTDIAL_RATE_LIMIT: 'lots' })).toContain('(got "lots")');
    expect(problem({ OUTDIAL_EVENT_RETENTION_DAYS: '0' })).toBe(
      'OUTDIAL_EVENT_RETENTION_DAYS must be an integer from 1 to 36500 (got "0")',
    );
    expect(problem({ LIVEKIT_URL: 'ftp://x', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' })).toContain(
      '(got "ftp://x")',
    );
    const partial = problem({ LIVEKIT_API_KEY: 'key-value', LIVEKIT_API_SECRET: 'secret-value' });
    expect(partial).toContain('(LIVEKIT_URL is not set)');
    expect(partial).not.toMatch(/key-value|secret-value/);
  });

  it('reads OUTDIAL_CORS_ORIGINS: * alone, or origins without a path', () => {
    expect(loadEnvConfig({ OUTDIAL_CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(loadEnvConfig({ OUTDIAL_CORS_ORIGINS: ' https://a.example.com:8443 ,' }).corsOrigins).toEqual([
      'https://a.example.com:8443',
    ]);
    for (const bad of [
      'app.example.com',
      'https://app.example.com/',
      'https://app.example.com/x',
      'ftp://x.org',
    ]) {
      expect(() => loadEnvConfig({ OUTDIAL_CORS_ORIGINS: `https://ok.example.com,${bad}` })).toThrow(
        `OUTDIAL_CORS_ORIGINS must be * or comma-separated origins like https://app.example.com (scheme and host, optional port, no path) (got "${bad}")`,
      );
    }
    expect(() => loadEnvConfig({ OUTDIAL_CORS_ORIGINS: '*,https://a.example.com' })).toThrow(
      'cannot be combined with others (got "*,https://a.example.com")',
    );
  });

  it('reads OUTDIAL_METRICS and OUTDIAL_METRICS_PORT', () => {
    expect(loadEnvConfig({ OUTDIAL_METRICS: 'true' })).toMatchObject({ metrics: true, metricsPort: null });
    expect(loadEnvConfig({ OUTDIAL_METRICS: 'true', OUTDIAL_METRICS_PORT: '9464' })).toMatchObject({
      metrics: true,
      metricsPort: 9464,
    });
    expect(loadEnvConfig({ OUTDIAL_METRICS: 'false' }).metrics).toBe(false);
    expect(() => loadEnvConfig({ OUTDIAL_METRICS: 'yes' })).toThrow(
      'OUTDIAL_METRICS must be true or false (got "yes")',
    );
    expect(() => loadEnvConfig({ OUTDIAL_METRICS: 'true', OUTDIAL_METRICS_PORT: '0' })).toThrow(
      'OUTDIAL_METRICS_PORT must be an integer from 1 to 65535 (got "0")',
    );
    expect(() => loadEnvConfig({ OUTDIAL_METRICS_PORT: '9464' })).toThrow(
      'OUTDIAL_METRICS_PORT is set but OUTDIAL_METRICS is not true',
    );
    expect(() => loadEnvConfig({ OUTDIAL_METRICS: 'true', OUTDIAL_METRICS_PORT: '3000' })).toThrow(
      'OUTDIAL_METRICS_PORT must differ from PORT (both 3000)',
    );
  });
});
