/**
 * @module
 * The agents endpoints: HTTP in, AgentService, HTTP out. Requests arrive authenticated and
 * validated against openapi.yaml.
 */
import { AGENT_DELETED_MESSAGE } from '@outdial/contract';
import { Router } from 'express';
import type { AgentInput, AgentService } from '../../agents/agent-service';
import { organizationOf } from '../request-context';
import { pageQuery } from './page-query';

export function agentsRoutes({ agents }: { agents: AgentService }): Router {
  const router = Router();

  router.post('/api/v1/agents', async (req, res) => {
    res.status(201).json({ data: await agents.create(organizationOf(req), req.body as AgentInput) });
  });

  router.get('/api/v1/agents', async (req, res) => {
    res.json({
      data: await agents.list(organizationOf(req), pageQuery(req.query as Record<string, unknown>)),
    });
  });

  router.get('/api/v1/agents/:agentId', async (req, res) => {
    res.json({ data: await agents.get(organizationOf(req), String(req.params.agentId)) });
  });

  router.patch('/api/v1/agents/:agentId', async (req, res) => {
    const input = req.body as Partial<AgentInput>;
    res.json({ data: await agents.update(organizationOf(req), String(req.params.agentId), input) });
  });

  router.delete('/api/v1/agents/:agentId', async (req, res) => {
    const data = await agents.delete(organizationOf(req), String(req.params.agentId));
    res.json({ data, message: AGENT_DELETED_MESSAGE });
  });

  return router;
}
