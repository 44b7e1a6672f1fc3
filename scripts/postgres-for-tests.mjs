// Whether the PostgreSQL suites run (vitest.config.ts): the store conformance suite's and the
// contract suite's PostgreSQL entries and the `server-postgres` project. They need a PostgreSQL
// server at OUTDIAL_TEST_DATABASE_URL; `pnpm test` on a machine without one runs everything else
// and says what it left out. OUTDIAL_TEST_POSTGRES=required (CI) makes a missing server an error,
// so a green CI run always includes them; =off leaves them out on purpose.
import { connect } from 'node:net';

export const TEST_DATABASE_URL =
  process.env.OUTDIAL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** @returns whether the PostgreSQL suites run */
export async function postgresForTests() {
  const mode = process.env.OUTDIAL_TEST_POSTGRES ?? 'auto';
  if (mode === 'off') return false;
  const { hostname, port } = new URL(TEST_DATABASE_URL);
  const reachable = await new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 5432) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
  if (reachable) return true;
  const where = `${hostname}:${port || 5432}`;
  if (mode === 'required')
    throw new Error(`OUTDIAL_TEST_POSTGRES=required, but no PostgreSQL answers at ${where}`);
  // vitest evaluates its config once per project, in one process: say it once.
  if (process.env.OUTDIAL_TEST_POSTGRES_WARNED) return false;
  process.env.OUTDIAL_TEST_POSTGRES_WARNED = '1';
  console.warn(
    `\n⚠ No PostgreSQL at ${where} (OUTDIAL_TEST_DATABASE_URL): the PostgreSQL suites are left out ` +
      '(store conformance and contract entries, the server-postgres project). Start one to run them.\n',
  );
  return false;
}
