/**
 * Trunk leadership over the machine's real PostgreSQL: one leader per trunk, found by any
 * replica; failover when the leader stops, when its connection is cut, and when its process is
 * SIGKILLed; and a replica that loses its connection stops leading at once.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../test/support/polling';
import { TEST_DATABASE_URL } from '../../test/support/postgres-database';
import { TrunkLeadership, type TrunkLeadershipOptions } from './trunk-leadership';

const RETRY_MS = 100;

describe.skipIf(process.env.OUTDIAL_TEST_POSTGRES === 'skip')('trunk leadership on PostgreSQL', () => {
  const started: TrunkLeadership[] = [];
  const namespace = `test_${randomBytes(6).toString('hex')}`;
  afterEach(async () => {
    for (const leadership of started.splice(0)) await leadership.stop();
  });

  const replica = (replicaId: string, options: Partial<TrunkLeadershipOptions> = {}) => {
    const leadership = new TrunkLeadership({
      url: TEST_DATABASE_URL,
      namespace,
      replicaId,
      retryMs: RETRY_MS,
      ...options,
    });
    started.push(leadership);
    return leadership;
  };

  it('gives each trunk one leader, which every replica can name', async () => {
    const a = replica('host-a:1');
    const b = replica('host-b:2');
    await a.start(['ST_1', 'ST_2']);
    await b.start(['ST_1', 'ST_2', 'ST_3']);
    await waitUntil(() => b.leads('ST_3'));
    expect(a.ledTrunks.sort()).toEqual(['ST_1', 'ST_2']);
    expect(b.ledTrunks).toEqual(['ST_3']);
    expect(await b.leaderOf('ST_1')).toBe('host-a:1');
    expect(await a.leaderOf('ST_3')).toBe('host-b:2');
    expect(await a.leaderOf('ST_unknown')).toBeNull();
  });

  it('hands the trunks over when the leader stops', async () => {
    const a = replica('a:1');
    const b = replica('b:2');
    await a.start(['ST_1']);
    await b.start(['ST_1']);
    expect(a.leads('ST_1')).toBe(true);
    expect(b.leads('ST_1')).toBe(false);
    await a.stop();
    expect(a.leads('ST_1')).toBe(false);
    await waitUntil(() => b.leads('ST_1'));
    expect(await b.leaderOf('ST_1')).toBe('b:2');
  });

  it('stops leading at once when its connection is cut, and a follower takes over', async () => {
    const changes: [string, boolean][] = [];
    const a = replica('a:1', { onChange: (trunkId, leading) => changes.push([trunkId, leading]) });
    const b = replica('b:2');
    await a.start(['ST_1']);
    await b.start(['ST_1']);
    expect(changes).toEqual([['ST_1', true]]);
    // What a database restart or a network cut does to the leader's session.
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'outdial a:1'",
    );
    await admin.end();
    await waitUntil(() => !a.leads('ST_1'));
    expect(changes).toEqual([
      ['ST_1', true],
      ['ST_1', false],
    ]);
    await waitUntil(() => b.leads('ST_1'));
    // The cut replica reconnects as a follower; it does not take the trunk back.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 5));
    expect(a.leads('ST_1')).toBe(false);
    expect(await a.leaderOf('ST_1')).toBe('b:2');
  });

  it('takes over from a SIGKILLed leader process', async () => {
    const script = fileURLToPath(new URL('../../test/support/leader-child-process.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        JSON.stringify({ url: TEST_DATABASE_URL, namespace, replicaId: 'doomed:1', trunkIds: ['ST_1'] }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('leading ST_1')) resolve();
      });
    });
    const b = replica('b:2');
    await b.start(['ST_1']);
    expect(b.leads('ST_1')).toBe(false);
    expect(await b.leaderOf('ST_1')).toBe('doomed:1');
    const killedAt = performance.now();
    child.kill('SIGKILL');
    await exited;
    await waitUntil(() => b.leads('ST_1'));
    const failoverMs = performance.now() - killedAt;
    // Reported, not asserted (no timed assertions): the bound is the retry interval plus the time
    // PostgreSQL takes to notice the closed socket.
    console.info(`trunk failover after SIGKILL: ${failoverMs.toFixed(0)} ms (retry every ${RETRY_MS} ms)`);
    expect(await b.leaderOf('ST_1')).toBe('b:2');
  });
});
