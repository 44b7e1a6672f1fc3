/**
 * Every operation only ever sees the caller's organization: calls answer 403 for another
 * organization's call (as the contract says), agents answer 404 as if they did not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let t: TestServer;
let acmeCallId: string;
let globexCallId: string;

beforeAll(async () => {
  t = await startTestServer();
  const place = async (key: string, agentId: string) => {
    const response = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      key,
      body: { agentId, phoneNumber: '+14155552671' },
    });
    expect(response.status).toBe(201);
    return response.body.data.id as string;
  };
  acmeCallId = await place(t.acme.apiKey, t.acme.voiceAgentId);
  globexCallId = await place(t.globex.apiKey, t.globex.voiceAgentId);
});
afterAll(() => t?.close());

const FORBIDDEN = {
  code: 403,
  type: 'forbidden',
  message: 'Access denied - call belongs to different organization',
};
const AGENT_NOT_FOUND = { code: 404, type: 'agent_not_found', message: 'Agent not found or access denied' };

describe('organization isolation', () => {
  it("createOutboundCall: another organization's agent is not found", async () => {
    const response = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      key: t.globex.apiKey,
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' },
    });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject(AGENT_NOT_FOUND);
  });

  it("getCall: another organization's call is forbidden", async () => {
    const response = await t.request(`/api/v1/calls/${acmeCallId}`, { key: t.globex.apiKey });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject(FORBIDDEN);
    expect((await t.request(`/api/v1/calls/${acmeCallId}`)).status).toBe(200);
  });

  it("cancelCall: another organization's call is forbidden and left alone", async () => {
    const response = await t.request(`/api/v1/calls/${acmeCallId}`, {
      method: 'DELETE',
      key: t.globex.apiKey,
    });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject(FORBIDDEN);
    const after = await t.request(`/api/v1/calls/${acmeCallId}`);
    expect(after.body.data.status).not.toBe('cancelled');
  });

  it('listCalls: only the caller’s calls, even when filtering by a foreign agent', async () => {
    const acme = await t.request('/api/v1/calls?limit=100');
    const ids = acme.body.data.calls.map((c: { id: string }) => c.id);
    expect(ids).toContain(acmeCallId);
    expect(ids).not.toContain(globexCallId);
    const foreign = await t.request(`/api/v1/calls?agentId=${t.globex.voiceAgentId}`);
    expect(foreign.status).toBe(200);
    expect(foreign.body.data.calls).toEqual([]);
  });

  it("getAgent / updateAgent / deleteAgent: another organization's agent is not found", async () => {
    const path = `/api/v1/agents/${t.acme.voiceAgentId}`;
    for (const init of [{}, { method: 'PATCH', body: { name: 'Hijacked' } }, { method: 'DELETE' }]) {
      const response = await t.request(path, { ...init, key: t.globex.apiKey });
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject(AGENT_NOT_FOUND);
    }
    const own = await t.request(path);
    expect(own.status).toBe(200);
    expect(own.body.data.name).toBe('Acme voice');
  });

  it('listAgents: only the caller’s agents', async () => {
    const response = await t.request('/api/v1/agents', { key: t.globex.apiKey });
    const ids = response.body.data.agents.map((a: { id: string }) => a.id);
    expect(ids).toHaveLength(3);
    expect(ids).toContain(t.globex.voiceAgentId);
    expect(ids).not.toContain(t.acme.voiceAgentId);
  });

  it('createAgent: the agent belongs to the caller’s organization', async () => {
    const created = await t.request('/api/v1/agents', {
      method: 'POST',
      key: t.globex.apiKey,
      body: { name: 'Globex extra', phoneNumbers: ['+14155552999'] },
    });
    expect(created.status).toBe(201);
    expect((await t.request(`/api/v1/agents/${created.body.data.id}`)).status).toBe(404);
    expect((await t.request(`/api/v1/agents/${created.body.data.id}`, { key: t.globex.apiKey })).status).toBe(
      200,
    );
  });

  it('Idempotency-Keys are scoped per organization', async () => {
    const key = 'shared-key-1';
    const first = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      headers: { 'Idempotency-Key': key },
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' },
    });
    const second = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      key: t.globex.apiKey,
      headers: { 'Idempotency-Key': key },
      body: { agentId: t.globex.voiceAgentId, phoneNumber: '+14155552671' },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.data.id).not.toBe(first.body.data.id);
  });
});
