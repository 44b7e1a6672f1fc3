/**
 * @module
 * Agents CRUD, scoped by organization: another organization's agent is "not found".
 */
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { toAgentResource } from '../../agents/agent-resource';
import {
  type AgentInput,
  createAgent,
  deleteAgent,
  findAgent,
  listAgents,
  updateAgent,
} from '../../store/agent-store';
import { encodePageCursor } from '../../store/page-cursor';
import type { Database } from '../../store/schema';
import { apiError } from '../api-error';
import { organizationOf } from '../request-context';
import { pageQuery } from './page-query';

export function agentsRoutes({ db }: { db: Kysely<Database> }): Router {
  const router = Router();

  router.post('/api/v1/agents', async (req, res) => {
    const agent = await createAgent(db, organizationOf(req), req.body as AgentInput);
    res.status(201).json({ data: toAgentResource(agent) });
  });

  router.get('/api/v1/agents', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const { limit, after } = pageQuery(query);
    const rows = await listAgents(db, organizationOf(req), { limit, after });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const hasMore = rows.length > limit;
    res.json({
      data: {
        agents: page.map(toAgentResource),
        pagination: {
          limit,
          hasMore,
          nextCursor: hasMore && last ? encodePageCursor({ t: last.created_at, i: last.id }) : null,
        },
      },
    });
  });

  router.get('/api/v1/agents/:agentId', async (req, res) => {
    const agent = await findAgent(db, organizationOf(req), String(req.params.agentId));
    if (!agent) throw apiError('agent_not_found');
    res.json({ data: toAgentResource(agent) });
  });

  router.patch('/api/v1/agents/:agentId', async (req, res) => {
    const agent = await updateAgent(
      db,
      organizationOf(req),
      String(req.params.agentId),
      req.body as Partial<AgentInput>,
    );
    if (!agent) throw apiError('agent_not_found');
    res.json({ data: toAgentResource(agent) });
  });

  router.delete('/api/v1/agents/:agentId', async (req, res) => {
    const id = String(req.params.agentId);
    if (!(await deleteAgent(db, organizationOf(req), id))) throw apiError('agent_not_found');
    res.json({ data: { id, deleted: true }, message: 'Agent deleted successfully' });
  });

  return router;
}
