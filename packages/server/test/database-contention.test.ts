/**
 * Another process writing the server's SQLite file while the server works: writes wait for the
 * lock instead of failing, a dial's outcome that cannot be written is retried until it can (no
 * call stays connecting or ringing until a restart), and /readyz tells when writes are refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, Outdial } from '@outdial/sdk';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type ForeignWriter, startForeignWriter } from './support/foreign-writer';
import { FAST_TIMINGS, startTestServer, TERMINAL, type TestServer } from './support/test-server';

const CALLS = 100;
let dir: string;
let t: TestServer | undefined;
let writer: ForeignWriter | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outdial-contention-'));
});
afterEach(async () => {
  await writer?.stop();
  writer = undefined;
  await t?.close();
  t = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function placeCall(server: TestServer, index: number): Promise<{ status: number; id?: string }> {
  // Raw HTTP: the status as the server sent it.
  const response = await server.request('/api/v1/calls/outbound', {
    method: 'POST',
    body: { agentId: server.acme.voiceAgentId, phoneNumber: `+1415556${String(index).padStart(4, '0')}` },
  });
  return { status: response.status, id: response.body?.data?.id };
}

async function statuses(server: TestServer, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await server.request(`/api/v1/calls/${id}`)).body.data.status));
}

it('a second process taking the write lock over and over: no 500, no call stuck', async () => {
  const dbPath = join(dir, 'outdial.db');
  const server = await startTestServer({ dbPath });
  t = server;
  // A real client: it retries a dropped connection with the same Idempotency-Key, as every
  // client of a server whose event loop a lock wait can stall must.
  const outdial = new Outdial({ apiKey: server.acme.apiKey, baseUrl: server.url });
  writer = await startForeignWriter(dbPath, { holdMs: [2, 20], gapMs: [2, 15] });
  const ids: string[] = [];
  const errors: unknown[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < CALLS) {
        const index = next++;
        await outdial.calls
          .create({
            agentId: server.acme.voiceAgentId,
            phoneNumber: `+1415556${String(index).padStart(4, '0')}`,
          })
          .then(
            (call) => ids.push(call.id),
            (error: unknown) => errors.push(error),
          );
      }
    }),
  );
  expect(errors).toEqual([]);
  expect(ids).toHaveLength(CALLS);
  await expect
    .poll(async () => (await statuses(server, ids)).every((s) => TERMINAL.includes(s)), {
      timeout: 60_000,
      interval: 200,
    })
    .toBe(true);
  const commits = await writer.stop();
  writer = undefined;
  // The other process really competed for the lock throughout.
  expect(commits).toBeGreaterThan(20);
  expect(errors.filter((e) => e instanceof ApiError)).toEqual([]);
}, 120_000);

it('outcome writes refused while another process holds the lock are retried: the calls finish without a restart', async () => {
  const dbPath = join(dir, 'outdial.db');
  // Writes give up after 100 ms, so a lock held for 3 s makes them fail, as on a full disk.
  t = await startTestServer({
    dbPath,
    databaseBusyTimeoutMs: 100,
    // Rings long enough that all ten ring at once even on a loaded machine.
    emulatorTimings: { ...FAST_TIMINGS, ringMs: 2_500 },
  });
  const server = t;
  const ids = (await Promise.all(Array.from({ length: 10 }, (_, i) => placeCall(server, i)))).map(
    (r) => r.id as string,
  );
  await expect
    .poll(async () => (await statuses(server, ids)).every((s) => s === 'ringing'), {
      timeout: 10_000,
      interval: 20,
    })
    .toBe(true);
  // The answers arrive while the lock is held: their writes fail, then must be retried.
  writer = await startForeignWriter(dbPath, { holdMs: [3000, 3000], gapMs: [0, 0], rounds: 1 });
  const readiness = await server.request('/readyz');
  expect(readiness.status).toBe(503);
  expect(readiness.body).toMatchObject({ status: 'not_ready', checks: { database: 'error' } });
  await writer.stop();
  writer = undefined;
  await expect
    .poll(async () => (await statuses(server, ids)).every((s) => s === 'completed'), {
      timeout: 20_000,
      interval: 50,
    })
    .toBe(true);
  expect((await server.request('/readyz')).body.checks.database).toBe('ok');
}, 60_000);
