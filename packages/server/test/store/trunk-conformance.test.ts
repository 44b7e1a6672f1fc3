/**
 * The per-trunk side of the stores: stored CPS budgets (ports/trunk-budget-store.ts) and one
 * trunk's view of the dial backlog (TrunkFilter), over every store implementation (store-kinds.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallRow } from '../../src/ports/call-store';
import type { Stores } from '../../src/ports/stores';
import { newCallRow } from '../support/call-rows';
import { STORES } from './store-kinds';

const T0 = Date.parse('2027-01-04T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

for (const kind of STORES) {
  describe(`${kind.name} trunks`, () => {
    let stores: Stores;
    let count = 0;

    beforeEach(async () => {
      stores = await kind.open();
      count = 0;
      await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at(0).toISOString() });
      for (const [id, sipTrunkId] of [
        ['agent_default', null],
        ['agent_main', 'ST_main'],
        ['agent_other', 'ST_other'],
        ['agent_other_too', 'ST_other'],
      ] as const) {
        await stores.agents.insert({
          id,
          organization_id: 'org_a',
          name: id,
          type: 'voice',
          status: 'active',
          phone_numbers: JSON.stringify(['+14155551234']),
          livekit_agent_name: null,
          sip_trunk_id: sipTrunkId,
          created_at: at(0).toISOString(),
          updated_at: at(0).toISOString(),
        });
      }
    });
    afterEach(() => stores.close());

    const queued = async (agentId: string): Promise<CallRow> => {
      const initiated = await stores.calls.insertInitiated(
        newCallRow({
          id: `call_${String(++count).padStart(4, '0')}`,
          organization_id: 'org_a',
          agent_id: agentId,
          started_at: at(count).toISOString(),
        }),
      );
      return (await stores.calls.transition(initiated.id, 'queued', { from: ['initiated'] })) as CallRow;
    };

    it('stores, replaces, lists in trunk order and removes budgets', async () => {
      expect(await stores.trunkBudgets.list()).toEqual([]);
      await stores.trunkBudgets.set('ST_b', 20, at(1));
      expect(await stores.trunkBudgets.set('ST_a', 5, at(2))).toEqual({
        trunkId: 'ST_a',
        cps: 5,
        updatedAt: at(2).toISOString(),
      });
      await stores.trunkBudgets.set('ST_b', 30, at(3));
      expect(await stores.trunkBudgets.list()).toEqual([
        { trunkId: 'ST_a', cps: 5, updatedAt: at(2).toISOString() },
        { trunkId: 'ST_b', cps: 30, updatedAt: at(3).toISOString() },
      ]);
      expect(await stores.trunkBudgets.remove('ST_a')).toBe(true);
      expect(await stores.trunkBudgets.remove('ST_a')).toBe(false);
      expect((await stores.trunkBudgets.list()).map((b) => b.trunkId)).toEqual(['ST_b']);
    });

    it("reads one trunk's queued and live calls: the default trunk also has the agents naming none", async () => {
      const onDefault = await queued('agent_default');
      const onMainByName = await queued('agent_main');
      const onOther = await queued('agent_other');
      const onOtherToo = await queued('agent_other_too');
      const ids = async (trunkId: string, isDefault: boolean) =>
        (await stores.dialBacklog.queuedAfter(undefined, 10, { trunkId, isDefault })).map((key) => key.id);
      // ST_main is the server's default trunk here: its own calls and those naming no trunk.
      expect(await ids('ST_main', true)).toEqual([onDefault.id, onMainByName.id]);
      expect(await ids('ST_other', false)).toEqual([onOther.id, onOtherToo.id]);
      expect(await ids('ST_none', false)).toEqual([]);
      expect(await stores.dialBacklog.agentTrunkIds()).toEqual(['ST_main', 'ST_other']);

      await stores.dialBacklog.claim(onOther.id);
      await stores.dialBacklog.claim(onDefault.id);
      const live = async (trunkId: string, isDefault: boolean) =>
        (await stores.dialBacklog.liveCalls({ trunkId, isDefault })).map((call) => call.id).sort();
      expect(await live('ST_other', false)).toEqual([onOther.id]);
      expect(await live('ST_main', true)).toEqual([onDefault.id]);
      expect((await stores.dialBacklog.liveCalls()).length).toBe(2);
      // Handed back because its agent moved: queued again, its place kept, the reason recorded.
      const back = await stores.dialBacklog.unclaim(onOther.id, at(10), 'trunk_changed');
      expect(back?.status).toBe('queued');
      expect(await ids('ST_other', false)).toEqual([onOther.id, onOtherToo.id]);
    });
  });
}
