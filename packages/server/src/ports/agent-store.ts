/**
 * @module
 * Agents, always read and written within one organization: another organization's agent is
 * indistinguishable from a missing one.
 */
import type { PageRequest } from './page-request';

export interface AgentRow {
  id: string;
  organization_id: string;
  name: string;
  type: 'voice' | 'chat';
  status: 'active' | 'inactive';
  /** JSON array of E.164 strings; the first is the default caller ID. */
  phone_numbers: string;
  livekit_agent_name: string | null;
  sip_trunk_id: string | null;
  created_at: string;
  updated_at: string;
}

/** The columns an update may change; `updated_at` always changes. */
export type AgentPatch = Partial<
  Pick<AgentRow, 'name' | 'type' | 'status' | 'phone_numbers' | 'livekit_agent_name' | 'sip_trunk_id'>
> & { updated_at: string };

export interface AgentStore {
  insert(agent: AgentRow): Promise<AgentRow>;
  find(organizationId: string, agentId: string): Promise<AgentRow | undefined>;
  /** Newest first by (created_at, id), `limit + 1` rows. */
  list(organizationId: string, page: PageRequest): Promise<AgentRow[]>;
  /** All of an organization's agents, oldest first (for the CLI, which does not page). */
  listAll(organizationId: string): Promise<AgentRow[]>;
  /** @returns the updated agent, or undefined when the organization has no such agent. */
  update(organizationId: string, agentId: string, patch: AgentPatch): Promise<AgentRow | undefined>;
  /** @returns whether an agent was deleted. Its calls keep the agent's name and type. */
  delete(organizationId: string, agentId: string): Promise<boolean>;
}
