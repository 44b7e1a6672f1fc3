/**
 * @module
 * The server's configuration from environment variables, validated at start-up: every problem is
 * reported at once, by variable name, before anything starts.
 */
import type { CallingWindow } from '@outdial/contract';
import { parseDefaultCallingWindow } from './default-calling-window';
import type { LiveKitConnection } from './livekit-connection';

export interface EnvConfig {
  port: number;
  host: string;
  dbPath: string;
  /** OUTDIAL_DATABASE_URL: PostgreSQL instead of the SQLite file at `dbPath`; null when unset. */
  databaseUrl: string | null;
  /** OUTDIAL_REDIS_URL: the rate limit's shared counts in Redis; null when unset. */
  redisUrl: string | null;
  /** OUTDIAL_DATABASE_POOL_SIZE: PostgreSQL connections per server. */
  databasePoolSize: number;
  /** null when LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are all unset. */
  livekit: LiveKitConnection | null;
  dialCps: number;
  dialMaxInFlight: number;
  /** Extra milliseconds per 1 s pacing window, absorbing network jitter toward the carrier. */
  dialGuardBandMs: number;
  /** Requests per minute per API key; 0 turns the limit off. */
  rateLimitPerMinute: number;
  logLevel: string;
  /** Origins allowed to call the API from a browser (`*` for any); empty: no CORS headers. */
  corsOrigins: string[];
  /** OUTDIAL_METRICS=true: Prometheus metrics at GET /metrics. */
  metrics: boolean;
  /** /metrics on this port instead of the API's; null: on the API's port. */
  metricsPort: number | null;
  /** OUTDIAL_EVENT_RETENTION_DAYS: call events older than this many days are purged. */
  eventRetentionDays: number;
  /**
   * OUTDIAL_DEFAULT_CALLING_WINDOW in OUTDIAL_DEFAULT_TIMEZONE: the window of calls that name
   * none; null when unset (any time).
   */
  defaultCallingWindow: CallingWindow | null;
  /** OUTDIAL_MAX_CONCURRENT_CALLS: live calls per organization at most; null for no limit. */
  maxConcurrentCalls: number | null;
  /** OUTDIAL_API_KEY_CACHE_SECONDS: how long a verified key is trusted without a lookup (0: never). */
  apiKeyCacheSeconds: number;
  /**
   * OUTDIAL_WEBHOOK_ALLOW_PRIVATE=true: webhooks may go to loopback, private, link-local and
   * metadata addresses (a demo, a receiver on the same host). Off by default: webhook URLs come
   * from API clients, and must not reach what only the server can.
   */
  webhookAllowPrivate: boolean;
  /**
   * OUTDIAL_WEBHOOK_DISPATCH: where webhook deliveries are sent from, `worker` (a thread of its
   * own) or `in-process` (the main event loop); null when unset: the worker on PostgreSQL,
   * in process on SQLite (see webhooks/webhook-delivery.ts for why).
   */
  webhookDispatch: 'worker' | 'in-process' | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const text = (name: string): string | undefined => (env[name] === '' ? undefined : env[name]);

  const url = text('LIVEKIT_URL');
  const apiKey = text('LIVEKIT_API_KEY');
  const apiSecret = text('LIVEKIT_API_SECRET');
  let livekit: LiveKitConnection | null = null;
  if (url || apiKey || apiSecret) {
    if (!url || !apiKey || !apiSecret) {
      // Names only, never values: two of the three are secrets.
      const unset = Object.entries({
        LIVEKIT_URL: url,
        LIVEKIT_API_KEY: apiKey,
        LIVEKIT_API_SECRET: apiSecret,
      })
        .filter(([, value]) => !value)
        .map(([name]) => name);
      problems.push(
        `LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together (${unset.join(' and ')} ${unset.length > 1 ? 'are' : 'is'} not set)`,
      );
    } else if (!/^(https?|wss?):\/\//.test(url)) {
      problems.push(`LIVEKIT_URL must be an http(s):// or ws(s):// URL (got "${url}")`);
    } else {
      const sipTrunkId = text('LIVEKIT_SIP_TRUNK_ID');
      const agentName = text('LIVEKIT_AGENT_NAME');
      livekit = {
        url,
        apiKey,
        apiSecret,
        ...(sipTrunkId ? { sipTrunkId } : {}),
        ...(agentName ? { agentName } : {}),
      };
    }
  }
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const corsOrigins = parseCorsOrigins(text('OUTDIAL_CORS_ORIGINS'), problems);
  const metrics = text('OUTDIAL_METRICS') ?? 'false';
  if (metrics !== 'true' && metrics !== 'false')
    problems.push(`OUTDIAL_METRICS must be true or false (got "${metrics}")`);
  const webhookAllowPrivate = text('OUTDIAL_WEBHOOK_ALLOW_PRIVATE') ?? 'false';
  if (webhookAllowPrivate !== 'true' && webhookAllowPrivate !== 'false')
    problems.push(`OUTDIAL_WEBHOOK_ALLOW_PRIVATE must be true or false (got "${webhookAllowPrivate}")`);
  const webhookDispatch = text('OUTDIAL_WEBHOOK_DISPATCH') ?? null;
  if (webhookDispatch !== null && webhookDispatch !== 'worker' && webhookDispatch !== 'in-process')
    problems.push(`OUTDIAL_WEBHOOK_DISPATCH must be worker or in-process (got "${webhookDispatch}")`);
  const metricsPort =
    text('OUTDIAL_METRICS_PORT') === undefined ? null : integer('OUTDIAL_METRICS_PORT', 0, 1, 65535);
  // A port without metrics would silently serve nothing.
  if (metricsPort !== null && metrics !== 'true')
    problems.push('OUTDIAL_METRICS_PORT is set but OUTDIAL_METRICS is not true');

  const config: EnvConfig = {
    port: integer('PORT', 3000, 0, 65535),
    host: text('HOST') ?? '127.0.0.1',
    dbPath: text('OUTDIAL_DB_PATH') ?? './.outdial/outdial.db',
    databaseUrl: parseDatabaseUrl(text('OUTDIAL_DATABASE_URL'), problems),
    redisUrl: parseRedisUrl(text('OUTDIAL_REDIS_URL'), problems),
    databasePoolSize: integer('OUTDIAL_DATABASE_POOL_SIZE', 10, 1, 1000),
    livekit,
    dialCps: integer('DIAL_CPS', 10, 1, 10000),
    dialMaxInFlight: integer('DIAL_MAX_IN_FLIGHT', 50, 1, 100000),
    dialGuardBandMs: integer('DIAL_GUARD_BAND_MS', 15, 0, 1000),
    rateLimitPerMinute: integer('OUTDIAL_RATE_LIMIT', 600, 0, 1_000_000),
    logLevel,
    corsOrigins,
    metrics: metrics === 'true',
    metricsPort,
    eventRetentionDays: integer('OUTDIAL_EVENT_RETENTION_DAYS', 30, 1, 36500),
    maxConcurrentCalls:
      text('OUTDIAL_MAX_CONCURRENT_CALLS') === undefined
        ? null
        : integer('OUTDIAL_MAX_CONCURRENT_CALLS', 0, 1, 100_000),
    defaultCallingWindow: parseDefaultCallingWindow(
      text('OUTDIAL_DEFAULT_CALLING_WINDOW'),
      text('OUTDIAL_DEFAULT_TIMEZONE'),
      problems,
    ),
    apiKeyCacheSeconds: integer('OUTDIAL_API_KEY_CACHE_SECONDS', 5, 0, 300),
    webhookAllowPrivate: webhookAllowPrivate === 'true',
    webhookDispatch:
      webhookDispatch === 'worker' || webhookDispatch === 'in-process' ? webhookDispatch : null,
  };
  if (metricsPort !== null && metricsPort === config.port)
    problems.push(`OUTDIAL_METRICS_PORT must differ from PORT (both ${metricsPort})`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `OUTDIAL_REDIS_URL`: a `redis://` or `rediss://` URL, reported by name only (it may hold a password). */
function parseRedisUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined) return null;
  let protocol: string | undefined;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === 'redis:' || protocol === 'rediss:') return raw;
  problems.push('OUTDIAL_REDIS_URL must be a redis:// or rediss:// URL (redis://user:password@host:6379)');
  return null;
}

/**
 * `OUTDIAL_DATABASE_URL`: a `postgres://` (or `postgresql://`) URL. Reported by name only, never
 * by value: the URL usually carries a password.
 */
function parseDatabaseUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined) return null;
  let protocol: string | undefined;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    problems.push(
      'OUTDIAL_DATABASE_URL must be a postgres:// URL (postgres://user:password@host:5432/database)',
    );
    return null;
  }
  return raw;
}

/**
 * `OUTDIAL_CORS_ORIGINS`: comma-separated origins as browsers send them in `Origin`
 * (`https://app.example.com`, `http://localhost:5173`: scheme, host and port, no path or trailing
 * slash, lower case), or `*` alone for any origin.
 */
function parseCorsOrigins(raw: string | undefined, problems: string[]): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  if (origins.includes('*') && origins.length > 1) {
    problems.push(
      `OUTDIAL_CORS_ORIGINS: * allows every origin and cannot be combined with others (got "${raw}")`,
    );
    return [];
  }
  const bad = origins.filter((origin) => origin !== '*' && !isOrigin(origin));
  for (const origin of bad) {
    problems.push(
      'OUTDIAL_CORS_ORIGINS must be * or comma-separated origins like https://app.example.com ' +
        `(scheme and host, optional port, no path) (got "${origin}")`,
    );
  }
  return bad.length > 0 ? [] : origins;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}
