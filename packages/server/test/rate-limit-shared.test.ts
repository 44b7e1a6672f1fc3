/**
 * The per-key rate limit across replicas: two servers on one PostgreSQL database share one
 * budget per key, counted in Redis (OUTDIAL_REDIS_URL) or, without Redis, in PostgreSQL, so a
 * client spreading its requests over replicas gets no more than the limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServerWith } from '../src/server/start-server';
import { openPostgresStores } from '../src/store/postgres/postgres-stores';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from './support/postgres-database';

const REDIS_URL = process.env.OUTDIAL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = { windowMs: 60_000, limit: 5 };

const BACKENDS = [
  { name: 'PostgreSQL', options: { databaseUrl: TEST_DATABASE_URL } },
  // Left out only where no Redis runs (scripts/redis-for-tests.mjs says so; CI requires it).
  ...(process.env.OUTDIAL_TEST_REDIS === 'skip' ? [] : [{ name: 'Redis', options: { redisUrl: REDIS_URL } }]),
];

describe.skipIf(process.env.OUTDIAL_TEST_POSTGRES === 'skip').each(BACKENDS)(
  'the rate limit shared in $name',
  ({ options }) => {
    let schema: TestSchema | undefined;
    const servers: RunningServer[] = [];
    afterEach(async () => {
      for (const server of servers.splice(0)) await server.close();
      await schema?.drop();
    });

    /** A replica: its own stores (its own pool) on the shared schema. */
    const replica = async (shared: TestSchema) => {
      const stores = await openPostgresStores({ url: shared.url, schema: shared.schema, poolSize: 4 });
      const server = await startServerWith(stores, {
        port: 0,
        logLevel: 'silent',
        rateLimit: LIMIT,
        validateResponses: true,
        ...options,
      });
      servers.push(server);
      return server;
    };

    it('spends one budget per key whichever replica answers, and keeps keys apart', async () => {
      schema = await createTestSchema();
      const a = await replica(schema);
      const b = await replica(schema);
      const org = await a.admin.createOrganization('Shared Limits');
      const { key } = await a.admin.createApiKey(org.id);
      const { key: otherKey } = await a.admin.createApiKey(org.id);
      const get = (server: RunningServer, apiKey = key) =>
        fetch(`${server.url}/api/v1/agents`, { headers: { 'x-api-key': apiKey } });

      const answers: { status: number; remaining: string | null }[] = [];
      for (const server of [a, b, a, b, a, b]) {
        const response = await get(server);
        answers.push({ status: response.status, remaining: response.headers.get('ratelimit-remaining') });
        await response.arrayBuffer();
      }
      expect(answers).toEqual([
        { status: 200, remaining: '4' },
        { status: 200, remaining: '3' },
        { status: 200, remaining: '2' },
        { status: 200, remaining: '1' },
        { status: 200, remaining: '0' },
        { status: 429, remaining: '0' },
      ]);
      const limited = await get(a);
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { error: { type: string } }).error.type).toBe('rate_limited');
      // Another key of the same organization has its own budget, on either replica.
      expect((await get(b, otherKey)).status).toBe(200);
    });
  },
);
