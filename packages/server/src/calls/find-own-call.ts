import { apiError } from '@outdial/contract';
import type { CallRow, CallStore } from '../ports/call-store';

/**
 * The call, if it belongs to the organization. Unlike agents, the contract tells a foreign call
 * (403) from a missing one (404).
 */
export async function findOwnCall(
  calls: CallStore,
  organizationId: string,
  callId: string,
): Promise<CallRow> {
  const call = await calls.find(callId);
  if (!call) throw apiError('call_not_found');
  if (call.organization_id !== organizationId) throw apiError('call_forbidden');
  return call;
}
