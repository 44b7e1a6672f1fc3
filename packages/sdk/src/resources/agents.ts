/**
 * @module
 * `outdial.agents`: the agents that handle calls.
 */
import type { ApiPromise } from '../core/api-promise';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { ApiResource } from '../core/resource';
import type { Agent, CreateAgentParams, DeletedAgent, ListAgentsParams, UpdateAgentParams } from '../models';

/**
 * The agents resource, as `outdial.agents`.
 *
 * @example
 * ```ts
 * const agent = await outdial.agents.create({ name: 'Support', phoneNumbers: ['+14155551234'] });
 * ```
 */
export class Agents extends ApiResource {
  /**
   * Creates an agent.
   *
   * @example
   * ```ts
   * const agent = await outdial.agents.create({ name: 'Support', type: 'voice', phoneNumbers: ['+14155551234'] });
   * ```
   */
  create(params: CreateAgentParams, options?: RequestOptions): ApiPromise<Agent> {
    return this._client.post('/api/v1/agents', { body: params }, options);
  }

  /**
   * Gets an agent.
   *
   * @example
   * ```ts
   * const agent = await outdial.agents.get('550e8400-e29b-41d4-a716-446655440000');
   * ```
   */
  get(agentId: string, options?: RequestOptions): ApiPromise<Agent> {
    return this._client.get('/api/v1/agents/{agentId}', { params: { path: { agentId } } }, options);
  }

  /**
   * Lists agents, newest first, lazily: await for the first page, iterate for every agent across
   * pages, or `toArray({ limit })`.
   *
   * @example
   * ```ts
   * for await (const agent of outdial.agents.list()) console.log(agent.name);
   * const agents = await outdial.agents.list().toArray({ limit: 500 });
   * ```
   */
  list(params: ListAgentsParams = {}, options?: RequestOptions): PagePromise<Agent> {
    return this._client.getList('/api/v1/agents', 'agents', params, options);
  }

  /**
   * Changes only the fields sent.
   *
   * @example
   * ```ts
   * await outdial.agents.update(agent.id, { status: 'inactive' });
   * ```
   */
  update(agentId: string, params: UpdateAgentParams, options?: RequestOptions): ApiPromise<Agent> {
    return this._client.patch(
      '/api/v1/agents/{agentId}',
      { params: { path: { agentId } }, body: params },
      options,
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
  delete(agentId: string, options?: RequestOptions): ApiPromise<DeletedAgent> {
    return this._client.delete('/api/v1/agents/{agentId}', { params: { path: { agentId } } }, options);
  }
}
