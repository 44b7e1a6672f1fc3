// Whether the Redis cases run (vitest.config.ts): the rate limit shared by replicas through
// OUTDIAL_REDIS_URL (packages/server/test/rate-limit-shared.test.ts). They need a Redis at
// OUTDIAL_TEST_REDIS_URL; `pnpm test` on a machine without one runs everything else and says what
// it left out. OUTDIAL_TEST_REDIS=required (CI) makes a missing Redis an error; =off leaves them out.
import { connect } from 'node:net';

export const TEST_REDIS_URL = process.env.OUTDIAL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** @returns whether the Redis cases run */
export async function redisForTests() {
  const mode = process.env.OUTDIAL_TEST_REDIS ?? 'auto';
  if (mode === 'off') return false;
  const { hostname, port } = new URL(TEST_REDIS_URL);
  const reachable = await new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
  if (reachable) return true;
  const where = `${hostname}:${port || 6379}`;
  if (mode === 'required') throw new Error(`OUTDIAL_TEST_REDIS=required, but no Redis answers at ${where}`);
  if (process.env.OUTDIAL_TEST_REDIS_WARNED) return false;
  process.env.OUTDIAL_TEST_REDIS_WARNED = '1';
  console.warn(
    `\n⚠ No Redis at ${where} (OUTDIAL_TEST_REDIS_URL): the Redis cases of the shared rate limit are left out.\n`,
  );
  return false;
}
