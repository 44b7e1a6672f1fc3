/**
 * @module
 * The Dialer over LiveKit's server API (livekit-server-sdk: Twirp JSON over fetch, JWT bearer).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import {
  AccessToken,
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

// A dial token is signed ahead of time and reused for this long, then replaced.
const DIAL_TOKEN_TTL_SECONDS = 600;
const DIAL_TOKEN_RENEW_AFTER_MS = 300_000;

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
  readonly #config: LiveKitDialerConfig;
  readonly #origin: string;
  #sip: { client: SipClient; signedAt: number } | undefined;
  /** Inside a dial's CreateSIPParticipant: the callback that reports its INVITE as sent. */
  readonly #dialContext = new AsyncLocalStorage<() => void>();
  /** CreateSIPParticipant requests on their way to the socket, with their dial's callback. */
  readonly #awaitingSend = new WeakMap<object, () => void>();

  constructor(config: LiveKitDialerConfig) {
    this.#config = config;
    // Failover off: on LiveKit Cloud hosts the SDK replays a request against another region after
    // a transport error or a 5xx. For CreateSIPParticipant that could ring a person twice; we
    // dial at most once and report the failure instead.
    const options: ClientOptions = { failover: false };
    this.#rooms = new RoomServiceClient(config.url, config.apiKey, config.apiSecret, options);
    this.#dispatch = new AgentDispatchClient(config.url, config.apiKey, config.apiSecret, options);
    this.#origin = new URL(config.url.replace(/^ws/, 'http')).origin;
    // Node's fetch (undici) reports the moment it writes a request's headers to the socket. That is
    // when the carrier's count starts, so the pacer is told then (see DialPacer), and when a cancel
    // can no longer stop the INVITE (see DialGate). Each request is tied to its own dial: undici
    // creates the request inside the dial's async context, which the subscriber reads; matching by
    // order instead would misattribute requests that overtake each other on the way to the socket.
    // The subscriptions live as long as the dialer's process.
    subscribe('undici:request:create', (message) => {
      const { request } = message as { request?: { origin?: unknown; path?: unknown } };
      const report = this.#dialContext.getStore();
      if (!report || !request || request.origin !== this.#origin) return;
      if (typeof request.path === 'string' && request.path.endsWith('/CreateSIPParticipant')) {
        this.#awaitingSend.set(request, report);
      }
    });
    subscribe('undici:client:sendHeaders', (message) => {
      const { request } = message as { request?: object };
      if (request) this.#awaitingSend.get(request)?.();
    });
  }

  /**
   * A SipClient holding a pre-signed token. Signing per request is asynchronous (WebCrypto on the
   * thread pool); done between the pacer's slot and the INVITE it would add jitter to what the
   * carrier sees, so the token is signed before the slot and reused.
   */
  async #sipClient(): Promise<SipClient> {
    // The system clock, not the injected one: LiveKit checks the token's `exp` against real time.
    const now = Date.now();
    if (this.#sip && now - this.#sip.signedAt < DIAL_TOKEN_RENEW_AFTER_MS) return this.#sip.client;
    const token = new AccessToken(this.#config.apiKey, this.#config.apiSecret, {
      ttl: DIAL_TOKEN_TTL_SECONDS,
    });
    token.addSIPGrant({ call: true });
    const client = new SipClient(this.#config.url, undefined, undefined, {
      token: await token.toJwt(),
      failover: false,
    });
    this.#sip = { client, signedAt: now };
    return client;
  }

  async placeCall(request: PlaceCallRequest, hooks: PlaceCallHooks): Promise<DialOutcome> {
    const { roomName } = request;
    try {
      // roomId is the room's name, not its sid: the name is what every LiveKit API (and webhook
      // lookup) takes, and it is deterministic (call-room.ts).
      const room = await this.#rooms.createRoom({ name: roomName });
      await hooks.onRoomCreated(room.name || roomName);
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

    let sip: SipClient;
    try {
      sip = await this.#sipClient();
    } catch (error) {
      return { status: 'failed', failureReason: describeLiveKitError(error) };
    }
    // Pacing happens here, after the preparation and right before the INVITE.
    await hooks.beforeDialStart();

    const sipTrunkId = request.sipTrunkId ?? this.#config.sipTrunkId ?? '';
    let reported = false;
    const reportSent = () => {
      if (reported) return;
      reported = true;
      hooks.onDialSent();
    };
    try {
      const participant = await this.#dialContext.run(reportSent, () =>
        sip.createSipParticipant(sipTrunkId, request.phoneNumber, roomName, {
          participantIdentity: request.participantIdentity,
          fromNumber: request.callerId,
          waitUntilAnswered: true,
          ringingTimeout: request.ringTimeoutSeconds,
          ...(request.maxDurationSeconds === null ? {} : { maxCallDuration: request.maxDurationSeconds }),
        }),
      );
      return { status: 'active', sipParticipantId: participant.participantId };
    } catch (error) {
      return dialOutcomeFromError(error);
    } finally {
      // Not seen on the wire (it failed before the write): it counts from now.
      reportSent();
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
