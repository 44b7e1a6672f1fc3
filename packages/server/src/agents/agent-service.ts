/**
 * @module
 * Agents CRUD, scoped by organization: another organization's agent is "not found", exactly like
 * a missing one.
 */
import { apiError, encodePageCursor } from '@outdial/contract';
import type { AgentPatch, AgentStore } from '../ports/agent-store';
import { type Clock, wallClock } from '../ports/clock';
import type { PageRequest } from '../ports/page-request';
import { newAgentId } from '../store/ids';
import { type AgentResource, toAgentResource } from './agent-resource';

/** The contract's CreateAgentRequest, after validation (and UpdateAgentRequest, all optional). */
export interface AgentInput {
  name: string;
  type?: 'voice' | 'chat';
  status?: 'active' | 'inactive';
  phoneNumbers?: string[];
  livekitAgentName?: string | null;
  sipTrunkId?: string | null;
}

export interface AgentPage {
  agents: AgentResource[];
  pagination: { limit: number; hasMore: boolean; nextCursor: string | null };
}

/**
 * @example
 * ```ts
 * const agents = new AgentService({ agents: stores.agents });
 * const agent = await agents.create(organizationId, { name: 'Support', phoneNumbers: ['+14155551234'] });
 * ```
 */
export class AgentService {
  readonly #agents: AgentStore;
  readonly #clock: Clock;

  constructor(deps: { agents: AgentStore; clock?: Clock }) {
    this.#agents = deps.agents;
    this.#clock = deps.clock ?? wallClock;
  }

  async create(organizationId: string, input: AgentInput): Promise<AgentResource> {
    const now = this.#clock.now().toISOString();
    const row = await this.#agents.insert({
      id: newAgentId(),
      organization_id: organizationId,
      name: input.name,
      type: input.type ?? 'voice',
      status: input.status ?? 'active',
      phone_numbers: JSON.stringify(input.phoneNumbers ?? []),
      livekit_agent_name: input.livekitAgentName ?? null,
      sip_trunk_id: input.sipTrunkId ?? null,
      created_at: now,
      updated_at: now,
    });
    return toAgentResource(row);
  }

  /** Newest first. */
  async list(organizationId: string, page: PageRequest): Promise<AgentPage> {
    const rows = await this.#agents.list(organizationId, page);
    const agents = rows.slice(0, page.limit);
    const last = agents.at(-1);
    const hasMore = rows.length > page.limit;
    return {
      agents: agents.map(toAgentResource),
      pagination: {
        limit: page.limit,
        hasMore,
        nextCursor: hasMore && last ? encodePageCursor({ t: last.created_at, i: last.id }) : null,
      },
    };
  }

  /** Every agent of the organization, oldest first (the CLI's listing, which does not page). */
  async listAll(organizationId: string): Promise<AgentResource[]> {
    return (await this.#agents.listAll(organizationId)).map(toAgentResource);
  }

  async get(organizationId: string, agentId: string): Promise<AgentResource> {
    const row = await this.#agents.find(organizationId, agentId);
    if (!row) throw apiError('agent_not_found');
    return toAgentResource(row);
  }

  async update(organizationId: string, agentId: string, input: Partial<AgentInput>): Promise<AgentResource> {
    const patch: AgentPatch = { updated_at: this.#clock.now().toISOString() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.type !== undefined) patch.type = input.type;
    if (input.status !== undefined) patch.status = input.status;
    if (input.phoneNumbers !== undefined) patch.phone_numbers = JSON.stringify(input.phoneNumbers);
    if (input.livekitAgentName !== undefined) patch.livekit_agent_name = input.livekitAgentName;
    if (input.sipTrunkId !== undefined) patch.sip_trunk_id = input.sipTrunkId;
    const row = await this.#agents.update(organizationId, agentId, patch);
    if (!row) throw apiError('agent_not_found');
    return toAgentResource(row);
  }

  /** Its calls keep the agent's name and type. */
  async delete(organizationId: string, agentId: string): Promise<{ id: string; deleted: true }> {
    if (!(await this.#agents.delete(organizationId, agentId))) throw apiError('agent_not_found');
    return { id: agentId, deleted: true };
  }
}
