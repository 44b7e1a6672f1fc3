import type { Kysely } from 'kysely';
import { apiError } from '../http/api-error';
import { findCall } from '../store/call-store';
import type { CallRow, Database } from '../store/schema';

/**
 * The call, if it belongs to the organization. Unlike agents, the contract tells a foreign call
 * (403) from a missing one (404).
 */
export async function findOwnCall(
  db: Kysely<Database>,
  organizationId: string,
  callId: string,
): Promise<CallRow> {
  const call = await findCall(db, callId);
  if (!call) throw apiError('call_not_found');
  if (call.organization_id !== organizationId) throw apiError('call_forbidden');
  return call;
}
