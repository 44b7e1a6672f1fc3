/**
 * LISTEN/NOTIFY wake-ups over the machine's real PostgreSQL: delivered to every listener when the
 * writing transaction commits, never for one rolled back, and made up for after a lost
 * connection by `onReconnect`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../test/support/polling';
import { TEST_DATABASE_URL } from '../../test/support/postgres-database';
import { PostgresNotifications } from './postgres-notifications';

describe.skipIf(process.env.OUTDIAL_TEST_POSTGRES === 'skip')('PostgreSQL notifications', () => {
  const channel = `outdial:test_${randomBytes(6).toString('hex')}:calls`;
  const open: PostgresNotifications[] = [];
  const clients: pg.Client[] = [];
  afterEach(async () => {
    for (const n of open.splice(0)) await n.stop();
    for (const c of clients.splice(0)) await c.end();
  });

  const listener = async (onReconnect?: () => void) => {
    const notifications = new PostgresNotifications({
      url: TEST_DATABASE_URL,
      channel,
      retryMs: 50,
      ...(onReconnect ? { onReconnect } : {}),
    });
    open.push(notifications);
    await notifications.start();
    const received: string[] = [];
    notifications.subscribe((payload) => received.push(payload));
    return received;
  };
  const writer = async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    clients.push(client);
    await client.connect();
    return client;
  };

  it('delivers to every listener once the transaction commits, and never for a rollback', async () => {
    const a = await listener();
    const b = await listener();
    const client = await writer();
    await client.query('begin');
    await client.query('select pg_notify($1, $2)', [channel, 'rolled back']);
    await client.query('rollback');
    await client.query('begin');
    await client.query('select pg_notify($1, $2)', [channel, 'call_1']);
    // Not before the commit: listeners would re-read and find nothing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a).toEqual([]);
    const sentAt = performance.now();
    await client.query('commit');
    await waitUntil(() => a.length === 1 && b.length === 1);
    console.info(`NOTIFY → listener after commit: ${(performance.now() - sentAt).toFixed(2)} ms`);
    expect(a).toEqual(['call_1']);
    expect(b).toEqual(['call_1']);
  });

  it('reconnects after its connection is cut, and says so, so the listener re-reads', async () => {
    let reconnects = 0;
    const received = await listener(() => {
      reconnects += 1;
    });
    const admin = await writer();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where pid <> pg_backend_pid() and query = $1`,
      [`listen "${channel}"`],
    );
    await waitUntil(() => reconnects === 1);
    await admin.query('select pg_notify($1, $2)', [channel, 'after']);
    await waitUntil(() => received.includes('after'));
  });
});
