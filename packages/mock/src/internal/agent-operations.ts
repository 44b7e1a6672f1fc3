/**
 * @module
 * The agents resource: POST/GET /api/v1/agents and GET/PATCH/DELETE /api/v1/agents/{agentId}.
 * Agents are scoped to an organization; another organization's agent is simply not found.
 */
import { AGENT_DELETED_MESSAGE, apiError, resolvePointer, type SchemaNode } from '@outdial/contract';
import { paginate } from './cursor';
import type { Agent, StoredAgent } from './mock-types';
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';

const createSchema = resolvePointer<SchemaNode>('#/components/schemas/CreateAgentRequest');

type AgentFields = Partial<Omit<Agent, 'id' | 'createdAt' | 'updatedAt'>>;

function findOwnAgent(request: OperationRequest): StoredAgent {
  const stored = request.runtime.state.agents.get(request.params.agentId as string);
  if (!stored || stored.organizationId !== organizationOf(request).id) throw apiError('agent_not_found');
  return stored;
}

/** The spec's `default` for a CreateAgentRequest property (type voice, status active, …). */
function createDefault<T>(name: string, fallback: T): T {
  const value = createSchema.properties?.[name]?.default;
  return value === undefined ? fallback : (structuredClone(value) as T);
}

/**
 * createAgent.
 *
 * @example
 * createAgent(request); // { status: 201, body: { data: Agent } }
 */
export function createAgent(request: OperationRequest): OperationResult {
  const { runtime } = request;
  const body = request.body as AgentFields & { name: string };
  const now = runtime.now().toISOString();
  const agent: Agent = {
    id: runtime.ids.uuid(),
    name: body.name,
    type: body.type ?? createDefault('type', 'voice'),
    status: body.status ?? createDefault('status', 'active'),
    phoneNumbers: body.phoneNumbers ?? createDefault<string[]>('phoneNumbers', []),
    livekitAgentName: body.livekitAgentName ?? null,
    sipTrunkId: body.sipTrunkId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  runtime.state.agents.set(agent.id, { agent, organizationId: organizationOf(request).id });
  return { status: 201, body: { data: structuredClone(agent) } };
}

/**
 * listAgents: newest first (createdAt, then id), keyset-paginated like calls.
 *
 * @example
 * listAgents(request); // { status: 200, body: { data: { agents, pagination } } }
 */
export function listAgents(request: OperationRequest): OperationResult {
  const organization = organizationOf(request);
  const limit = request.params.limit as number;
  const own = [...request.runtime.state.agents.values()].filter((s) => s.organizationId === organization.id);
  const { page, hasMore, nextCursor } = paginate(
    own,
    ({ agent }) => ({ t: agent.createdAt, i: agent.id }),
    limit,
    request.params.cursor as string | undefined,
  );
  return {
    status: 200,
    body: {
      data: { agents: page.map((s) => structuredClone(s.agent)), pagination: { limit, hasMore, nextCursor } },
    },
  };
}

/** getAgent. @example getAgent(request); // { status: 200, body: { data: Agent } } */
export function getAgent(request: OperationRequest): OperationResult {
  return { status: 200, body: { data: structuredClone(findOwnAgent(request).agent) } };
}

/**
 * updateAgent: changes only the fields sent.
 *
 * @example
 * updateAgent(request); // { status: 200, body: { data: Agent } }
 */
export function updateAgent(request: OperationRequest): OperationResult {
  const stored = findOwnAgent(request);
  const changes = request.body as AgentFields;
  stored.agent = { ...stored.agent, ...changes, updatedAt: request.runtime.now().toISOString() };
  return { status: 200, body: { data: structuredClone(stored.agent) } };
}

/**
 * deleteAgent. Past calls keep their agent summary (it is copied onto each call).
 *
 * @example
 * deleteAgent(request); // { status: 200, body: { data: { id, deleted: true }, message } }
 */
export function deleteAgent(request: OperationRequest): OperationResult {
  const stored = findOwnAgent(request);
  request.runtime.state.agents.delete(stored.agent.id);
  return {
    status: 200,
    body: { data: { id: stored.agent.id, deleted: true }, message: AGENT_DELETED_MESSAGE },
  };
}
