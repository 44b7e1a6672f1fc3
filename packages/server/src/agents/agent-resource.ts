/**
 * @module
 * How a stored agent looks in the API: the contract's `Agent`.
 */
import type { components } from '@outdial/contract';
import type { AgentRow } from '../ports/agent-store';

/** The spec's `Agent`: a field {@link toAgentResource} misses or adds is a compile error. */
export type AgentResource = components['schemas']['Agent'];

/** The agent's numbers, in order: the first is its default caller ID. */
export function agentPhoneNumbers(agent: AgentRow): string[] {
  return JSON.parse(agent.phone_numbers) as string[];
}

export function toAgentResource(row: AgentRow): AgentResource {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    phoneNumbers: agentPhoneNumbers(row),
    livekitAgentName: row.livekit_agent_name,
    sipTrunkId: row.sip_trunk_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
