import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { newCallRow } from '../../../test/support/call-rows';
import { openSqliteStores } from './sqlite-stores';
import { type WalCheckpoint, WalCheckpointer } from './wal-checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function databaseFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outdial-wal-'));
  dirs.push(dir);
  return join(dir, 'outdial.db');
}

/** ~2 pages a row: 300 rows fill the WAL with ~600 frames, short of any automatic checkpoint. */
async function fillWal(stores: Awaited<ReturnType<typeof openSqliteStores>>, rows = 300): Promise<void> {
  await sql`create table if not exists scratch (b blob)`.execute(stores.db);
  for (let i = 0; i < rows; i += 50)
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 50)
      insert into scratch (b) select randomblob(6000) from n`.execute(stores.db);
}

const writerAutocheckpoint = async (stores: Awaited<ReturnType<typeof openSqliteStores>>) =>
  (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(stores.db)).rows[0]
    ?.wal_autocheckpoint;

it('checkpoints a file on its worker, the writer keeping its own as a far-out safety net', async () => {
  const checkpoints: WalCheckpoint[] = [];
  const stores = await openSqliteStores({
    path: databaseFile(),
    walCheckpointIntervalMs: 20,
    walCheckpointThreadAfter: 0,
    onWalCheckpoint: (checkpoint) => checkpoints.push(checkpoint),
  });
  try {
    expect(stores.walCheckpointsOnThread).toBe(true);
    await expect.poll(() => writerAutocheckpoint(stores)).toBe(10_000);
    await fillWal(stores);
    // The writer would checkpoint only past 10,000 pages: these come from the worker.
    await expect.poll(() => checkpoints.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(checkpoints.reduce((sum, c) => sum + c.checkpointedFrames, 0)).toBeGreaterThan(100);
  } finally {
    await stores.close();
  }
});

it('keeps every commit through the worker stopping on close', async () => {
  const path = databaseFile();
  const stores = await openSqliteStores({ path, walCheckpointIntervalMs: 20, walCheckpointThreadAfter: 0 });
  await fillWal(stores);
  await stores.close();
  const reopened = await openSqliteStores({ path, walCheckpoints: 'inline' });
  try {
    const { rows } = await sql<{ n: number }>`select count(*) as n from scratch`.execute(reopened.db);
    expect(rows).toEqual([{ n: 300 }]);
  } finally {
    await reopened.close();
  }
});

it('leaves the checkpoints to the writer inline, and on a database in memory', async () => {
  const checkpoints: WalCheckpoint[] = [];
  for (const path of [databaseFile(), ':memory:']) {
    const stores = await openSqliteStores({
      path,
      walCheckpoints: path === ':memory:' ? 'worker' : 'inline',
      walCheckpointIntervalMs: 20,
      walCheckpointThreadAfter: 0,
      onWalCheckpoint: (checkpoint) => checkpoints.push(checkpoint),
    });
    try {
      expect(stores.walCheckpointsOnThread).toBe(false);
      expect(await writerAutocheckpoint(stores)).toBe(1000);
      await fillWal(stores, 100);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await stores.close();
    }
  }
  expect(checkpoints).toEqual([]);
});

it('reports a worker that exits unasked, and not one that was stopped', async () => {
  let exits = 0;
  // Not created yet: the worker's connection wants an existing file.
  const broken = new WalCheckpointer({
    path: databaseFile(),
    onWorkerExit: () => exits++,
  });
  await expect.poll(() => exits, { timeout: 10_000 }).toBe(1);
  await broken.stop();

  const path = databaseFile();
  const stores = await openSqliteStores({ path, walCheckpoints: 'inline' });
  const healthy = new WalCheckpointer({ path, intervalMs: 20, onWorkerExit: () => exits++ });
  await healthy.stop();
  await stores.close();
  expect(exits).toBe(1);
});

it("moves the checkpoints to their thread only after the store's first changes", async () => {
  const stores = await openSqliteStores({ path: databaseFile(), walCheckpointThreadAfter: 3 });
  try {
    const at = new Date().toISOString();
    await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at });
    const call = (id: string) => newCallRow({ id, organization_id: 'org_a', started_at: at });
    await stores.calls.create(call('call_1'), { to: 'queued' });
    await stores.calls.create(call('call_2'), { to: 'queued' });
    // Another store's changes are not counted (channels are process-wide).
    const other = await openSqliteStores({ path: ':memory:' });
    await other.organizations.create({ id: 'org_a', name: 'A', created_at: at });
    await other.calls.create(call('call_9'), { to: 'queued' });
    await other.close();
    expect(stores.walCheckpointsOnThread).toBe(false);
    expect(await writerAutocheckpoint(stores)).toBe(1000);
    await stores.calls.transition('call_1', 'cancelled');
    expect(stores.walCheckpointsOnThread).toBe(true);
    expect(await writerAutocheckpoint(stores)).toBe(10_000);
  } finally {
    await stores.close();
  }
});
