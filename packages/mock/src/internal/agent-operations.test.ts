import { describe, expect, test } from 'vitest';
import { useMock } from '../../test/support/mock-client';

let clock = Date.parse('2025-11-30T09:00:00.000Z');
const { mock, request } = useMock({ now: () => new Date(clock) });
const other = () => ({ apiKey: mock.otherOrganization.apiKey });

describe('agents', () => {
  test('create applies the spec defaults', async () => {
    const response = await request('POST', '/api/v1/agents', { body: { name: 'Support' } });
    expect(response.status).toBe(201);
    expect(response.body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      name: 'Support',
      type: 'voice',
      status: 'active',
      phoneNumbers: [],
      livekitAgentName: null,
      sipTrunkId: null,
      createdAt: '2025-11-30T09:00:00.000Z',
      updatedAt: '2025-11-30T09:00:00.000Z',
    });
  });

  test('a created agent can place calls', async () => {
    const agent = await request('POST', '/api/v1/agents', {
      body: { name: 'Sales', phoneNumbers: ['+14155550100'], livekitAgentName: 'sales', sipTrunkId: 'ST_1' },
    });
    expect(agent.body.data).toMatchObject({ livekitAgentName: 'sales', sipTrunkId: 'ST_1' });
    const call = await request('POST', '/api/v1/calls/outbound', {
      body: { agentId: agent.body.data.id, phoneNumber: '+14155552671' },
    });
    expect(call.body.data.callerId).toBe('+14155550100');
  });

  test('get, and 404 agent_not_found for unknown or foreign agents', async () => {
    const own = await request('GET', `/api/v1/agents/${mock.agents.voice.id}`);
    expect(own.body.data).toEqual(mock.agents.voice);
    for (const id of ['00000000-0000-4000-8000-000000000000', mock.otherOrganization.agent.id]) {
      const response = await request('GET', `/api/v1/agents/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({
        type: 'agent_not_found',
        message: 'Agent not found or access denied',
      });
    }
    expect((await request('GET', `/api/v1/agents/${mock.otherOrganization.agent.id}`, other())).status).toBe(
      200,
    );
  });

  test('list is org-scoped, newest first and paginated', async () => {
    clock += 1000;
    const created = await request('POST', '/api/v1/agents', { body: { name: 'Newest' } });
    const first = await request('GET', '/api/v1/agents?limit=2');
    expect(first.body.data.agents.map((a: { id: string }) => a.id)).toEqual([
      created.body.data.id,
      mock.agents.inactive.id,
    ]);
    expect(first.body.data.pagination).toMatchObject({ limit: 2, hasMore: true });
    const second = await request(
      'GET',
      `/api/v1/agents?limit=2&cursor=${first.body.data.pagination.nextCursor}`,
    );
    expect(second.body.data.agents.map((a: { id: string }) => a.id)).toEqual([
      mock.agents.chat.id,
      mock.agents.voice.id,
    ]);
    expect(second.body.data.pagination).toEqual({ limit: 2, hasMore: false, nextCursor: null });
    const foreign = await request('GET', '/api/v1/agents', other());
    expect(foreign.body.data.agents.map((a: { id: string }) => a.id)).toEqual([
      mock.otherOrganization.agent.id,
    ]);
  });

  test('update changes only the fields sent, and can clear nullable ones', async () => {
    clock += 60_000;
    const response = await request('PATCH', `/api/v1/agents/${mock.agents.voice.id}`, {
      body: { status: 'inactive', livekitAgentName: null },
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      name: 'Customer Support Agent',
      status: 'inactive',
      livekitAgentName: null,
      updatedAt: new Date(clock).toISOString(),
    });
    expect(response.body.data.createdAt).not.toBe(response.body.data.updatedAt);
    const call = await request('POST', '/api/v1/calls/outbound', {
      body: { agentId: mock.agents.voice.id, phoneNumber: '+14155552671' },
    });
    expect(call.body.error.type).toBe('agent_inactive');
  });

  test("update and delete of another organization's agent are 404", async () => {
    const id = mock.otherOrganization.agent.id;
    expect((await request('PATCH', `/api/v1/agents/${id}`, { body: { name: 'Mine' } })).status).toBe(404);
    expect((await request('DELETE', `/api/v1/agents/${id}`)).status).toBe(404);
    expect(mock.otherOrganization.agent.name).toBe('Other Organization Agent');
  });

  test('delete: the agent is gone, its past calls keep their agent summary', async () => {
    const call = await request('POST', '/api/v1/calls/outbound', {
      body: { agentId: mock.agents.voice.id, phoneNumber: '+14155552671' },
    });
    const id = mock.agents.voice.id;
    const response = await request('DELETE', `/api/v1/agents/${id}`);
    expect(response.body).toEqual({ data: { id, deleted: true }, message: 'Agent deleted successfully' });
    expect((await request('GET', `/api/v1/agents/${id}`)).status).toBe(404);
    const after = await request('GET', `/api/v1/calls/${call.body.data.id}`);
    expect(after.body.data.agent).toEqual({ id, name: 'Customer Support Agent', type: 'voice' });
  });
});
