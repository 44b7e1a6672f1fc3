/**
 * One suite over every store implementation (store-kinds.ts), through the ports only: what any
 * database behind the server must do.
 */

import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { CallStatus } from '@outdial/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentRow } from '../../src/ports/agent-store';
import type { CallRow, NewCall } from '../../src/ports/call-store';
import type { Stores } from '../../src/ports/stores';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../../src/store/call-transitions';
import { newCallRow } from '../support/call-rows';
import { STORES } from './store-kinds';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
/** The instant `seconds` after T0, as stored. */
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

for (const kind of STORES) {
  describe(`${kind.name} stores`, () => {
    let stores: Stores;
    let agent: AgentRow;
    let otherAgent: AgentRow;
    let callCount = 0;

    const agentRow = (
      organizationId: string,
      id: string,
      seconds: number,
      fields: Partial<AgentRow> = {},
    ) => ({
      id,
      organization_id: organizationId,
      name: `Agent ${id}`,
      type: 'voice' as const,
      status: 'active' as const,
      phone_numbers: JSON.stringify(['+14155551234']),
      livekit_agent_name: null,
      sip_trunk_id: null,
      created_at: at(seconds),
      updated_at: at(seconds),
      ...fields,
    });

    const newCall = (fields: Partial<NewCall> = {}): NewCall => {
      callCount += 1;
      return newCallRow({
        id: `call_${String(callCount).padStart(4, '0')}`,
        organization_id: agent.organization_id,
        agent_id: agent.id,
        agent_name: agent.name,
        started_at: at(callCount),
        ...fields,
      });
    };

    /** A call created and moved to `queued`, as the calls service does. */
    const queuedCall = async (fields: Partial<NewCall> = {}): Promise<CallRow> => {
      const initiated = await stores.calls.insertInitiated(newCall(fields));
      const queued = await stores.calls.transition(initiated.id, 'queued');
      if (!queued) throw new Error('could not queue');
      return queued;
    };

    beforeEach(async () => {
      stores = await kind.open();
      callCount = 0;
      await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at(0) });
      await stores.organizations.create({ id: 'org_b', name: 'B', created_at: at(1) });
      agent = await stores.agents.insert(agentRow('org_a', 'agent-a', 0, { sip_trunk_id: 'ST_a' }));
      otherAgent = await stores.agents.insert(agentRow('org_b', 'agent-b', 0));
    });
    afterEach(() => stores.close());

    it('is migrated when opened, and takes a write', async () => {
      expect(await stores.migrateToLatest()).toEqual([]);
      await stores.probeWritable(new Date());
      await stores.probeWritable(new Date());
    });

    describe('organizations', () => {
      it('keeps names unique and finds by id or name, oldest first', async () => {
        expect(
          await stores.organizations.create({ id: 'org_c', name: 'A', created_at: at(2) }),
        ).toBeUndefined();
        expect(await stores.organizations.findById('org_b')).toEqual({
          id: 'org_b',
          name: 'B',
          created_at: at(1),
        });
        expect((await stores.organizations.findByName('A'))?.id).toBe('org_a');
        expect(await stores.organizations.findById('A')).toBeUndefined();
        expect((await stores.organizations.list()).map((o) => o.id)).toEqual(['org_a', 'org_b']);
      });
    });

    describe('api keys', () => {
      const key = (id: string, organizationId: string, hash: string, seconds: number) => ({
        id,
        organization_id: organizationId,
        prefix: 'od_abcde',
        key_hash: hash,
        created_at: at(seconds),
        revoked_at: null,
      });

      it('finds an active key by its hash; a revoked one no more, keeping the first revocation', async () => {
        await stores.apiKeys.insert(key('key_1', 'org_a', 'aa'.repeat(32), 1));
        await stores.apiKeys.insert(key('key_2', 'org_b', 'bb'.repeat(32), 2));
        expect((await stores.apiKeys.findActiveByHash('aa'.repeat(32)))?.organization_id).toBe('org_a');
        expect(await stores.apiKeys.findActiveByHash('cc'.repeat(32))).toBeUndefined();

        expect((await stores.apiKeys.revoke('key_1', at(10)))?.revoked_at).toBe(at(10));
        expect((await stores.apiKeys.revoke('key_1', at(20)))?.revoked_at).toBe(at(10));
        expect(await stores.apiKeys.findActiveByHash('aa'.repeat(32))).toBeUndefined();
        expect(await stores.apiKeys.revoke('key_unknown', at(20))).toBeUndefined();
        expect((await stores.apiKeys.findActiveByHash('bb'.repeat(32)))?.id).toBe('key_2');
      });

      it("lists an organization's keys only, revoked included, oldest first", async () => {
        await stores.apiKeys.insert(key('key_2', 'org_a', '02'.repeat(32), 2));
        await stores.apiKeys.insert(key('key_1', 'org_a', '01'.repeat(32), 1));
        await stores.apiKeys.insert(key('key_3', 'org_b', '03'.repeat(32), 3));
        await stores.apiKeys.revoke('key_2', at(5));
        expect((await stores.apiKeys.list('org_a')).map((k) => [k.id, k.revoked_at])).toEqual([
          ['key_1', null],
          ['key_2', at(5)],
        ]);
      });
    });

    describe('agents', () => {
      it("reads, updates and deletes only within the agent's organization", async () => {
        expect(await stores.agents.find('org_a', 'agent-a')).toEqual(agent);
        expect(await stores.agents.find('org_b', 'agent-a')).toBeUndefined();

        expect(
          await stores.agents.update('org_b', 'agent-a', { name: 'Stolen', updated_at: at(9) }),
        ).toBeUndefined();
        const updated = await stores.agents.update('org_a', 'agent-a', {
          name: 'Renamed',
          status: 'inactive',
          sip_trunk_id: null,
          updated_at: at(9),
        });
        expect(updated).toEqual({
          ...agent,
          name: 'Renamed',
          status: 'inactive',
          sip_trunk_id: null,
          updated_at: at(9),
        });

        expect(await stores.agents.delete('org_b', 'agent-a')).toBe(false);
        expect(await stores.agents.delete('org_a', 'agent-a')).toBe(true);
        expect(await stores.agents.delete('org_a', 'agent-a')).toBe(false);
        expect(await stores.agents.find('org_a', 'agent-a')).toBeUndefined();
        expect(await stores.agents.find('org_b', 'agent-b')).toEqual(otherAgent);
      });

      it('pages newest first by (created_at, id), one row more than the limit', async () => {
        // Two agents share a timestamp: the id breaks the tie.
        for (const [id, seconds] of [
          ['agent-c', 5],
          ['agent-d', 5],
          ['agent-e', 7],
        ] as const) {
          await stores.agents.insert(agentRow('org_a', id, seconds));
        }
        const first = await stores.agents.list('org_a', { limit: 2 });
        expect(first.map((a) => a.id)).toEqual(['agent-e', 'agent-d', 'agent-c']);
        const last = first[1] as AgentRow;
        const second = await stores.agents.list('org_a', {
          limit: 2,
          after: { t: last.created_at, i: last.id },
        });
        expect(second.map((a) => a.id)).toEqual(['agent-c', 'agent-a']);
        expect((await stores.agents.listAll('org_a')).map((a) => a.id)).toEqual([
          'agent-a',
          'agent-c',
          'agent-d',
          'agent-e',
        ]);
      });
    });

    describe('calls', () => {
      it('creates a call as initiated with its first event, linked to its Idempotency-Key claim', async () => {
        await stores.idempotency.claim({
          organization_id: 'org_a',
          key: 'k1',
          request_hash: 'h',
          created_at: at(0),
          expires_at: at(100),
        });
        const call = await stores.calls.insertInitiated(newCall(), { organizationId: 'org_a', key: 'k1' });
        expect(call).toMatchObject({ status: 'initiated', cancellation: null, id: 'call_0001' });
        expect(await stores.calls.find(call.id)).toEqual(call);
        expect(await stores.calls.find('call_missing')).toBeUndefined();
        expect((await stores.calls.events(call.id)).map((e) => [e.from_status, e.to_status])).toEqual([
          [null, 'initiated'],
        ]);
        const claim = await stores.idempotency.claim({
          organization_id: 'org_a',
          key: 'k1',
          request_hash: 'h',
          created_at: at(1),
          expires_at: at(101),
        });
        expect(claim).toMatchObject({ claimed: false, existing: { call_id: call.id } });
      });

      it('assigns seq in insertion order', async () => {
        const first = await stores.calls.insertInitiated(newCall());
        const second = await stores.calls.insertInitiated(newCall());
        expect(second.seq).toBeGreaterThan(first.seq);
      });

      it('creates a call straight into queued: row, both events, deliveries and the completed key, published once', async () => {
        await stores.idempotency.claim({
          organization_id: 'org_a',
          key: 'k1',
          request_hash: 'h',
          created_at: at(0),
          expires_at: at(100),
        });
        const messages: CallTransitionMessage[] = [];
        const onMessage = (message: unknown) => messages.push(message as CallTransitionMessage);
        subscribe(CALL_TRANSITION_CHANNEL, onMessage);
        let call: CallRow;
        try {
          call = await stores.calls.create(
            newCall({ webhook_url: 'https://hooks.example.com/a' }),
            { to: 'queued' },
            {
              organizationId: 'org_a',
              key: 'k1',
              response: (created) => ({ status: 201, body: { id: created.id, status: created.status } }),
            },
          );
        } finally {
          unsubscribe(CALL_TRANSITION_CHANNEL, onMessage);
        }
        expect(call).toMatchObject({ id: 'call_0001', status: 'queued', dial_turn: 0 });
        expect(await stores.calls.find(call.id)).toEqual(call);
        const events = await stores.calls.events(call.id);
        expect(events.map((e) => [e.from_status, e.to_status, e.sequence])).toEqual([
          [null, 'initiated', null],
          ['initiated', 'queued', 1],
        ]);
        expect(JSON.parse(events[1]?.call_snapshot ?? '')).toEqual(call);
        expect(await stores.webhookDeliveries.dueTargets('9999-01-01T00:00:00.000Z', 10)).toEqual([
          'https://hooks.example.com/a',
        ]);
        const ours = messages.filter((m) => m.calls === stores.calls);
        expect(ours.map((m) => [m.from, m.to, m.webhookDeliveries])).toEqual([['initiated', 'queued', 1]]);
        const replay = await stores.idempotency.claim({
          organization_id: 'org_a',
          key: 'k1',
          request_hash: 'h',
          created_at: at(1),
          expires_at: at(101),
        });
        expect(replay).toMatchObject({
          claimed: false,
          existing: { state: 'completed', response_status: 201, call_id: call.id },
        });
        if (!replay.claimed)
          expect(JSON.parse(replay.existing.response_body ?? '')).toEqual({ id: call.id, status: 'queued' });
      });

      it('creates a call straight into scheduled with its patch, outside the Dial queue', async () => {
        const call = await stores.calls.create(newCall(), {
          to: 'scheduled',
          patch: { scheduled_at: at(500) },
          details: { reason: 'scheduled' },
        });
        expect(call).toMatchObject({ status: 'scheduled', scheduled_at: at(500), dial_turn: null });
        const events = await stores.calls.events(call.id);
        expect(events.map((e) => [e.to_status, JSON.parse(e.details)])).toEqual([
          ['initiated', {}],
          ['scheduled', { reason: 'scheduled' }],
        ]);
      });

      it('writes nothing of a create that fails, and lets concurrent creates of the same tick through', async () => {
        const taken = await stores.calls.create(newCall(), { to: 'queued' });
        await stores.idempotency.claim({
          organization_id: 'org_a',
          key: 'k2',
          request_hash: 'h',
          created_at: at(0),
          expires_at: at(100),
        });
        // Started together (SQLite commits them in one transaction): the one reusing an id fails
        // alone, and takes its Idempotency-Key record's completion with it.
        const outcomes = await Promise.allSettled([
          stores.calls.create(newCall(), { to: 'queued' }),
          stores.calls.create(
            newCall({ id: taken.id }),
            { to: 'queued' },
            {
              organizationId: 'org_a',
              key: 'k2',
              response: () => ({ status: 201, body: {} }),
            },
          ),
          stores.calls.create(newCall(), { to: 'queued' }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        const created = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
        expect(created.map((c) => c.id)).toEqual(['call_0002', 'call_0004']);
        for (const call of created) expect(await stores.calls.find(call.id)).toEqual(call);
        // PostgreSQL may commit them in either order.
        expect(created.map((c) => c.dial_turn).sort()).toEqual([1, 2]);
        expect((await stores.calls.events(taken.id)).map((e) => e.to_status)).toEqual([
          'initiated',
          'queued',
        ]);
        expect(await stores.calls.countByStatus(['queued'])).toEqual({ queued: 3 });
        const key = await stores.idempotency.claim({
          organization_id: 'org_a',
          key: 'k2',
          request_hash: 'h',
          created_at: at(1),
          expires_at: at(101),
        });
        expect(key).toMatchObject({ claimed: false, existing: { state: 'in_progress', call_id: null } });
      });

      it("lists an organization's calls newest first, filtered, walking every page once", async () => {
        const calls: CallRow[] = [];
        for (let i = 0; i < 7; i++) {
          calls.push(
            await stores.calls.insertInitiated(
              newCall({ phone_number: i % 2 ? '+14155550001' : '+14155550002' }),
            ),
          );
        }
        await stores.calls.insertInitiated(newCall({ organization_id: 'org_b', agent_id: otherAgent.id }));
        await stores.calls.transition(calls[0]?.id as string, 'queued');

        const seen: string[] = [];
        let after: { t: string; i: string } | undefined;
        for (;;) {
          const rows = await stores.calls.list('org_a', {}, { limit: 3, after });
          const page = rows.slice(0, 3);
          seen.push(...page.map((c) => c.id));
          if (rows.length <= 3) break;
          const last = page.at(-1) as CallRow;
          after = { t: last.started_at, i: last.id };
        }
        expect(seen).toEqual(calls.map((c) => c.id).reverse());

        const ids = async (filters: Parameters<Stores['calls']['list']>[1]) =>
          (await stores.calls.list('org_a', filters, { limit: 100 })).map((c) => c.id);
        expect(await ids({ phoneNumber: '+14155550001' })).toEqual(['call_0006', 'call_0004', 'call_0002']);
        expect(await ids({ statuses: ['queued'] })).toEqual(['call_0001']);
        expect(await ids({ statuses: ['queued', 'initiated'], agentId: 'agent-b' })).toEqual([]);
        expect(await ids({ startDate: at(2), endDate: at(3) })).toEqual(['call_0003', 'call_0002']);
        expect(await stores.calls.list('org_b', {}, { limit: 100 })).toHaveLength(1);
      });

      it('counts, finds and looks up calls by status', async () => {
        const a = await queuedCall();
        const b = await queuedCall();
        await stores.calls.insertInitiated(newCall());
        await stores.calls.transition(a.id, 'connecting');
        expect(await stores.calls.countByStatus(['queued', 'connecting', 'active'])).toEqual({
          queued: 1,
          connecting: 1,
          active: 0,
        });
        expect(await stores.calls.idsWithStatus(['initiated'])).toEqual(['call_0003']);
        expect(await stores.calls.idsWithStatus([])).toEqual([]);
        const statuses = await stores.calls.statusesOf([a.id, b.id, 'call_missing']);
        expect(statuses.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
          { id: a.id, status: 'connecting' },
          { id: b.id, status: 'queued' },
        ]);
      });
    });

    describe('status transitions', () => {
      it('apply changes of one call that race one after the other, never losing one', async () => {
        // Two LiveKit webhooks of one call (ringing, answered) handled at the same moment: whichever
        // commits first, the call ends up active. On PostgreSQL, without the row lock taken by the
        // status read, both transactions read `connecting` and the second's guarded update matched
        // nothing once the first had committed.
        for (let round = 0; round < 20; round++) {
          const call = await queuedCall();
          await stores.calls.transition(call.id, 'connecting');
          await Promise.all([
            stores.calls.transition(call.id, 'ringing'),
            stores.calls.transition(call.id, 'active'),
          ]);
          expect((await stores.calls.find(call.id))?.status).toBe('active');
        }
      });

      it('follow the status machine, write the patch and record each change', async () => {
        const call = await queuedCall();
        const active = await stores.calls.transition(call.id, 'active');
        expect(active).toBeUndefined(); // queued → active is not in the table
        await stores.calls.transition(call.id, 'connecting');
        const answered = await stores.calls.transition(call.id, 'active', {
          patch: { answered_at: at(50), sip_participant_id: 'PA_1' },
          details: { source: 'test' },
          now: new Date(at(50)),
        });
        expect(answered).toMatchObject({
          status: 'active',
          answered_at: at(50),
          sip_participant_id: 'PA_1',
          updated_at: at(50),
        });
        const events = await stores.calls.events(call.id);
        expect(events.map((e) => [e.from_status, e.to_status])).toEqual([
          [null, 'initiated'],
          ['initiated', 'queued'],
          ['queued', 'connecting'],
          ['connecting', 'active'],
        ]);
        expect(JSON.parse(events.at(-1)?.details ?? '{}')).toEqual({ source: 'test' });
      });

      it('never resurrect a finished call, and record nothing when refused', async () => {
        const call = await queuedCall();
        await stores.calls.transition(call.id, 'cancelled', { patch: { cancellation: 'before_dial' } });
        const late: CallStatus[] = ['queued', 'connecting', 'ringing', 'active', 'completed', 'failed'];
        for (const to of late) expect(await stores.calls.transition(call.id, to)).toBeUndefined();
        expect(await stores.calls.find(call.id)).toMatchObject({
          status: 'cancelled',
          cancellation: 'before_dial',
        });
        expect(await stores.calls.events(call.id)).toHaveLength(3);
        expect(await stores.calls.transition('call_missing', 'queued')).toBeUndefined();
      });

      it('honour a narrower set of sources', async () => {
        const call = await queuedCall();
        expect(
          await stores.calls.transition(call.id, 'failed', { from: ['connecting', 'ringing'] }),
        ).toBeUndefined();
        expect((await stores.calls.transition(call.id, 'failed', { from: ['queued'] }))?.status).toBe(
          'failed',
        );
      });

      it('publish each committed change, naming their store', async () => {
        const messages: CallTransitionMessage[] = [];
        const onMessage = (message: unknown) => messages.push(message as CallTransitionMessage);
        subscribe(CALL_TRANSITION_CHANNEL, onMessage);
        try {
          const call = await queuedCall();
          await stores.calls.transition(call.id, 'completed'); // refused: not published
          await stores.calls.transition(call.id, 'cancelled', { details: { reason: 'test' } });
        } finally {
          unsubscribe(CALL_TRANSITION_CHANNEL, onMessage);
        }
        const ours = messages.filter((m) => m.calls === stores.calls);
        expect(ours.map((m) => [m.from, m.to, m.call.status])).toEqual([
          ['initiated', 'queued', 'queued'],
          ['queued', 'cancelled', 'cancelled'],
        ]);
        expect(ours[1]?.details).toEqual({ reason: 'test' });
      });
    });

    describe('idempotency records', () => {
      const claim = (organizationId: string, key: string, hash: string, seconds: number, ttl = 100) =>
        stores.idempotency.claim({
          organization_id: organizationId,
          key,
          request_hash: hash,
          created_at: at(seconds),
          expires_at: at(seconds + ttl),
        });

      it('let the first claim win; others see it, in its organization only', async () => {
        expect(await claim('org_a', 'k', 'h1', 0)).toEqual({ claimed: true });
        expect(await claim('org_a', 'k', 'h2', 1)).toMatchObject({
          claimed: false,
          existing: { request_hash: 'h1', state: 'in_progress', created_at: at(0) },
        });
        expect(await claim('org_b', 'k', 'h2', 1)).toEqual({ claimed: true });
      });

      it('keep the response of a completed request, until the record expires', async () => {
        await claim('org_a', 'k', 'h', 0);
        await stores.idempotency.complete('org_a', 'k', {
          status: 201,
          body: { data: { id: 'x' } },
          callId: 'x',
        });
        const replay = await claim('org_a', 'k', 'h', 10);
        expect(replay).toMatchObject({
          claimed: false,
          existing: { state: 'completed', response_status: 201, call_id: 'x' },
        });
        if (!replay.claimed)
          expect(JSON.parse(replay.existing.response_body ?? '')).toEqual({ data: { id: 'x' } });
        // The release of an in-progress claim leaves a completed record alone.
        await stores.idempotency.release('org_a', 'k');
        expect((await claim('org_a', 'k', 'h', 20)).claimed).toBe(false);
        expect(await claim('org_a', 'k', 'other', 100)).toEqual({ claimed: true });
      });

      it('drop a released claim, and an abandoned one only as it was seen', async () => {
        await claim('org_a', 'k', 'h', 0);
        await stores.idempotency.release('org_a', 'k');
        expect(await claim('org_a', 'k', 'h', 1)).toEqual({ claimed: true });

        const seen = await claim('org_a', 'k', 'h', 2);
        if (seen.claimed) throw new Error('expected the existing claim');
        await stores.idempotency.dropAbandoned({ ...seen.existing, created_at: at(99) });
        expect((await claim('org_a', 'k', 'h', 3)).claimed).toBe(false);
        await stores.idempotency.dropAbandoned(seen.existing);
        expect(await claim('org_a', 'k', 'h', 4)).toEqual({ claimed: true });
      });
    });

    describe('dial backlog', () => {
      it('reads queued calls by priority then turn, strictly after a cursor', async () => {
        const p5a = await queuedCall({ priority: 5 });
        const p0 = await queuedCall({ priority: 0 });
        const p5b = await queuedCall({ priority: 5 });
        const p10 = await queuedCall({ priority: 10 });
        await stores.calls.insertInitiated(newCall({ priority: 0 })); // not queued: never read
        const cancelled = await queuedCall({ priority: 0 });
        await stores.calls.transition(cancelled.id, 'cancelled');

        const key = (c: CallRow) => ({
          id: c.id,
          organizationId: c.organization_id,
          priority: c.priority,
          // Single calls: one turn after another within a priority (store/sqlite/dial-turns.ts).
          turn: Number(c.dial_turn),
          seq: c.seq,
        });
        expect([p5a, p0, p5b, p10].map((c) => c.dial_turn)).toEqual([0, 0, 1, 0]);
        expect(await stores.dialBacklog.queuedAfter(undefined, 10)).toEqual([p0, p5a, p5b, p10].map(key));
        expect(await stores.dialBacklog.queuedAfter(undefined, 2)).toEqual([p0, p5a].map(key));
        expect(await stores.dialBacklog.queuedAfter(key(p5a), 10)).toEqual([p5b, p10].map(key));
        expect(await stores.dialBacklog.queuedAfter(key(p10), 10)).toEqual([]);
      });

      it('claims a queued call once, also when claims race, and never a cancelled one', async () => {
        const call = await queuedCall();
        const claims = await Promise.all([1, 2, 3].map(() => stores.dialBacklog.claim(call.id)));
        expect(claims.filter((c) => c !== undefined)).toHaveLength(1);
        expect(claims.find((c) => c)?.status).toBe('connecting');
        expect(await stores.dialBacklog.claim(call.id)).toBeUndefined();
        expect(await stores.dialBacklog.queuedAfter(undefined, 10)).toEqual([]);

        const cancelled = await queuedCall();
        await stores.calls.transition(cancelled.id, 'cancelled');
        expect(await stores.dialBacklog.claim(cancelled.id)).toBeUndefined();
        const events = await stores.calls.events(call.id);
        expect(JSON.parse(events.at(-1)?.details ?? '{}')).toEqual({ source: 'dial_queue' });
      });

      it('hands a claimed call back to the queue at the turn it had, and nothing else', async () => {
        const first = await queuedCall({ priority: 5 });
        const second = await queuedCall({ priority: 5 });
        expect([first.dial_turn, second.dial_turn]).toEqual([0, 1]);
        await stores.dialBacklog.claim(first.id);
        await stores.dialBacklog.recordLiveKitIds(
          first.id,
          { room_id: `outdial-${first.id}` },
          new Date(at(5)),
        );
        const back = await stores.dialBacklog.unclaim(first.id, new Date(at(6)));
        // Its old turn, ahead of the call queued after it (a new turn would put it behind).
        expect(back).toMatchObject({ status: 'queued', dial_turn: 0, room_id: null, updated_at: at(6) });
        expect((await stores.dialBacklog.queuedAfter(undefined, 10)).map((key) => key.id)).toEqual([
          first.id,
          second.id,
        ]);
        const events = await stores.calls.events(first.id);
        expect(events.slice(-2).map((e) => [e.from_status, e.to_status])).toEqual([
          ['queued', 'connecting'],
          ['connecting', 'queued'],
        ]);
        expect(JSON.parse(events.at(-1)?.details ?? '{}')).toEqual({ source: 'batch_paused' });
        // Only a connecting call goes back: a queued, ringing or ended one does not.
        expect(await stores.dialBacklog.unclaim(first.id, new Date(at(7)))).toBeUndefined();
        await stores.dialBacklog.claim(second.id);
        await stores.calls.transition(second.id, 'ringing');
        expect(await stores.dialBacklog.unclaim(second.id, new Date(at(8)))).toBeUndefined();
      });

      it("reads the agent's dial settings as they are now, and records a dial's LiveKit ids", async () => {
        expect(await stores.dialBacklog.agentDialSettings('agent-a')).toEqual({
          livekitAgentName: null,
          sipTrunkId: 'ST_a',
        });
        await stores.agents.update('org_a', 'agent-a', { livekit_agent_name: 'worker', updated_at: at(5) });
        expect(await stores.dialBacklog.agentDialSettings('agent-a')).toEqual({
          livekitAgentName: 'worker',
          sipTrunkId: 'ST_a',
        });
        expect(await stores.dialBacklog.agentDialSettings('agent-gone')).toBeUndefined();

        const call = await queuedCall();
        await stores.dialBacklog.recordLiveKitIds(call.id, { room_id: 'RM_1' }, new Date(at(60)));
        await stores.dialBacklog.recordLiveKitIds(call.id, { job_id: 'AJ_1' }, new Date(at(61)));
        expect(await stores.calls.find(call.id)).toMatchObject({
          room_id: 'RM_1',
          job_id: 'AJ_1',
          updated_at: at(61),
          status: 'queued',
        });
      });

      it("counts the queue by the agent's trunk and priority", async () => {
        await queuedCall({ priority: 0 });
        await queuedCall({ priority: 0 });
        await queuedCall({ priority: 5 });
        await queuedCall({ priority: 5, organization_id: 'org_b', agent_id: otherAgent.id });
        await queuedCall({ priority: 5, agent_id: 'agent-deleted' });
        await stores.calls.insertInitiated(newCall());
        const depth = await stores.dialBacklog.depthByTrunk();
        const sorted = [...depth].sort(
          (a, b) => String(a.sipTrunkId).localeCompare(String(b.sipTrunkId)) || a.priority - b.priority,
        );
        expect(sorted).toEqual([
          { sipTrunkId: null, priority: 5, calls: 2 },
          { sipTrunkId: 'ST_a', priority: 0, calls: 2 },
          { sipTrunkId: 'ST_a', priority: 5, calls: 1 },
        ]);
      });

      it("counts one organization's queue by trunk and priority", async () => {
        await queuedCall({ priority: 0 });
        await queuedCall({ priority: 5, agent_id: 'agent-deleted' });
        await queuedCall({ priority: 5, organization_id: 'org_b', agent_id: otherAgent.id });
        await queuedCall({ priority: 5, organization_id: 'org_b', agent_id: otherAgent.id });
        const sort = (rows: { sipTrunkId: string | null; priority: number }[]) =>
          [...rows].sort((a, b) => String(a.sipTrunkId).localeCompare(String(b.sipTrunkId)));
        expect(sort(await stores.dialBacklog.organizationDepthByTrunk('org_a'))).toEqual([
          { sipTrunkId: null, priority: 5, calls: 1 },
          { sipTrunkId: 'ST_a', priority: 0, calls: 1 },
        ]);
        expect(await stores.dialBacklog.organizationDepthByTrunk('org_b')).toEqual([
          { sipTrunkId: null, priority: 5, calls: 2 },
        ]);
        expect(await stores.dialBacklog.organizationDepthByTrunk('org_none')).toEqual([]);
      });

      it("counts one organization's dial starts per trunk and second, from the call events", async () => {
        const dial = async (seconds: number, fields: Partial<NewCall> = {}) => {
          const call = await queuedCall(fields);
          await stores.calls.transition(call.id, 'connecting', { now: new Date(T0 + seconds * 1000) });
          return call;
        };
        await dial(100.1);
        await dial(100.9);
        await dial(101.5);
        await dial(101.6, { agent_id: 'agent-deleted' });
        await dial(40); // before the window
        await dial(100.5, { organization_id: 'org_b', agent_id: otherAgent.id });
        // Queued and cancelled are not dials.
        const cancelled = await queuedCall();
        await stores.calls.transition(cancelled.id, 'cancelled', { now: new Date(T0 + 100_200) });
        // Nor is a claim handed back before its INVITE (a paused batch); its later dial is one.
        const handedBack = await dial(101.2);
        await stores.dialBacklog.unclaim(handedBack.id, new Date(T0 + 101_300));
        await stores.calls.transition(handedBack.id, 'connecting', { now: new Date(T0 + 140_000) });
        const rows = await stores.dialBacklog.organizationDialsSince('org_a', new Date(T0 + 60_000));
        const sorted = [...rows].sort(
          (a, b) =>
            String(a.sipTrunkId).localeCompare(String(b.sipTrunkId)) || a.second.localeCompare(b.second),
        );
        expect(sorted).toEqual([
          { sipTrunkId: null, second: '2026-01-01T00:01:41', calls: 1 },
          { sipTrunkId: 'ST_a', second: '2026-01-01T00:01:40', calls: 2 },
          { sipTrunkId: 'ST_a', second: '2026-01-01T00:01:41', calls: 1 },
          { sipTrunkId: 'ST_a', second: '2026-01-01T00:02:20', calls: 1 },
        ]);
      });
    });
  });
}
