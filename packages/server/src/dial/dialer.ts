/**
 * @module
 * The Dialer port: what the Dial queue needs from a telephony backend. LiveKit today
 * (livekit-dialer.ts); the queue knows nothing of LiveKit's wire protocol or error types.
 */

/** Everything needed to place one outbound call. */
export interface PlaceCallRequest {
  callId: string;
  /** Deterministic (call-room.ts), so a restart can find the call's room again. */
  roomName: string;
  /** The SIP participant's identity, deterministic for the same reason. */
  participantIdentity: string;
  /** E.164 number to dial. */
  phoneNumber: string;
  /** E.164 number presented to the callee. */
  callerId: string;
  /** The agent worker to dispatch into the room; none → no dispatch. */
  agentName: string | null;
  sipTrunkId: string | null;
  ringTimeoutSeconds: number;
  maxDurationSeconds: number | null;
  /** Handed to the agent job: JSON with the call id, the call's metadata and variables. */
  agentMetadata: string;
}

/** Callbacks through which the queue steers and observes a dial. */
export interface PlaceCallHooks {
  /**
   * Awaited right before the call starts ringing (the SIP INVITE): the CPS pacer lives here, so
   * pacing is measured at the moment the carrier counts, not at room creation. May throw to
   * abandon the dial (the call was cancelled meanwhile); nothing has been dialed then.
   */
  beforeDialStart(): Promise<void>;
  /**
   * The INVITE request has just been written to the network (or failed without being sent). The
   * pacer counts the start from this moment. Called once per dial that got past beforeDialStart.
   */
  onDialSent(): void;
  onRoomCreated(roomId: string): Promise<void>;
  onAgentDispatched(jobId: string): Promise<void>;
}

/** How a dial ended. The dialer never throws for call outcomes or backend errors. */
export type DialOutcome =
  | { status: 'active'; sipParticipantId: string }
  | {
      status: 'busy' | 'no_answer' | 'failed';
      /** For people: "SIP 503: Service Unavailable", "LiveKit error: …". */
      failureReason: string;
      sipStatusCode?: number;
      /**
       * True when the backend may have started ringing although we got no answer (the transport
       * failed after the INVITE request was sent). The queue never re-dials such a call.
       */
      outcomeUnknown?: boolean;
    };

/** The SIP participant of a call as the backend sees it now. */
export interface SipParticipantState {
  sipParticipantId: string;
  /** LiveKit's `sip.callStatus`: `dialing`, `ringing`, `active`, `hangup`… */
  callStatus: string | undefined;
}

export interface Dialer {
  /** Creates the room, dispatches the agent, then dials and waits for the answer or failure. */
  placeCall(request: PlaceCallRequest, hooks: PlaceCallHooks): Promise<DialOutcome>;
  /** Deletes the room, which hangs up everyone in it. Throws on failure (callers decide). */
  deleteRoom(roomName: string): Promise<void>;
  /** The call's SIP participant, or null when it is not (or no longer) in the room. */
  findSipParticipant(roomName: string, participantIdentity: string): Promise<SipParticipantState | null>;
  /** Names of the rooms that exist now: one request to learn which answered calls are over. */
  listRoomNames(): Promise<Set<string>>;
}
