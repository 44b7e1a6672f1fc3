/**
 * @module
 * Where the per-key rate limit keeps its counts. One process: in memory (express-rate-limit's
 * own store). Several replicas must share them, or each would allow the whole limit on its own:
 * in Redis when `OUTDIAL_REDIS_URL` is set (rate-limit-redis, from express-rate-limit's authors),
 * else in PostgreSQL when that is the database (@acpr/rate-limit-postgresql, which keeps them in
 * its own `rate_limit` schema). Both are maintained store packages, not ours. Each is loaded only
 * when chosen: the Redis client alone is ~500 modules that a single SQLite server would otherwise
 * keep in its memory for nothing.
 */
import type { Store } from 'express-rate-limit';

/** How long a start waits for @acpr/rate-limit-postgresql's schema before giving up. */
const POSTGRES_SCHEMA_WAIT_MS = 15_000;

export type RateLimitBackend =
  | { kind: 'memory' }
  | { kind: 'redis'; url: string }
  | { kind: 'postgres'; databaseUrl: string };

export interface OpenedRateLimitStore {
  /** Undefined: express-rate-limit's in-memory store. */
  store: Store | undefined;
  close(): Promise<void>;
}

/** The backend a server uses: Redis when named, else PostgreSQL when that is the database. */
export function rateLimitBackend(config: {
  redisUrl?: string | undefined;
  databaseUrl?: string | undefined;
}): RateLimitBackend {
  if (config.redisUrl) return { kind: 'redis', url: config.redisUrl };
  if (config.databaseUrl) return { kind: 'postgres', databaseUrl: config.databaseUrl };
  return { kind: 'memory' };
}

/**
 * Opens the store of `backend`. A Redis that cannot be reached fails the start: a replica that
 * silently counted alone would break the shared limit without anyone noticing.
 */
export async function openRateLimitStore(backend: RateLimitBackend): Promise<OpenedRateLimitStore> {
  switch (backend.kind) {
    case 'memory':
      return { store: undefined, close: async () => {} };
    case 'redis': {
      const [{ createClient }, { RedisStore }] = await Promise.all([
        import('@redis/client'),
        import('rate-limit-redis'),
      ]);
      const client = createClient({ url: backend.url });
      await client.connect();
      return {
        store: new RedisStore({
          prefix: 'outdial:rate-limit:',
          sendCommand: (...args: string[]) => client.sendCommand(args),
        }),
        close: async () => {
          client.destroy();
        },
      };
    }
    case 'postgres': {
      const { PostgresStore } = await import('@acpr/rate-limit-postgresql');
      const config = { connectionString: withoutSearchPath(backend.databaseUrl), max: 2 };
      // The prefix names the limiter's session row; every replica must use the same one. The
      // constructor starts the package's own migrations (under an advisory lock, so replicas
      // starting together are safe) without awaiting them: wait for their last function, or the
      // first requests would fail with 500.
      const store = new PostgresStore(config, 'outdial-api-keys');
      await waitForFunction(
        config,
        // The signature its increment calls (its migration 6); pinned with the package version.
        'rate_limit.agg_increment(text, text, double precision, timestamptz)',
        POSTGRES_SCHEMA_WAIT_MS,
      );
      return {
        store,
        close: async () => {
          await (store as unknown as { pool?: { end(): Promise<void> } }).pool?.end();
        },
      };
    }
  }
}

/**
 * The URL without its `options` (where a `-c search_path=…` scopes a server to a schema). The
 * limiter's tables live in its own `rate_limit` schema, database-wide, but its migrations table
 * and the `uuid-ossp` extension it creates follow the connection's search_path: scoped to a
 * schema, they would land in it, and dropping that schema would take the extension, and with it
 * the defaults of the limiter's tables (every later request a 500).
 */
function withoutSearchPath(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.delete('options');
  return url.toString();
}

/** Resolves once the function `signature` (schema.name(types)) exists, polling every 50 ms; rejects after `timeoutMs`. */
async function waitForFunction(
  config: { connectionString: string },
  signature: string,
  timeoutMs: number,
): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client(config);
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ found: string | null }>('select to_regprocedure($1) as found', [
        signature,
      ]);
      if (rows[0]?.found) return;
      if (Date.now() > deadline) {
        throw new Error(
          `the rate limit's PostgreSQL schema (${signature}) did not appear within ${timeoutMs} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
