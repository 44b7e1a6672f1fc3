/**
 * @module
 * The Dialer over LiveKit's server API (livekit-server-sdk: Twirp JSON over fetch, JWT bearer).
 */
import {
  AgentDispatchClient,
  type ClientOptions,
  RoomServiceClient,
  ServerError,
  SipCallError,
  SipClient,
} from 'livekit-server-sdk';
import type { Dialer, DialOutcome, PlaceCallHooks, PlaceCallRequest, SipParticipantState } from './dialer';

export interface LiveKitDialerConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The outbound trunk for agents that name none. */
  sipTrunkId?: string;
  /** The agent worker to dispatch for agents that name none. */
  agentName?: string;
}

// SIP final responses, as LiveKit reports them in SipCallError.sipStatusCode.
const BUSY_CODES = new Set([486, 600]);
// 408 is also what LiveKit reports when our ringingTimeout expires (livekit/sip cancels the INVITE).
const NO_ANSWER_CODES = new Set([408, 480, 487]);

/**
 * @example
 * ```ts
 * const dialer = new LiveKitDialer({ url: 'http://localhost:7880', apiKey, apiSecret, sipTrunkId: 'ST_x' });
 * const outcome = await dialer.placeCall(request, hooks); // { status: 'active', sipParticipantId: 'PA_…' }
 * ```
 */
export class LiveKitDialer implements Dialer {
  readonly #rooms: RoomServiceClient;
  readonly #dispatch: AgentDispatchClient;
  readonly #sip: SipClient;
  readonly #config: LiveKitDialerConfig;

  constructor(config: LiveKitDialerConfig) {
    this.#config = config;
    // Failover off: on LiveKit Cloud hosts the SDK replays a request against another region after
    // a transport error or a 5xx. For CreateSIPParticipant that could ring a person twice; we
    // dial at most once and report the failure instead.
    const options: ClientOptions = { failover: false };
    this.#rooms = new RoomServiceClient(config.url, config.apiKey, config.apiSecret, options);
    this.#dispatch = new AgentDispatchClient(config.url, config.apiKey, config.apiSecret, options);
    this.#sip = new SipClient(config.url, config.apiKey, config.apiSecret, options);
  }

  async placeCall(request: PlaceCallRequest, hooks: PlaceCallHooks): Promise<DialOutcome> {
    const { roomName } = request;
    try {
      const room = await this.#rooms.createRoom({ name: roomName });
      await hooks.onRoomCreated(room.sid || roomName);
      const agentName = request.agentName ?? this.#config.agentName;
      if (agentName) {
        const dispatch = await this.#dispatch.createDispatch(roomName, agentName, {
          metadata: request.agentMetadata,
        });
        await hooks.onAgentDispatched(dispatch.id);
      }
    } catch (error) {
      return { status: 'failed', failureReason: describeLiveKitError(error) };
    }

    // Pacing happens here, after the preparation and right before the INVITE.
    await hooks.beforeDialStart();

    const sipTrunkId = request.sipTrunkId ?? this.#config.sipTrunkId ?? '';
    try {
      const participant = await this.#sip.createSipParticipant(sipTrunkId, request.phoneNumber, roomName, {
        participantIdentity: request.participantIdentity,
        fromNumber: request.callerId,
        waitUntilAnswered: true,
        ringingTimeout: request.ringTimeoutSeconds,
        ...(request.maxDurationSeconds === null ? {} : { maxCallDuration: request.maxDurationSeconds }),
      });
      return { status: 'active', sipParticipantId: participant.participantId };
    } catch (error) {
      return dialOutcomeFromError(error);
    }
  }

  async deleteRoom(roomName: string): Promise<void> {
    try {
      await this.#rooms.deleteRoom(roomName);
    } catch (error) {
      // Already gone is what we wanted.
      if (error instanceof ServerError && error.code === 'not_found') return;
      throw error;
    }
  }

  async findSipParticipant(
    roomName: string,
    participantIdentity: string,
  ): Promise<SipParticipantState | null> {
    try {
      const participants = await this.#rooms.listParticipants(roomName);
      const participant = participants.find((p) => p.identity === participantIdentity);
      if (!participant) return null;
      return { sipParticipantId: participant.sid, callStatus: participant.attributes['sip.callStatus'] };
    } catch (error) {
      if (error instanceof ServerError && error.code === 'not_found') return null;
      throw error;
    }
  }

  async listRoomNames(): Promise<Set<string>> {
    const rooms = await this.#rooms.listRooms();
    return new Set(rooms.map((room) => room.name));
  }
}

/** Maps a failed CreateSIPParticipant to the call's outcome. */
export function dialOutcomeFromError(error: unknown): DialOutcome {
  if (error instanceof SipCallError && error.sipStatusCode !== undefined) {
    const code = error.sipStatusCode;
    const failureReason = `SIP ${code}: ${error.sipStatus ?? 'unknown status'}`;
    if (BUSY_CODES.has(code)) return { status: 'busy', failureReason, sipStatusCode: code };
    if (NO_ANSWER_CODES.has(code)) return { status: 'no_answer', failureReason, sipStatusCode: code };
    return { status: 'failed', failureReason, sipStatusCode: code };
  }
  if (error instanceof ServerError && error.status < 500) {
    // LiveKit answered with a definite error (bad trunk, bad number, auth): nothing rang.
    return { status: 'failed', failureReason: describeLiveKitError(error) };
  }
  // A transport failure, timeout or 5xx after the request left: LiveKit may have started the
  // INVITE. We must not retry (that could ring the person twice); the queue deletes the room,
  // which hangs up whatever may have been started, and the call ends failed.
  return {
    status: 'failed',
    failureReason: `${describeLiveKitError(error)} (call outcome unknown)`,
    outcomeUnknown: true,
  };
}

export function describeLiveKitError(error: unknown): string {
  if (error instanceof ServerError) {
    return `LiveKit error: ${error.code ?? error.status}: ${error.message || error.name}`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `LiveKit error: ${error.message}${cause}`;
  }
  return `LiveKit error: ${String(error)}`;
}
