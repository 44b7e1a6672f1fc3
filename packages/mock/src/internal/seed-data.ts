/**
 * @module
 * The data every mock starts with (and returns to on `reset()`): your organization with three
 * agents covering the agent checks, and a second organization for isolation tests.
 */
import type { Agent, Organization, StoredAgent } from './mock-types';

/** The seeded agents' fixed ids, so tests and docs can name them. */
export const SEEDED_AGENT_IDS = {
  voice: '550e8400-e29b-41d4-a716-446655440000',
  chat: '550e8400-e29b-41d4-a716-446655440001',
  inactive: '550e8400-e29b-41d4-a716-446655440002',
  other: '550e8400-e29b-41d4-a716-446655440003',
} as const;

export const DEFAULT_API_KEY = 'od_test_mock_primary_key';
export const DEFAULT_OTHER_API_KEY = 'od_test_mock_other_key';

/** The seeded organizations and agents, stamped with `now`. */
export function seedData(
  now: string,
  apiKeys: { primary: string; other: string },
): { organizations: Organization[]; agents: StoredAgent[] } {
  const primary: Organization = {
    id: 'org_mock_primary',
    name: 'Mock Organization',
    apiKey: apiKeys.primary,
  };
  const other: Organization = { id: 'org_mock_other', name: 'Other Organization', apiKey: apiKeys.other };
  const agent = (fields: Pick<Agent, 'id' | 'name' | 'type' | 'status' | 'phoneNumbers'>): Agent => ({
    ...fields,
    livekitAgentName: null,
    sipTrunkId: null,
    createdAt: now,
    updatedAt: now,
  });
  return {
    organizations: [primary, other],
    agents: [
      {
        organizationId: primary.id,
        agent: agent({
          id: SEEDED_AGENT_IDS.voice,
          name: 'Customer Support Agent',
          type: 'voice',
          status: 'active',
          phoneNumbers: ['+14155551234', '+14155551235'],
        }),
      },
      {
        organizationId: primary.id,
        agent: agent({
          id: SEEDED_AGENT_IDS.chat,
          name: 'Chat Agent',
          type: 'chat',
          status: 'active',
          phoneNumbers: [],
        }),
      },
      {
        organizationId: primary.id,
        agent: agent({
          id: SEEDED_AGENT_IDS.inactive,
          name: 'Inactive Voice Agent',
          type: 'voice',
          status: 'inactive',
          phoneNumbers: ['+14155551236'],
        }),
      },
      {
        organizationId: other.id,
        agent: agent({
          id: SEEDED_AGENT_IDS.other,
          name: 'Other Organization Agent',
          type: 'voice',
          status: 'active',
          phoneNumbers: ['+14155559876'],
        }),
      },
    ],
  };
}
