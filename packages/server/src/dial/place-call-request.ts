/**
 * @module
 * What the Dialer needs to place a call, built from the call row and its agent.
 */
import type { CallRow } from '../ports/call-store';
import type { DialBacklog } from '../ports/dial-backlog';
import { roomNameForCall, sipIdentityForCall } from './call-room';
import type { PlaceCallRequest } from './dialer';

/**
 * The agent is read at dial time: its worker name and trunk may have changed since the call was
 * queued, and a deleted agent falls back to the server's configured defaults (null here).
 */
export async function placeCallRequestFor(backlog: DialBacklog, call: CallRow): Promise<PlaceCallRequest> {
  const agent = await backlog.agentDialSettings(call.agent_id);
  return {
    callId: call.id,
    roomName: roomNameForCall(call.id),
    participantIdentity: sipIdentityForCall(call.id),
    phoneNumber: call.phone_number,
    callerId: call.caller_id,
    agentName: agent?.livekitAgentName ?? null,
    sipTrunkId: agent?.sipTrunkId ?? null,
    ringTimeoutSeconds: call.ring_timeout_seconds,
    maxDurationSeconds: call.max_duration_seconds,
    agentMetadata: JSON.stringify({
      callId: call.id,
      phoneNumber: call.phone_number,
      callerId: call.caller_id,
      metadata: parseJsonObject(call.metadata),
      variables: parseJsonObject(call.variables),
    }),
  };
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
