/**
 * @module
 * Names derived from the call id. They are deterministic so that a restarted server, a webhook
 * and a cancel all find a call's room and SIP participant without any lookup table.
 */

const ROOM_PREFIX = 'outdial-';
const SIP_IDENTITY_PREFIX = 'sip-';

export function roomNameForCall(callId: string): string {
  return `${ROOM_PREFIX}${callId}`;
}

export function sipIdentityForCall(callId: string): string {
  return `${SIP_IDENTITY_PREFIX}${callId}`;
}

/** The call id behind one of our room names; undefined for rooms we did not create. */
export function callIdFromRoomName(roomName: string): string | undefined {
  return roomName.startsWith(ROOM_PREFIX) ? roomName.slice(ROOM_PREFIX.length) || undefined : undefined;
}
