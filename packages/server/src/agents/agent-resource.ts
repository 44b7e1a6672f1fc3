/**
 * @module
 * How a stored agent looks in the API: the contract's `Agent`.
 */
import type { AgentRow } from '../ports/agent-store';

/** The contract's `Agent`. */
export interface AgentResource {
  id: string;
  name: string;
  type: 'voice' | 'chat';
  status: 'active' | 'inactive';
  phoneNumbers: string[];
  livekitAgentName: string | null;
  sipTrunkId: string | null;
  createdAt: string;
  updatedAt: string;
}

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
