import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { agentFixture, client, url, useMockServer } from '../../test/mock-server';
import { NotFoundError } from '../core/errors';
import type { Agent } from '../models';

const server = useMockServer();
const id = agentFixture().id;

describe('agents', () => {
  it('create, get, update and delete', async () => {
    const requests: string[] = [];
    server.use(
      http.post(url('/agents'), async ({ request }) => {
        requests.push(`POST ${JSON.stringify(await request.json())}`);
        return HttpResponse.json({ data: agentFixture({ name: 'New' }) }, { status: 201 });
      }),
      http.get(url('/agents/:id'), ({ params }) => {
        requests.push(`GET ${params.id}`);
        return HttpResponse.json({ data: agentFixture() });
      }),
      http.patch(url('/agents/:id'), async ({ request, params }) => {
        requests.push(`PATCH ${params.id} ${JSON.stringify(await request.json())}`);
        return HttpResponse.json({ data: agentFixture({ status: 'inactive' }) });
      }),
      http.delete(url('/agents/:id'), ({ params }) => {
        requests.push(`DELETE ${params.id}`);
        return HttpResponse.json({ data: { id, deleted: true }, message: 'Agent deleted successfully' });
      }),
    );
    const outdial = client();
    const created = await outdial.agents.create({ name: 'New', phoneNumbers: ['+14155551234'] });
    expectTypeOf(created).toEqualTypeOf<Agent>();
    expect(created.name).toBe('New');
    expect((await outdial.agents.get(id)).id).toBe(id);
    expect((await outdial.agents.update(id, { status: 'inactive' })).status).toBe('inactive');
    await expect(outdial.agents.delete(id)).resolves.toEqual({ id, deleted: true });
    expect(requests).toEqual([
      'POST {"name":"New","phoneNumbers":["+14155551234"]}',
      `GET ${id}`,
      `PATCH ${id} {"status":"inactive"}`,
      `DELETE ${id}`,
    ]);
  });

  it('list iterates across pages', async () => {
    server.use(
      http.get(url('/agents'), ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json({
          data: {
            agents: [agentFixture({ name: cursor ? 'B' : 'A' })],
            pagination: { limit: 1, hasMore: !cursor, nextCursor: cursor ? null : 'p2' },
          },
        });
      }),
    );
    const names: string[] = [];
    for await (const agent of client().agents.list({ limit: 1 })) names.push(agent.name);
    expect(names).toEqual(['A', 'B']);
  });

  it('throws NotFoundError for an unknown agent', async () => {
    server.use(
      http.get(url('/agents/:id'), () =>
        HttpResponse.json(
          {
            error: {
              message: 'Agent not found or access denied',
              code: 404,
              type: 'agent_not_found',
              requestId: 'r',
            },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(client().agents.get(id)).rejects.toSatisfy(
      (e) => e instanceof NotFoundError && e.type === 'agent_not_found',
    );
  });
});
