/**
 * ReplicaDialQueue's terms over stand-in Dial queues (the real one is proved by
 * dial-queue-restart.test.ts and, across processes, by test/replicas-failover.test.ts): a term
 * starts as after a restart, losing the lead abdicates at once, a new term does not wait for the
 * old one's dials, and other replicas' signals reach the current queue.
 */
import { describe, expect, it } from 'vitest';
import type { DialQueue } from '../dial/dial-queue';
import { ReplicaDialQueue } from './replica-dial-queue';

interface StandIn {
  log: string[];
  running: boolean;
  settle(): void;
}

function standIns() {
  const made: StandIn[] = [];
  const createQueue = () => {
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const standIn: StandIn = { log: [], running: false, settle };
    made.push(standIn);
    const queue = {
      get running() {
        return standIn.running;
      },
      pendingTeardowns: 0,
      async start(options: unknown) {
        standIn.log.push(`start ${JSON.stringify(Object.keys(options as object))}`);
        standIn.running = true;
      },
      abdicate() {
        standIn.log.push('abdicate');
        standIn.running = false;
        return settled;
      },
      async pauseBatch(batchId: string) {
        standIn.log.push(`pause ${batchId}`);
      },
      limitBatch(batchId: string, max: number) {
        standIn.log.push(`limit ${batchId} ${max}`);
      },
      notifyQueued(call: { id: string }) {
        standIn.log.push(`queued ${call.id}`);
      },
      async cancelledElsewhere(callId: string) {
        standIn.log.push(`cancelled ${callId}`);
      },
      rereadBacklog() {
        standIn.log.push('reread');
      },
    };
    return queue as unknown as DialQueue;
  };
  const queue = new ReplicaDialQueue({
    createQueue,
    cps: 10,
    batches: {
      pausedIds: async () => ['batch_paused'],
      concurrencyLimits: async () => [{ id: 'batch_limited', maxConcurrentCalls: 3 }],
    },
    takeoverQuietMs: 5,
    logger: { info: () => {}, error: () => {} },
  });
  return { queue, made };
}

describe('ReplicaDialQueue', () => {
  it('follows until it leads; a term starts as after a restart, after the quiet window', async () => {
    const { queue, made } = standIns();
    expect(queue.running).toBe(false);
    queue.lead();
    await queue.settled();
    expect(queue.leading).toBe(true);
    expect(queue.running).toBe(true);
    expect(made[1]?.log).toEqual([
      'pause batch_paused',
      'limit batch_limited 3',
      'start ["reconcileInBackground","firstDialAfter","undialedGraceMs"]',
    ]);
    // The follower's idle queue never started.
    expect(made[0]?.log).toEqual([]);
  });

  it('abdicates at once when the lead is lost, and a new term does not wait for the old dials', async () => {
    const { queue, made } = standIns();
    queue.lead();
    await queue.settled();
    queue.follow();
    expect(made[1]?.log.at(-1)).toBe('abdicate');
    expect(queue.running).toBe(false);
    // The old term's dials have not settled, and the lead comes back.
    queue.lead();
    await queue.settled();
    expect(queue.running).toBe(true);
    const closed = queue.close();
    made[1]?.settle();
    made[3]?.settle();
    await closed;
    expect(made[3]?.log.at(-1)).toBe('abdicate');
  });

  it("hands what reaches it to the current term's queue", async () => {
    const { queue, made } = standIns();
    queue.lead();
    await queue.settled();
    queue.notifyQueued({ id: 'call_1', priority: 5, seq: 1 });
    await queue.cancelledElsewhere('call_2');
    await queue.pauseBatch('batch_1');
    queue.rereadBacklog();
    expect(made[1]?.log.slice(3)).toEqual(['queued call_1', 'cancelled call_2', 'pause batch_1', 'reread']);
  });
});
