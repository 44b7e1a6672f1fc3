import { describe, expect, it } from 'vitest';
import type { DialCountRow, QueueDepthRow } from '../ports/dial-backlog';
import { TrunkQueues } from './trunk-queues';

const NOW = new Date('2026-12-02T10:00:30.400Z');

function queues(depth: QueueDepthRow[], dials: DialCountRow[], defaultTrunkId?: string) {
  const asked: Date[] = [];
  const trunkQueues = new TrunkQueues({
    backlog: {
      organizationDepthByTrunk: async () => depth,
      organizationDialsSince: async (_org, since) => {
        asked.push(since);
        return dials;
      },
    },
    clock: { now: () => NOW },
    cps: 25,
    defaultTrunkId,
    budgets: { list: async () => [{ trunkId: 'ST_budgeted', cps: 7, updatedAt: NOW.toISOString() }] },
    leader: async () => 'host:1',
  });
  return { trunkQueues, asked };
}

describe('TrunkQueues', () => {
  it('reads the 60 whole seconds ending with the one now running, oldest first', async () => {
    const { trunkQueues, asked } = queues(
      [],
      [
        { sipTrunkId: null, second: '2026-12-02T09:59:31', calls: 2 },
        { sipTrunkId: null, second: '2026-12-02T10:00:30', calls: 3 },
        { sipTrunkId: null, second: '2026-12-02T10:00:00', calls: 1 },
      ],
    );
    const { trunks, at } = await trunkQueues.of('org');
    expect(at).toBe(NOW.toISOString());
    expect(asked).toEqual([new Date('2026-12-02T09:59:31.000Z')]);
    const [trunk] = trunks;
    expect(trunk?.dialsLastMinute[0]).toBe(2);
    expect(trunk?.dialsLastMinute[29]).toBe(1);
    expect(trunk?.dialsLastMinute[59]).toBe(3);
    expect(trunk?.dialsLastMinute.reduce((a, b) => a + b)).toBe(6);
  });

  it('merges agents naming the default trunk with agents naming none, and lists it when idle', async () => {
    const idle = await queues([], [], 'ST_default').trunkQueues.of('org');
    expect(idle.trunks).toEqual([
      {
        trunkId: 'ST_default',
        cps: 25,
        queued: 0,
        queuedByPriority: new Array(11).fill(0),
        dialsLastMinute: new Array(60).fill(0),
        leader: 'host:1',
      },
    ]);
    const { trunks } = await queues(
      [
        { sipTrunkId: null, priority: 0, calls: 2 },
        { sipTrunkId: 'ST_default', priority: 0, calls: 1 },
        { sipTrunkId: 'ST_b', priority: 10, calls: 4 },
      ],
      [{ sipTrunkId: 'ST_c', second: '2026-12-02T10:00:30', calls: 1 }],
      'ST_default',
    ).trunkQueues.of('org');
    expect(trunks.map((t) => [t.trunkId, t.queued, t.queuedByPriority[0], t.queuedByPriority[10]])).toEqual([
      ['ST_b', 4, 0, 4],
      ['ST_c', 0, 0, 0],
      ['ST_default', 3, 3, 0],
    ]);
  });

  it('names the unnamed default trunk `default`', async () => {
    const { trunks } = await queues([{ sipTrunkId: null, priority: 5, calls: 1 }], []).trunkQueues.of('org');
    expect(trunks.map((t) => t.trunkId)).toEqual(['default']);
  });
});
