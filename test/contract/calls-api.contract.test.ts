/**
 * The contract suite: one set of assertions, run against every target (the mock and the real
 * server). Everything goes through @outdial/sdk, except the malformed requests the SDK's types
 * would never let through, which go through fetch.
 */

import { gzipSync } from 'node:zlib';
import { BAD_REQUESTS } from '@outdial/contract/testing';
import {
  type Call,
  type CallStatus,
  NotFoundError,
  Outdial,
  PermissionDeniedError,
  TERMINAL_STATUSES,
  UnprocessableEntityError,
} from '@outdial/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TARGETS, type TargetHandle } from './contract-targets';

const FAST_POLL = { minDelayMs: 20, maxDelayMs: 60, timeoutMs: 20_000 };
let uniqueNumber = 0;
/** A number no other test uses, so list filters see only this test's calls. */
const freshNumber = () => `+1212555${String(1000 + uniqueNumber++).padStart(4, '0')}`;

describe.each(CONTRACT_TARGETS)('the Calls API contract on the $name', ({ start }) => {
  let target: TargetHandle;
  let outdial: Outdial;
  let other: Outdial;
  /** A voice agent set up before any phone number was bought: allowed, but it cannot call. */
  let numberlessAgentId: string;

  beforeAll(async () => {
    target = await start();
    outdial = new Outdial({ apiKey: target.apiKey, baseUrl: target.baseUrl, maxRetries: 0 });
    other = new Outdial({ apiKey: target.otherApiKey, baseUrl: target.baseUrl, maxRetries: 0 });
    numberlessAgentId = (await outdial.agents.create({ name: 'No numbers yet', phoneNumbers: [] })).id;
  });
  afterAll(() => target?.stop());

  describe('createOutboundCall', () => {
    it('queues a call and answers with the contract body', async () => {
      const { data, response } = await outdial.raw.POST('/api/v1/calls/outbound', {
        body: { agentId: target.agents.voice.id, phoneNumber: '+14155552671', metadata: { crm: 'c-1' } },
      });
      expect(response.status).toBe(201);
      expect(data?.message).toBe('Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress.');
      expect(data?.data).toMatchObject({
        status: 'queued',
        agentId: target.agents.voice.id,
        phoneNumber: '+14155552671',
        callerId: target.agents.voice.phoneNumbers[0],
        agent: { id: target.agents.voice.id, type: 'voice' },
        metadata: {
          crm: 'c-1',
          caller_id: target.agents.voice.phoneNumbers[0],
          from_phone_number: target.agents.voice.phoneNumbers[0],
          priority: 5,
        },
      });
      expect(data?.data.id).toMatch(/^call_/);
      expect(response.headers.get('x-request-id')).toBeTruthy();
    });

    it("orders the call's metadata: the caller's keys as sent, then caller_id, from_phone_number, priority", async () => {
      const call = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
        metadata: { zeta: 1, alpha: 2, priority: 'high' },
      });
      const callerId = target.agents.voice.phoneNumbers[0];
      expect(Object.entries(call.metadata)).toEqual([
        ['zeta', 1],
        ['alpha', 2],
        ['priority', 5],
        ['caller_id', callerId],
        ['from_phone_number', callerId],
      ]);
      expect(Object.keys((await outdial.calls.get(call.id)).metadata)).toEqual(Object.keys(call.metadata));
    });

    it('accepts both the x-api-key and the bearer scheme', async () => {
      for (const authScheme of ['x-api-key', 'bearer'] as const) {
        const client = new Outdial({ apiKey: target.apiKey, baseUrl: target.baseUrl, authScheme });
        const call = await client.calls.create({
          agentId: target.agents.voice.id,
          phoneNumber: freshNumber(),
        });
        expect(call.status).toBe('queued');
      }
    });

    it('accepts a gzip-compressed body', async () => {
      const body = { agentId: target.agents.voice.id, phoneNumber: freshNumber() };
      const response = await fetch(`${target.baseUrl}/api/v1/calls/outbound`, {
        method: 'POST',
        headers: {
          'x-api-key': target.apiKey,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
        body: gzipSync(JSON.stringify(body)),
      });
      expect(response.status).toBe(201);
      expect(((await response.json()) as { data: { phoneNumber: string } }).data.phoneNumber).toBe(
        body.phoneNumber,
      );
    });

    it('accepts metadata nested 32 levels deep', async () => {
      let metadata: Record<string, unknown> = {};
      for (let level = 1; level < 32; level++) metadata = { a: metadata };
      const call = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
        metadata,
      });
      expect(call.metadata.a).toEqual(metadata.a);
    });

    it('uses the caller ID asked for when it is one of the agent’s numbers, and keeps priority', async () => {
      const callerId = target.agents.voice.phoneNumbers[1] as string;
      const call = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
        callerId,
        priority: 0,
      });
      expect(call.callerId).toBe(callerId);
      expect(call.metadata).toMatchObject({ caller_id: callerId, from_phone_number: callerId, priority: 0 });
      expect((await outdial.calls.get(call.id)).priority).toBe(0);
    });
  });

  describe('waitForTerminalStatus, for each number of the outcome table', () => {
    const cases: [string, string, CallStatus, (call: Call) => void][] = [
      ['an ordinary number', '+14155552671', 'completed', (c) => expect(c.answeredAt).not.toBeNull()],
      ['the busy number', '+15005550001', 'busy', (c) => expect(c.failureReason).toBeTruthy()],
      ['the unanswered number', '+15005550002', 'no_answer', (c) => expect(c.failureReason).toBeTruthy()],
      ['the trunk-failure number', '+15005550003', 'failed', (c) => expect(c.failureReason).toBeTruthy()],
      ['the early-hangup number', '+15005550004', 'completed', (c) => expect(c.answeredAt).not.toBeNull()],
    ];
    it.each(cases)('%s (%s) ends %s', async (_name, phoneNumber, expected, check) => {
      const call = await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber });
      const seen: string[] = [];
      const final = await outdial.calls.waitForTerminalStatus(call.id, {
        ...FAST_POLL,
        onStatusChange: (c) => seen.push(c.status),
      });
      expect(final.status).toBe(expected);
      expect(final.endedAt).not.toBeNull();
      expect(final.duration).toBeTypeOf('number');
      expect(final.queuePosition).toBeNull();
      expect(final.roomId).toBeTruthy();
      check(final);
      // Statuses only move forward: each is seen once, and the last is the final one.
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.at(-1)).toBe(expected);
    });
  });

  describe('getCall', () => {
    it('returns every field of a Call', async () => {
      const created = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
      });
      const call = await outdial.calls.get(created.id);
      for (const field of [
        'priority',
        'ringTimeoutSeconds',
        'maxDurationSeconds',
        'variables',
        'roomId',
        'jobId',
        'sipParticipantId',
        'answeredAt',
        'endedAt',
        'duration',
        'failureReason',
        'summary',
        'queuePosition',
        'updatedAt',
      ]) {
        expect(call, field).toHaveProperty(field);
      }
      expect(call.ringTimeoutSeconds).toBe(30);
      if (call.status === 'queued') expect(call.queuePosition).toBeGreaterThanOrEqual(1);
      else expect(call.queuePosition).toBeNull();
    });

    it('answers 404 "Call not found" for an unknown id', async () => {
      const error = await outdial.calls.get('call_does_not_exist').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, type: 'not_found', message: 'Call not found' });
    });
  });

  describe('cancelCall, for every status', () => {
    const cancelled = async (call: { id: string }) => {
      const result = await outdial.calls.cancel(call.id);
      expect(result).toEqual({ id: call.id, status: 'cancelled' });
      const after = await outdial.calls.get(call.id);
      expect(after.status).toBe('cancelled');
      expect(after.endedAt).not.toBeNull();
      return after;
    };

    it('cancels a call right after it was queued, and it stays cancelled', async () => {
      const call = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
      });
      const after = await cancelled(call);
      // Right after the create, the dial may or may not have sent its INVITE yet; the call says which.
      expect(['before_dial', 'hung_up']).toContain(after.cancellation);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect((await outdial.calls.get(call.id)).status).toBe('cancelled');
    });

    it.each(['ringing', 'active'] as const)('cancels a %s call', async (status) => {
      const call = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
      });
      await outdial.calls.waitForStatus(call.id, [status], FAST_POLL);
      // Its INVITE had left: the call was hung up in LiveKit.
      expect((await cancelled(call)).cancellation).toBe('hung_up');
    });

    it('cancels an initiated call', async () => {
      const call = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: '+15005550002',
      });
      await target.forceStatus(call.id, 'initiated');
      expect((await cancelled(call)).cancellation).toBe('before_dial');
    });

    it.each([
      ['completed', '+14155552671'],
      ['busy', '+15005550001'],
      ['no_answer', '+15005550002'],
      ['failed', '+15005550003'],
    ] as const)('refuses to cancel a %s call', async (status, phoneNumber) => {
      const call = await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber });
      const ended = await outdial.calls.waitForTerminalStatus(call.id, FAST_POLL);
      expect(ended).toMatchObject({ status, cancellation: null });
      await expect(outdial.calls.cancel(call.id)).rejects.toMatchObject({
        status: 400,
        type: 'call_not_cancellable',
        message: `Cannot cancel call with status: ${status}`,
      });
    });

    it('refuses to cancel a cancelled call', async () => {
      const call = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
      });
      await outdial.calls.cancel(call.id);
      await expect(outdial.calls.cancel(call.id)).rejects.toMatchObject({
        status: 400,
        message: 'Cannot cancel call with status: cancelled',
      });
    });
  });

  describe('idempotency', () => {
    it('replays the original response for the same key and body', async () => {
      const body = { agentId: target.agents.voice.id, phoneNumber: freshNumber() };
      const key = `contract-${crypto.randomUUID()}`;
      const first = await outdial.raw.POST('/api/v1/calls/outbound', {
        body,
        headers: { 'Idempotency-Key': key },
      });
      const second = await outdial.raw.POST('/api/v1/calls/outbound', {
        body,
        headers: { 'Idempotency-Key': key },
      });
      expect(second.response.status).toBe(201);
      expect(second.response.headers.get('Idempotent-Replayed')).toBe('true');
      expect(first.response.headers.get('Idempotent-Replayed')).toBeNull();
      expect(second.data).toEqual(first.data);
      const calls = await outdial.calls.list({ phoneNumber: body.phoneNumber }).firstPage();
      expect(calls.data).toHaveLength(1);
    });

    it('answers 422 idempotency_key_reused for the same key with another body', async () => {
      const key = `contract-${crypto.randomUUID()}`;
      await outdial.calls.create(
        { agentId: target.agents.voice.id, phoneNumber: freshNumber() },
        { idempotencyKey: key },
      );
      const error = await outdial.calls
        .create({ agentId: target.agents.voice.id, phoneNumber: freshNumber() }, { idempotencyKey: key })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect(error).toMatchObject({ status: 422, type: 'idempotency_key_reused' });
    });

    // The body is compared before the first request's progress: another body is a reuse (422)
    // whether the first is done or still in flight, never 409 (openapi.yaml, IdempotencyKey).
    it('answers 422 for another body while the first request is in flight, 201 for the first', async () => {
      const key = `contract-${crypto.randomUUID()}`;
      const send = () =>
        outdial.raw.POST('/api/v1/calls/outbound', {
          body: { agentId: target.agents.voice.id, phoneNumber: freshNumber() },
          headers: { 'Idempotency-Key': key },
        });
      const hold = target.holdCreates();
      const first = send();
      try {
        await hold.entered;
        const others = await Promise.all(Array.from({ length: 5 }, send));
        expect(others.map((r) => r.response.status)).toEqual([422, 422, 422, 422, 422]);
        for (const r of others) expect(r.error).toMatchObject({ error: { type: 'idempotency_key_reused' } });
      } finally {
        hold.release();
      }
      expect((await first).response.status).toBe(201);
    });

    it('answers 409 idempotency_in_progress for the same body while the first is in flight', async () => {
      const key = `contract-${crypto.randomUUID()}`;
      const body = { agentId: target.agents.voice.id, phoneNumber: freshNumber() };
      const send = () =>
        outdial.raw.POST('/api/v1/calls/outbound', { body, headers: { 'Idempotency-Key': key } });
      const hold = target.holdCreates();
      const first = send();
      try {
        await hold.entered;
        const again = await send();
        expect(again.response.status).toBe(409);
        expect(again.response.headers.get('Retry-After')).toBe('1');
        expect(again.error).toMatchObject({ error: { type: 'idempotency_in_progress' } });
      } finally {
        hold.release();
      }
      const created = await first;
      expect(created.response.status).toBe(201);
      expect((await send()).data).toEqual(created.data);
    });

    it('places exactly one call for concurrent duplicates', async () => {
      const body = { agentId: target.agents.voice.id, phoneNumber: freshNumber() };
      const key = `contract-${crypto.randomUUID()}`;
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          outdial.raw.POST('/api/v1/calls/outbound', { body, headers: { 'Idempotency-Key': key } }),
        ),
      );
      const statuses = responses.map((r) => r.response.status);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const ids = new Set(responses.filter((r) => r.response.status === 201).map((r) => r.data?.data.id));
      expect(ids.size).toBe(1);
      for (const r of responses.filter((r) => r.response.status === 409)) {
        expect(r.error).toMatchObject({ error: { type: 'idempotency_in_progress' } });
      }
      expect((await outdial.calls.list({ phoneNumber: body.phoneNumber }).firstPage()).data).toHaveLength(1);
    });
  });

  describe('listCalls', () => {
    it('pages through every call, newest first, with filters', async () => {
      const phoneNumber = freshNumber();
      const created: string[] = [];
      for (let i = 0; i < 5; i++) {
        created.push((await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber })).id);
      }
      const first = await outdial.calls.list({ phoneNumber, limit: 2 }).firstPage();
      expect(first.data).toHaveLength(2);
      expect(first.hasMore).toBe(true);
      const all: string[] = [];
      for await (const call of outdial.calls.list({ phoneNumber, limit: 2 })) all.push(call.id);
      expect(all).toHaveLength(5);
      expect(new Set(all)).toEqual(new Set(created));
      // Newest first.
      expect(all[0]).toBe(created.at(-1));

      const byAgent = await outdial.calls.list({ phoneNumber, agentId: target.agents.voice.id }).firstPage();
      expect(byAgent.data).toHaveLength(5);
      const future = await outdial.calls.list({ phoneNumber, startDate: '2999-01-01T00:00:00Z' }).firstPage();
      expect(future.data).toHaveLength(0);
    });

    it('takes date filters with unencoded reserved characters, as HTTP clients send them', async () => {
      const phoneNumber = freshNumber();
      const call = await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber });
      const list = async (query: string) => {
        // fetch leaves `:` in a query as it is; the SDK would encode it.
        const response = await fetch(
          `${target.baseUrl}/api/v1/calls?phoneNumber=%2B${phoneNumber.slice(1)}&${query}`,
          {
            headers: { 'x-api-key': target.apiKey },
          },
        );
        expect(response.status, query).toBe(200);
        const { data } = (await response.json()) as { data: { calls: { id: string }[] } };
        return data.calls.map((c) => c.id);
      };
      // The spec's own example.
      expect(await list('endDate=2025-12-31T23:59:59Z')).toEqual([]);
      expect(await list('startDate=2000-01-01T00:00:00Z&endDate=2999-12-31T23:59:59Z')).toEqual([call.id]);
    });

    it('compares date filters as instants, whatever the offset', async () => {
      const phoneNumber = freshNumber();
      const call = await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber });
      const startedAt = Date.parse(call.startedAt);
      // The same instants, written in other offsets: 1 s before in +05:30, 1 s after in -08:00.
      const inOffset = (ms: number, minutes: number) => {
        const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
        const sign = minutes < 0 ? '-' : '+';
        const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
        const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
        return `${local}${sign}${hh}:${mm}`;
      };
      const before = inOffset(startedAt - 1000, 330);
      const after = inOffset(startedAt + 1000, -480);
      const ids = async (filters: { startDate?: string; endDate?: string }) =>
        (await outdial.calls.list({ phoneNumber, ...filters }).firstPage()).data.map((c) => c.id);
      expect(await ids({ startDate: before, endDate: after })).toEqual([call.id]);
      expect(await ids({ startDate: after })).toEqual([]);
      expect(await ids({ endDate: before })).toEqual([]);
    });

    it('filters by one or more statuses', async () => {
      const phoneNumber = '+15005550001';
      const call = await outdial.calls.create({ agentId: target.agents.voice.id, phoneNumber });
      await outdial.calls.waitForTerminalStatus(call.id, FAST_POLL);
      const busy: string[] = [];
      for await (const c of outdial.calls.list({ status: ['busy', 'no_answer'], phoneNumber })) {
        expect(['busy', 'no_answer']).toContain(c.status);
        busy.push(c.id);
      }
      expect(busy).toContain(call.id);
      const active = await outdial.calls.list({ status: ['active'], phoneNumber }).firstPage();
      expect(active.data.map((c) => c.id)).not.toContain(call.id);
    });
  });

  describe('organization isolation', () => {
    it("answers 403 for another organization's call, and leaves it out of lists", async () => {
      const call = await outdial.calls.create({
        agentId: target.agents.voice.id,
        phoneNumber: freshNumber(),
      });
      for (const attempt of [() => other.calls.get(call.id), () => other.calls.cancel(call.id)]) {
        const error = await attempt().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PermissionDeniedError);
        expect(error).toMatchObject({
          status: 403,
          type: 'forbidden',
          message: 'Access denied - call belongs to different organization',
        });
      }
      const theirs = [];
      for await (const c of other.calls.list({ limit: 100 })) theirs.push(c.id);
      expect(theirs).not.toContain(call.id);
      expect((await outdial.calls.get(call.id)).status).not.toBe('cancelled');
    });

    it("hides another organization's agents", async () => {
      await expect(other.agents.get(target.agents.voice.id)).rejects.toMatchObject({
        status: 404,
        type: 'agent_not_found',
      });
      await expect(
        other.calls.create({ agentId: target.agents.voice.id, phoneNumber: freshNumber() }),
      ).rejects.toMatchObject({ status: 404, type: 'agent_not_found' });
    });
  });

  describe('agents', () => {
    it('creates, reads, lists, updates and deletes an agent', async () => {
      const agent = await outdial.agents.create({ name: 'Renewals', phoneNumbers: ['+14155550100'] });
      expect(agent).toMatchObject({
        name: 'Renewals',
        type: 'voice',
        status: 'active',
        phoneNumbers: ['+14155550100'],
      });
      expect(await outdial.agents.get(agent.id)).toEqual(agent);
      const listed: string[] = [];
      for await (const a of outdial.agents.list({ limit: 2 })) listed.push(a.id);
      expect(listed).toContain(agent.id);
      const updated = await outdial.agents.update(agent.id, { status: 'inactive' });
      expect(updated.status).toBe('inactive');
      await expect(
        outdial.calls.create({ agentId: agent.id, phoneNumber: freshNumber() }),
      ).rejects.toMatchObject({
        type: 'agent_inactive',
      });
      await outdial.agents.delete(agent.id);
      await expect(outdial.agents.get(agent.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('health', () => {
    it('answers /healthz, /readyz and /openapi.yaml without a key', async () => {
      expect(await (await fetch(`${target.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${target.baseUrl}/readyz`)).json()).toMatchObject({ status: 'ready' });
      expect(await (await fetch(`${target.baseUrl}/openapi.yaml`)).text()).toContain('openapi: 3.1.0');
    });

    it('answers HEAD wherever it answers GET, with the same status and no body', async () => {
      const head = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${target.baseUrl}${path}`, { method: 'HEAD', headers });
      const key = { 'x-api-key': target.apiKey };
      for (const [path, headers, status] of [
        ['/healthz', {}, 200],
        ['/readyz', {}, 200],
        ['/openapi.yaml', {}, 200],
        ['/api/v1/calls', key, 200],
        ['/api/v1/agents', key, 200],
        ['/api/v1/calls', {}, 401],
        ['/api/v1/calls?limit=0', key, 400],
        ['/api/v1/calls/call_unknown', key, 404],
      ] as const) {
        const response = await head(path, headers);
        expect(response.status, path).toBe(status);
        expect(await response.text(), path).toBe('');
        expect(response.headers.get('x-request-id'), path).toBeTruthy();
      }
    });
  });

  describe('malformed and refused requests', () => {
    it.each(BAD_REQUESTS)('$method $path: $name', async (bad) => {
      const placeholders: Record<string, string> = {
        '{voice}': target.agents.voice.id,
        '{chat}': target.agents.chat.id,
        '{inactive}': target.agents.inactive.id,
        '{other}': target.agents.other.id,
        '{numberless}': numberlessAgentId,
        '{apiKey}': target.apiKey,
      };
      const fill = (text: string) =>
        text.replace(/\{(voice|chat|inactive|other|numberless|apiKey)\}/g, (m) => placeholders[m] as string);
      const headers = Object.fromEntries(
        Object.entries(bad.headers ?? {}).map(([name, value]) => [name, fill(value)]),
      );
      if (bad.auth === undefined) headers['x-api-key'] = target.apiKey;
      if (bad.auth === 'unknown-api-key') headers['x-api-key'] = 'od_not_a_real_key';
      if (bad.auth === 'unknown-bearer') headers.authorization = 'Bearer od_not_a_real_key';
      let body: string | Uint8Array | undefined;
      if (typeof bad.body === 'string') body = fill(bad.body);
      else if (bad.body instanceof Uint8Array) body = bad.body;
      else if (bad.body !== undefined) {
        body = fill(JSON.stringify(bad.body));
        headers['content-type'] ??= 'application/json';
      }
      // A placeholder left as it is would pass unnoticed where any wrong value gets the same
      // error (the working key sent as Basic is refused like an unknown one).
      expect(JSON.stringify(headers)).not.toMatch(/\{(voice|chat|inactive|other|numberless|apiKey)\}/);
      const response = await fetch(`${target.baseUrl}${fill(bad.path)}`, {
        method: bad.method,
        headers,
        body,
      });
      const json = (await response.json()) as {
        error: { message: string; code: number; type: string; details?: unknown; requestId: string };
      };
      const { type, message, details } = json.error;
      // toStrictEqual: an envelope without `details` and one with `details: []` differ.
      expect(
        details === undefined
          ? { status: response.status, type, message }
          : { status: response.status, type, message, details },
      ).toStrictEqual(bad.expect);
      expect(json.error.code).toBe(response.status);
      expect(json.error.requestId).toBe(response.headers.get('x-request-id'));
    });
  });
});

it('the bad-request table is large enough to mean something', () => {
  expect(BAD_REQUESTS.length).toBeGreaterThanOrEqual(30);
  expect(TERMINAL_STATUSES).toHaveLength(5);
});
