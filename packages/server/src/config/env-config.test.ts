import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnvConfig } from './env-config';

describe('loadEnvConfig', () => {
  it('has defaults for everything', () => {
    expect(loadEnvConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dbPath: './.outdial/outdial.db',
      livekit: null,
      dialCps: 10,
      dialMaxInFlight: 50,
      dialGuardBandMs: 15,
      rateLimitPerMinute: 600,
      logLevel: 'info',
    });
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
    });
    expect(config).toMatchObject({
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
    });
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
    expect(problems).toContain('LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together');
    expect(problems).toContain('LOG_LEVEL must be one of');
  });
});
