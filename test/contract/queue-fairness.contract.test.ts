/**
 * Fair queueing within one priority (issue 14), on every target through @outdial/sdk: the queue
 * positions of two batches of one priority alternate between them, and a single call queued
 * behind both waits only for the calls sharing its turn (one per batch), not for the batches. The batches are paused right after creation, so what
 * is left queued stays put while it is read (their calls dialed before the pause only shorten the
 * lines).
 */
import { type Call, Outdial } from '@outdial/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TARGETS, type TargetHandle } from './contract-targets';

let uniqueNumber = 0;
const freshNumber = () => `+1718555${String(1000 + uniqueNumber++).padStart(4, '0')}`;

describe.each(CONTRACT_TARGETS)('queue fairness on the $name', ({ start }) => {
  let target: TargetHandle;
  let outdial: Outdial;

  beforeAll(async () => {
    target = await start();
    outdial = new Outdial({ apiKey: target.apiKey, baseUrl: target.baseUrl, maxRetries: 0 });
  });
  afterAll(() => target?.stop());

  const pausedBatch = async (name: string, size: number): Promise<string> => {
    const batch = await outdial.batches.create({
      name,
      agentId: target.agents.voice.id,
      priority: 5,
      // One call of each at a time until the pause: most of the calls are still queued by then.
      maxConcurrentCalls: 1,
      calls: Array.from({ length: size }, () => ({ phoneNumber: freshNumber() })),
    });
    await outdial.batches.pause(batch.id);
    return batch.id;
  };

  /** The queued calls of these batches, each read on its own, in queue order; read until two reads agree. */
  const queuedInOrder = async (batchIds: string[]): Promise<Call[]> => {
    const read = async () => {
      const calls: Call[] = [];
      for (const batchId of batchIds) {
        for (const listed of await outdial.calls.list({ batchId }).toArray()) {
          const call = await outdial.calls.get(listed.id);
          if (call.status === 'queued') calls.push(call);
        }
      }
      return calls.sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0));
    };
    let previous = await read();
    for (;;) {
      const next = await read();
      const same = (calls: Call[]) => calls.map((c) => `${c.id}:${c.queuePosition}`).join();
      if (same(next) === same(previous)) return next;
      previous = next;
    }
  };

  it('takes turns between two batches of one priority, and puts a later single call within one turn of the head', async () => {
    const first = await pausedBatch('First', 6);
    const second = await pausedBatch('Second', 4);
    const queued = await queuedInOrder([first, second]);
    // Positions are exact: nothing else is queued on this target.
    expect(queued.map((call) => call.queuePosition)).toEqual(queued.map((_, i) => i + 1));
    const lanes = queued.map((call) => (call.batchId === first ? 'A' : 'B'));
    const firstOfSecond = lanes.indexOf('B');
    // Not first come, first served (all of the first batch, then the second): the second batch's
    // head is right behind the first's head (one more back when the first's pause handed a claimed
    // call back to the queue with its old turn), one turn back for each of its own calls dialed
    // before its pause (on a loaded machine the pause can come after two), and the first batch
    // still has calls after it.
    const dialedOfSecond = 4 - lanes.filter((lane) => lane === 'B').length;
    expect(firstOfSecond).toBeGreaterThanOrEqual(0);
    expect(firstOfSecond).toBeLessThanOrEqual(2 + dialedOfSecond);
    expect(lanes.lastIndexOf('A')).toBeGreaterThan(firstOfSecond);

    const single = await outdial.calls.create({
      agentId: target.agents.voice.id,
      phoneNumber: freshNumber(),
      priority: 5,
    });
    const read = await outdial.calls.get(single.id);
    // Dialed at once, or waiting behind the calls that share its turn (one per batch): never
    // behind the whole of either batch.
    if (read.status === 'queued') expect(read.queuePosition).toBeLessThanOrEqual(3);
    for (const id of [first, second]) await outdial.batches.cancel(id);
  });
});
