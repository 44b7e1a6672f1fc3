/**
 * The webhook stores over every store implementation (store-kinds.ts), through the ports only:
 * endpoints scoped by organization; each event's deliveries written with the event (to the
 * enabled, subscribed endpoints of its organization and the call's own URL); claims that respect
 * due times, leases and a call's sequence order, and never hand one delivery to two claimants;
 * organization secrets made once and rotated.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallStatus, NewCall } from '../../src/ports/call-store';
import type { Stores } from '../../src/ports/stores';
import type { WebhookDeliveryRow } from '../../src/ports/webhook-delivery-store';
import type { WebhookEndpointRow } from '../../src/ports/webhook-endpoint-store';
import { newCallRow } from '../support/call-rows';
import { STORES } from './store-kinds';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

for (const kind of STORES) {
  describe(`${kind.name} webhook stores`, () => {
    let stores: Stores;
    let count = 0;

    const newCall = (organizationId: string, webhookUrl: string | null = null): NewCall => {
      count += 1;
      return newCallRow({
        id: `call_${String(count).padStart(4, '0')}`,
        organization_id: organizationId,
        started_at: at(count),
        webhook_url: webhookUrl,
      });
    };

    const endpoint = (id: string, organizationId: string, extra: Partial<WebhookEndpointRow> = {}) =>
      stores.webhookEndpoints.insert({
        id,
        organization_id: organizationId,
        url: `https://example.com/${id}`,
        description: null,
        enabled_events: JSON.stringify(['call.queued', 'call.connecting', 'call.cancelled']),
        status: 'enabled',
        disabled_reason: null,
        secret: 'whsec_c2VjcmV0',
        previous_secret: null,
        previous_secret_expires_at: null,
        failing_since: null,
        created_at: at(count++),
        updated_at: at(count),
        ...extra,
      });

    const move = async (callId: string, to: CallStatus, seconds: number) => {
      const row = await stores.calls.transition(callId, to, { now: new Date(at(seconds)) });
      if (!row) throw new Error(`${callId} could not move to ${to}`);
      return row;
    };

    const page = { limit: 100 };
    const deliveriesOf = (organizationId: string, endpointId: string): Promise<WebhookDeliveryRow[]> =>
      stores.webhookDeliveries.list(organizationId, endpointId, {}, page);

    beforeEach(async () => {
      stores = await kind.open();
      count = 0;
      await stores.organizations.create({ id: 'org_a', name: 'A', created_at: at(0) });
      await stores.organizations.create({ id: 'org_b', name: 'B', created_at: at(0) });
    });
    afterEach(() => stores.close());

    it('keep endpoints within their organization: find, list newest first, update, delete', async () => {
      await endpoint('we_1', 'org_a');
      await endpoint('we_2', 'org_a');
      await endpoint('we_3', 'org_b');
      expect((await stores.webhookEndpoints.list('org_a', page)).map((e) => e.id)).toEqual(['we_2', 'we_1']);
      const first = await stores.webhookEndpoints.list('org_a', { limit: 1 });
      expect(first.map((e) => e.id)).toEqual(['we_2', 'we_1']); // limit + 1 rows
      const after = { t: (first[0] as WebhookEndpointRow).created_at, i: 'we_2' };
      expect((await stores.webhookEndpoints.list('org_a', { limit: 1, after })).map((e) => e.id)).toEqual([
        'we_1',
      ]);
      expect(await stores.webhookEndpoints.find('org_b', 'we_1')).toBeUndefined();
      expect(
        await stores.webhookEndpoints.update('org_b', 'we_1', { url: 'x', updated_at: at(50) }),
      ).toBeUndefined();
      expect(await stores.webhookEndpoints.delete('org_b', 'we_1')).toBe(false);
      const updated = await stores.webhookEndpoints.update('org_a', 'we_1', {
        url: 'https://example.com/new',
        updated_at: at(50),
      });
      expect(updated).toMatchObject({ id: 'we_1', url: 'https://example.com/new', updated_at: at(50) });
      expect(await stores.webhookEndpoints.delete('org_a', 'we_1')).toBe(true);
      expect(await stores.webhookEndpoints.find('org_a', 'we_1')).toBeUndefined();
    });

    it("write each event's deliveries with it: enabled, subscribed endpoints of its organization and the call's URL", async () => {
      await endpoint('we_all', 'org_a');
      await endpoint('we_queued', 'org_a', { enabled_events: JSON.stringify(['call.queued']) });
      await endpoint('we_off', 'org_a', { status: 'disabled' });
      await endpoint('we_other', 'org_b');
      const call = await stores.calls.insertInitiated(newCall('org_a', 'https://example.com/call'));
      expect(call.webhook_url).toBe('https://example.com/call');
      await move(call.id, 'queued', 10);
      await move(call.id, 'connecting', 11);
      const events = await stores.events.listAfter('org_a', { callId: call.id }, null, 10);
      expect((await deliveriesOf('org_a', 'we_all')).map((d) => [d.event_id, d.sequence, d.status])).toEqual([
        [events[1]?.id, 2, 'pending'],
        [events[0]?.id, 1, 'pending'],
      ]);
      expect((await deliveriesOf('org_a', 'we_queued')).map((d) => d.event_type)).toEqual(['call.queued']);
      expect(await deliveriesOf('org_a', 'we_off')).toEqual([]);
      expect(await deliveriesOf('org_b', 'we_other')).toEqual([]);
      // The call's own URL is a target of its own.
      expect(await stores.webhookDeliveries.dueTargets(at(11), 10)).toEqual(
        expect.arrayContaining(['we_all', 'we_queued', 'https://example.com/call']),
      );
      expect(await stores.webhookDeliveries.dueTargets(at(11), 10, ['we_all', 'we_queued'])).toEqual([
        'https://example.com/call',
      ]);
      const [own] = await stores.webhookDeliveries.claim('https://example.com/call', at(11), at(100), 10);
      expect(own).toMatchObject({ endpoint_id: null, url: 'https://example.com/call', sequence: 1 });
    });

    it("claim due deliveries once, a call's events in sequence order, until the lease runs out", async () => {
      await endpoint('we_1', 'org_a');
      const one = await stores.calls.insertInitiated(newCall('org_a'));
      const two = await stores.calls.insertInitiated(newCall('org_a'));
      await move(one.id, 'queued', 10);
      await move(one.id, 'connecting', 11);
      await move(two.id, 'queued', 12);
      // Not due yet.
      expect(await stores.webhookDeliveries.claim('we_1', at(9), at(100), 10)).toEqual([]);
      expect(await stores.webhookDeliveries.nextDueAt()).toBe(at(10));
      // Call one's second event waits for its first.
      const claimed = await stores.webhookDeliveries.claim('we_1', at(20), at(80), 10);
      expect(claimed.map((d) => [d.call_id, d.sequence])).toEqual([
        [one.id, 1],
        [two.id, 1],
      ]);
      expect(claimed.every((d) => d.claimed_until === at(80))).toBe(true);
      // Claimed: no one else gets them while the lease holds.
      expect(await stores.webhookDeliveries.claim('we_1', at(30), at(90), 10)).toEqual([]);
      const first = claimed[0] as WebhookDeliveryRow;
      const attempt = { at: at(31), statusCode: 200, durationMs: 5, error: null, responseBody: 'ok' };
      await stores.webhookDeliveries.recordAttempt(first.id, attempt, {
        status: 'succeeded',
        nextAttemptAt: null,
      });
      // Sent: the call's next event is claimable.
      const next = await stores.webhookDeliveries.claim('we_1', at(32), at(90), 10);
      expect(next.map((d) => [d.call_id, d.sequence])).toEqual([[one.id, 2]]);
      // The lease ran out (its claimant died): due again.
      const again = await stores.webhookDeliveries.claim('we_1', at(81), at(150), 10);
      expect(again.map((d) => d.id)).toEqual([claimed[1]?.id]);
      const recorded = await stores.webhookDeliveries.find('org_a', 'we_1', first.id);
      expect(recorded).toMatchObject({ status: 'succeeded', next_attempt_at: null, claimed_until: null });
      expect(JSON.parse(recorded?.attempts ?? '[]')).toEqual([attempt]);
    });

    it('record the attempts of several deliveries in one write, appending to each log', async () => {
      await endpoint('we_1', 'org_a');
      const calls = [];
      for (let i = 0; i < 3; i++) {
        const call = await stores.calls.insertInitiated(newCall('org_a'));
        await move(call.id, 'queued', 10 + i);
        calls.push(call.id);
      }
      const [a, b, c] = await stores.webhookDeliveries.claim('we_1', at(20), at(80), 10);
      const failedAttempt = {
        at: at(21),
        statusCode: 500,
        durationMs: 3,
        error: 'HTTP 500',
        responseBody: '',
      };
      const okAttempt = { at: at(22), statusCode: 204, durationMs: 2, error: null, responseBody: '' };
      await stores.webhookDeliveries.recordAttempt(a?.id ?? '', failedAttempt, {
        status: 'pending',
        nextAttemptAt: at(26),
      });
      await stores.webhookDeliveries.recordAttempts([
        {
          deliveryId: a?.id ?? '',
          attempt: okAttempt,
          outcome: { status: 'succeeded', nextAttemptAt: null },
        },
        {
          deliveryId: b?.id ?? '',
          attempt: failedAttempt,
          outcome: { status: 'pending', nextAttemptAt: at(26) },
        },
        // Nothing sent (the endpoint was disabled meanwhile): no attempt, only the outcome.
        { deliveryId: c?.id ?? '', attempt: null, outcome: { status: 'failed', nextAttemptAt: null } },
        // Deleted meanwhile: nothing to record, and no error.
        { deliveryId: 'wd_gone', attempt: okAttempt, outcome: { status: 'succeeded', nextAttemptAt: null } },
      ]);
      const log = new Map((await deliveriesOf('org_a', 'we_1')).map((d) => [d.id, d]));
      expect(log.get(a?.id ?? '')).toMatchObject({
        status: 'succeeded',
        next_attempt_at: null,
        claimed_until: null,
      });
      expect(JSON.parse(log.get(a?.id ?? '')?.attempts ?? '')).toEqual([failedAttempt, okAttempt]);
      expect(log.get(b?.id ?? '')).toMatchObject({
        status: 'pending',
        next_attempt_at: at(26),
        claimed_until: null,
      });
      expect(JSON.parse(log.get(b?.id ?? '')?.attempts ?? '')).toEqual([failedAttempt]);
      expect(log.get(c?.id ?? '')).toMatchObject({ status: 'failed', attempts: '[]' });
    });

    it('hand one delivery to one of two claimants at once', async () => {
      await endpoint('we_1', 'org_a');
      for (let i = 0; i < 20; i++) {
        const call = await stores.calls.insertInitiated(newCall('org_a'));
        await move(call.id, 'queued', 10);
      }
      const [a, b] = await Promise.all([
        stores.webhookDeliveries.claim('we_1', at(20), at(80), 15),
        stores.webhookDeliveries.claim('we_1', at(20), at(80), 15),
      ]);
      const ids = [...(a ?? []), ...(b ?? [])].map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(20);
    });

    it('retry a delivery now, fail pending ones when an endpoint is disabled, and delete the log with it', async () => {
      await endpoint('we_1', 'org_a');
      const call = await stores.calls.insertInitiated(newCall('org_a'));
      await move(call.id, 'queued', 10);
      await move(call.id, 'cancelled', 11);
      const [later, earlier] = await deliveriesOf('org_a', 'we_1');
      await stores.webhookDeliveries.recordAttempt(
        earlier?.id ?? '',
        { at: at(12), statusCode: 500, durationMs: 1, error: 'HTTP 500', responseBody: '' },
        { status: 'failed', nextAttemptAt: null },
      );
      expect(
        await stores.webhookDeliveries.makeDue('org_b', 'we_1', earlier?.id ?? '', at(13)),
      ).toBeUndefined();
      expect(
        await stores.webhookDeliveries.makeDue('org_a', 'we_1', earlier?.id ?? '', at(13)),
      ).toMatchObject({
        status: 'pending',
        next_attempt_at: at(13),
      });
      await stores.webhookEndpoints.update('org_a', 'we_1', { status: 'disabled', updated_at: at(14) });
      expect((await deliveriesOf('org_a', 'we_1')).map((d) => [d.id, d.status, d.next_attempt_at])).toEqual([
        [later?.id, 'failed', null],
        [earlier?.id, 'failed', null],
      ]);
      expect(await stores.webhookDeliveries.list('org_a', 'we_1', { status: 'pending' }, page)).toEqual([]);
      // Retention: settled deliveries made before the cutoff go.
      expect(await stores.webhookDeliveries.purgeBefore(new Date(at(11)))).toBe(1);
      expect((await deliveriesOf('org_a', 'we_1')).map((d) => d.id)).toEqual([later?.id]);
      expect(await stores.webhookEndpoints.delete('org_a', 'we_1')).toBe(true);
      expect(await deliveriesOf('org_a', 'we_1')).toEqual([]);
    });

    it("make an organization's secret once, and rotate it keeping the previous one", async () => {
      const row = {
        secret: 'whsec_one',
        previous_secret: null,
        previous_secret_expires_at: null,
        updated_at: at(1),
      };
      const made = await stores.webhookSecrets.ensure({ organization_id: 'org_a', ...row });
      expect(made.secret).toBe('whsec_one');
      // A second caller gets the stored one.
      expect(
        (await stores.webhookSecrets.ensure({ organization_id: 'org_a', ...row, secret: 'whsec_two' }))
          .secret,
      ).toBe('whsec_one');
      const rotated = await stores.webhookSecrets.rotate('org_a', {
        secret: 'whsec_three',
        previousSecretExpiresAt: at(86_400),
        updatedAt: at(2),
      });
      expect(rotated).toMatchObject({
        organization_id: 'org_a',
        secret: 'whsec_three',
        previous_secret: 'whsec_one',
        previous_secret_expires_at: at(86_400),
      });
      expect(
        (await stores.webhookSecrets.ensure({ organization_id: 'org_b', ...row, secret: 'whsec_b' })).secret,
      ).toBe('whsec_b');
    });
  });
}
