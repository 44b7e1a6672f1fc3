/**
 * The Dial queue view (`GET /api/v1/queue`, issue 17), on every target through @outdial/sdk:
 * its shape, a placed call's dial counted in the last minute of its trunk, and the counts scoped
 * to the caller's organization.
 */
import { AuthenticationError, Outdial, TERMINAL_STATUSES, type TrunkQueue } from '@outdial/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TARGETS, type TargetHandle } from './contract-targets';

let uniqueNumber = 0;
const freshNumber = () => `+1312556${String(1000 + uniqueNumber++).padStart(4, '0')}`;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const dialsOf = (trunks: readonly TrunkQueue[]) => sum(trunks.flatMap((t) => t.dialsLastMinute));

describe.each(CONTRACT_TARGETS)('the queue view on the $name', ({ start }) => {
  let target: TargetHandle;
  let outdial: Outdial;
  let other: Outdial;

  beforeAll(async () => {
    target = await start();
    outdial = new Outdial({ apiKey: target.apiKey, baseUrl: target.baseUrl, maxRetries: 0 });
    other = new Outdial({ apiKey: target.otherApiKey, baseUrl: target.baseUrl, maxRetries: 0 });
  });
  afterAll(() => target?.stop());

  it('lists the default trunk with its budget even when nothing is queued', async () => {
    const { at, trunks } = await outdial.queue.get();
    expect(Number.isNaN(Date.parse(at))).toBe(false);
    expect(trunks.length).toBeGreaterThanOrEqual(1);
    for (const trunk of trunks) {
      expect(trunk.trunkId).not.toBe('');
      expect(trunk.cps).toBeGreaterThan(0);
      expect(trunk.queuedByPriority).toHaveLength(11);
      expect(sum(trunk.queuedByPriority)).toBe(trunk.queued);
      expect(trunk.dialsLastMinute).toHaveLength(60);
      expect(trunk.leader).not.toBe('');
    }
    expect(trunks.map((t) => t.trunkId)).toEqual(trunks.map((t) => t.trunkId).sort());
  });

  it("counts a placed call's dial in the last minute of its trunk, for its organization only", async () => {
    const otherBefore = dialsOf((await other.queue.get()).trunks);
    const before = dialsOf((await outdial.queue.get()).trunks);
    const call = await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber: freshNumber() });
    const final = await outdial.calls.waitForTerminalStatus(call.id, { timeoutMs: 20_000 });
    expect(TERMINAL_STATUSES).toContain(final.status);
    const after = await outdial.queue.get();
    expect(dialsOf(after.trunks)).toBe(before + 1);
    expect(after.trunks.every((t) => t.queued === sum(t.queuedByPriority))).toBe(true);
    expect(dialsOf((await other.queue.get()).trunks)).toBe(otherBefore);
  });

  it('refuses a request without a valid API key', async () => {
    const stranger = new Outdial({ apiKey: 'od_not_a_key', baseUrl: target.baseUrl, maxRetries: 0 });
    await expect(stranger.queue.get()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
