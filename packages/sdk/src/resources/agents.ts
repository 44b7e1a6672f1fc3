/**
 * @module
 * `outdial.agents`: the agents that handle calls.
 */
import type { Outdial } from '../client';
import { CursorList } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import type { Body } from '../internal/body';
import { unwrap } from '../internal/unwrap';
import type { Agent, CreateAgentParams, DeletedAgent, ListAgentsParams, UpdateAgentParams } from '../models';

/**
 * The agents resource, as `outdial.agents`.
 *
 * @example
 * ```ts
 * const agent = await outdial.agents.create({ name: 'Support', phoneNumbers: ['+14155551234'] });
 * ```
 */
export class Agents {
  constructor(private readonly client: Outdial) {}

  /**
   * Creates an agent.
   *
   * @example
   * ```ts
   * const agent = await outdial.agents.create({ name: 'Support', type: 'voice', phoneNumbers: ['+14155551234'] });
   * ```
   */
  create(params: CreateAgentParams, options?: RequestOptions): Promise<Agent> {
    return unwrap(
      this.client.raw.POST(
        '/api/v1/agents',
        this.client._init(options, { body: params as Body<'CreateAgentRequest'> }),
      ),
    );
  }

  /**
   * Gets an agent.
   *
   * @example
   * ```ts
   * const agent = await outdial.agents.get('550e8400-e29b-41d4-a716-446655440000');
   * ```
   */
  async get(agentId: string, options?: RequestOptions): Promise<Agent> {
    return unwrap(
      this.client.raw.GET(
        '/api/v1/agents/{agentId}',
        this.client._init(options, { params: { path: { agentId } } }),
      ),
    );
  }

  /**
   * Lists agents, newest first; iterate for every agent across pages.
   *
   * @example
   * ```ts
   * for await (const agent of outdial.agents.list()) console.log(agent.name);
   * ```
   */
  list(params: ListAgentsParams = {}, options?: RequestOptions): CursorList<Agent> {
    return new CursorList(async (cursor = params.cursor) => {
      const { agents, pagination } = await unwrap(
        this.client.raw.GET(
          '/api/v1/agents',
          this.client._init(options, { params: { query: { ...params, cursor } } }),
        ),
      );
      return [agents, pagination];
    });
  }

  /**
   * Changes only the fields sent.
   *
   * @example
   * ```ts
   * await outdial.agents.update(agent.id, { status: 'inactive' });
   * ```
   */
  async update(agentId: string, params: UpdateAgentParams, options?: RequestOptions): Promise<Agent> {
    return unwrap(
      this.client.raw.PATCH(
        '/api/v1/agents/{agentId}',
        this.client._init(options, { params: { path: { agentId } }, body: params }),
      ),
    );
  }

  /**
   * Deletes an agent. Its past calls keep its id, name and type.
   *
   * @example
   * ```ts
   * await outdial.agents.delete(agent.id); // { id, deleted: true }
   * ```
   */
  async delete(agentId: string, options?: RequestOptions): Promise<DeletedAgent> {
    return unwrap(
      this.client.raw.DELETE(
        '/api/v1/agents/{agentId}',
        this.client._init(options, { params: { path: { agentId } } }),
      ),
    );
  }
}
