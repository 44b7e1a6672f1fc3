import { PageCursor, components, CallStatus } from '@outdial/contract';
export { CallStatus } from '@outdial/contract';
import { Logger } from 'pino';

/**
 * One page of a keyset-paginated listing, newest first. Stores return `limit + 1` rows, so the
 * caller knows whether another page follows without a count.
 */
interface PageRequest {
    limit: number;
    /** Rows strictly after this one (in the listing's order); absent for the first page. */
    after?: PageCursor | undefined;
}

/**
 * @module
 * How a stored agent looks in the API: the contract's `Agent`.
 */

/** The spec's `Agent`: a field {@link toAgentResource} misses or adds is a compile error. */
type AgentResource = components['schemas']['Agent'];

/**
 * @module
 * Calls and their status history. Status changes after creation go through `transition`, the
 * single write path for statuses: it is guarded by the status machine's table
 * (`@outdial/contract`), in the database (`WHERE status IN (…)`), so a late event can never
 * resurrect a finished call.
 */

/**
 * How a cancelled call was stopped: `before_dial` when no INVITE had been sent (the phone never
 * rang), `hung_up` when one had (or may have, for a dial interrupted by a restart), so the call was
 * torn down in LiveKit.
 */
type CallCancellation = 'before_dial' | 'hung_up';
interface CallRow {
    /** Insertion order, assigned by the store: FIFO within a priority, and the Dial queue's cursor. */
    seq: number;
    id: string;
    organization_id: string;
    agent_id: string;
    /** Agent name and type as they were when the call was placed (agents can be deleted). */
    agent_name: string;
    agent_type: 'voice' | 'chat';
    phone_number: string;
    caller_id: string;
    status: CallStatus;
    /** 0 is the most urgent. */
    priority: number;
    ring_timeout_seconds: number;
    max_duration_seconds: number | null;
    /** JSON object: the caller's metadata plus caller_id, from_phone_number and priority. */
    metadata: string;
    /** JSON object of string → string. */
    variables: string;
    room_id: string | null;
    job_id: string | null;
    sip_participant_id: string | null;
    failure_reason: string | null;
    summary: string | null;
    started_at: string;
    answered_at: string | null;
    ended_at: string | null;
    duration: number | null;
    /** How a cancelled call was stopped; null unless cancelled. */
    cancellation: CallCancellation | null;
    updated_at: string;
}
/** A call as created: the store assigns `seq` and the first status, `initiated`. */
type NewCall = Omit<CallRow, 'seq' | 'status' | 'cancellation'>;
/** Other columns a status change may write in the same update (answered_at, room_id, …). */
type CallPatch = Partial<Omit<CallRow, 'id' | 'seq' | 'status' | 'organization_id' | 'updated_at'>>;
interface CallEventRow {
    id: number;
    call_id: string;
    from_status: CallStatus | null;
    to_status: CallStatus;
    at: string;
    /** JSON object with whatever explains the change (SIP code, webhook event, reason). */
    details: string;
}
interface CallFilters {
    agentId?: string | undefined;
    statuses?: readonly CallStatus[] | undefined;
    phoneNumber?: string | undefined;
    /** Inclusive bounds on started_at, as canonical `toISOString()` text. */
    startDate?: string | undefined;
    endDate?: string | undefined;
}
interface TransitionOptions {
    /** Other columns to write in the same update. */
    patch?: CallPatch;
    /** Recorded on the call event: why the status changed. */
    details?: Record<string, unknown>;
    /** Only move from these statuses (a subset of the table's allowed sources). */
    from?: readonly CallStatus[];
    /** When the change happened (updated_at, the call event's at). Default: the store's clock. */
    now?: Date;
}
interface CallStore {
    /**
     * Inserts a call as `initiated` with its first call event, in one transaction; the caller then
     * moves it to `queued` with {@link CallStore.transition}.
     * @param idempotencyKey the Idempotency-Key claim this call answers, linked in the same transaction
     */
    insertInitiated(call: NewCall, idempotencyKey?: {
        organizationId: string;
        key: string;
    }): Promise<CallRow>;
    /** Any organization's call: the caller tells 403 from 404. */
    find(callId: string): Promise<CallRow | undefined>;
    /** An organization's calls, newest first by (started_at, id), `limit + 1` rows. */
    list(organizationId: string, filters: CallFilters, page: PageRequest): Promise<CallRow[]>;
    /**
     * The 1-based position of a queued call in the Dial queue: the queued calls ahead of it in
     * (priority, seq) order, plus one. The queue is shared by every organization, so is the count.
     */
    queuePosition(call: Pick<CallRow, 'priority' | 'seq'>): Promise<number>;
    /**
     * Moves a call to `to` if the status machine allows it from the call's current status (and
     * that status is in `from`, when given). The status change and its call event commit together;
     * once committed, the change is published on CALL_TRANSITION_CHANNEL (store/call-transitions.ts).
     * @returns the updated call, or undefined when the call does not exist or may not move
     */
    transition(callId: string, to: CallStatus, options?: TransitionOptions): Promise<CallRow | undefined>;
    /** The call's status history, oldest first. */
    events(callId: string): Promise<CallEventRow[]>;
    /** The current status of each of these calls that exists (any order). */
    statusesOf(callIds: readonly string[]): Promise<Pick<CallRow, 'id' | 'status'>[]>;
    /** The ids of every call in one of `statuses`. */
    idsWithStatus(statuses: readonly CallStatus[]): Promise<string[]>;
    /** How many calls are in each of `statuses` (0 for none). */
    countByStatus<S extends CallStatus>(statuses: readonly S[]): Promise<Record<S, number>>;
}

/**
 * @module
 * How a stored call looks in the API: the contract's `QueuedCall` (the 201 body) and `Call`.
 */

type CallResource = components['schemas']['Call'];

/** A LiveKit server to place calls through (LIVEKIT_URL, LIVEKIT_API_KEY, …). */
interface LiveKitConnection {
    url: string;
    apiKey: string;
    apiSecret: string;
    /** The default outbound trunk, for agents without their own. */
    sipTrunkId?: string;
    /** The default agent worker to dispatch, for agents without their own. */
    agentName?: string;
}

/**
 * @module
 * The server's configuration from environment variables, validated at start-up: every problem is
 * reported at once, by variable name, before anything starts.
 */

interface EnvConfig {
    port: number;
    host: string;
    dbPath: string;
    /** null when LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are all unset. */
    livekit: LiveKitConnection | null;
    dialCps: number;
    dialMaxInFlight: number;
    /** Extra milliseconds per 1 s pacing window, absorbing network jitter toward the carrier. */
    dialGuardBandMs: number;
    /** Requests per minute per API key; 0 turns the limit off. */
    rateLimitPerMinute: number;
    logLevel: string;
    /** Origins allowed to call the API from a browser (`*` for any); empty: no CORS headers. */
    corsOrigins: string[];
    /** OUTDIAL_METRICS=true: Prometheus metrics at GET /metrics. */
    metrics: boolean;
    /** /metrics on this port instead of the API's; null: on the API's port. */
    metricsPort: number | null;
}
declare function loadEnvConfig(env?: NodeJS.ProcessEnv): EnvConfig;

/**
 * @module
 * The clocks. Wall time stamps what is stored; pacing is measured on a monotonic clock, because
 * wall time (Date.now()) steps in whole milliseconds and can jump, which is exactly how a plain
 * interval limiter lets bursts through. Pass a clock in to control time in a test.
 */
/** Wall time, for timestamps. */
interface Clock {
    now(): Date;
}
interface MonotonicClock {
    /** Milliseconds since an arbitrary origin, sub-millisecond precision, never going backwards. */
    now(): number;
    /** Resolves after about `ms` milliseconds (maybe a little early or late: callers re-check now()). */
    sleep(ms: number): Promise<void>;
}

interface CreatedApiKey {
    id: string;
    /** The whole key. It is not stored and cannot be shown again. */
    key: string;
    prefix: string;
}

/**
 * @module
 * Provisioning that has no HTTP endpoint: organizations, API keys and (for scripts) agents. The
 * CLI and `RunningServer.admin` both use these. Failures are errors whose message is meant for
 * the operator as it is (the CLI prints it).
 */

interface OrganizationSummary {
    id: string;
    name: string;
    createdAt: string;
}
/** What is known of a stored key: never the key itself, which is not stored. */
interface ApiKeySummary {
    id: string;
    organizationId: string;
    /** The key's first characters (`od_` + 5), to recognise it. */
    prefix: string;
    createdAt: string;
    /** When it stopped authenticating; null while it works. */
    revokedAt: string | null;
}
interface AdminOperations {
    /** Names are unique: creating a second "Acme" fails with a message saying so. */
    createOrganization(name: string): Promise<{
        id: string;
        name: string;
    }>;
    /** Oldest first. */
    listOrganizations(): Promise<OrganizationSummary[]>;
    /** The key is returned once; only its hash is stored. */
    createApiKey(organizationIdOrName: string): Promise<CreatedApiKey>;
    /** Oldest first, revoked keys included. */
    listApiKeys(organizationIdOrName: string): Promise<ApiKeySummary[]>;
    /** The key stops authenticating at once. Revoking a revoked key changes nothing. */
    revokeApiKey(apiKeyId: string): Promise<ApiKeySummary & {
        alreadyRevoked: boolean;
    }>;
    createAgent(organizationIdOrName: string, input: {
        name: string;
        phoneNumbers?: string[];
        type?: 'voice' | 'chat';
        status?: 'active' | 'inactive';
        livekitAgentName?: string;
        sipTrunkId?: string;
    }): Promise<AgentResource>;
    /** Oldest first. */
    listAgents(organizationIdOrName: string): Promise<AgentResource[]>;
}

/**
 * @module
 * The slice of `@outdial/livekit-emulator` the server's public API names (`emulatorTimings`,
 * `RunningServer.emulator`), typed here so the server's declarations do not import the emulator:
 * it is an optional dependency, loaded only for `livekit: 'emulate'`. Kysely's habit: "we don't
 * use the type from better-sqlite3 here to not have a dependency to it".
 * test/emulator-types.test.ts checks these against the emulator's own types.
 */
/** How long each phase of a simulated call takes, in milliseconds (the emulator's `EmulatorTimings`). */
interface EmulatorTimings {
    /** From the INVITE to the answer, for numbers that answer. */
    ringMs: number;
    /** How long an answered call talks before the callee hangs up. */
    talkMs: number;
    /** How long `+15005550004` talks before hanging up. */
    earlyHangupMs: number;
    /** How long `+15005550002` rings before the call fails as unanswered; unset, the dial's ring timeout. */
    noAnswerMs?: number | undefined;
    /** From the INVITE to a busy or trunk-failure response. */
    failMs: number;
}
/**
 * The in-process emulator of `livekit: 'emulate'`, as far as the server promises it: where it
 * listens, its credentials, and its timings. The object is the emulator's own `LiveKitEmulator`;
 * code that has `@outdial/livekit-emulator` installed may treat it as one.
 */
interface EmulatedLiveKit {
    readonly url: string;
    readonly apiKey: string;
    readonly apiSecret: string;
    /** Changes the timings of calls dialed from now on. */
    setTimings(timings: Partial<EmulatorTimings>): void;
}

/**
 * @module
 * What the Dial queue needs of the stored backlog: the queued calls in dial order, a window at a
 * time; the claim that makes a dial happen at most once; the agent's dial settings; and the
 * LiveKit ids of a dial. A dial's outcome is a status change, written through
 * `CallStore.transition` like every other.
 */

/** A queued call's place in line: priority first (0 most urgent), then seq (FIFO). */
interface DialKey {
    id: string;
    priority: number;
    seq: number;
}
/** What a dial reads of the call's agent, at dial time. */
interface AgentDialSettings {
    livekitAgentName: string | null;
    sipTrunkId: string | null;
}
interface QueueDepthRow {
    /** The agent's trunk; null when the agent names none (or was deleted): the default trunk. */
    sipTrunkId: string | null;
    priority: number;
    calls: number;
}
interface DialBacklog {
    /** Up to `limit` queued calls strictly after `after` in (priority, seq) order. */
    queuedAfter(after: DialKey | undefined, limit: number): Promise<DialKey[]>;
    /**
     * Claims a queued call for dialing (`queued → connecting`, through the guarded transition).
     * It commits before any LiveKit side effect, so a call is dialed at most once, also across
     * processes sharing the database.
     * @returns the claimed call, or undefined when it is no longer queued (cancelled, claimed)
     */
    claim(callId: string): Promise<CallRow | undefined>;
    /** The agent's worker name and trunk as they are now; undefined for a deleted agent. */
    agentDialSettings(agentId: string): Promise<AgentDialSettings | undefined>;
    /** Records the dial's room or dispatch id (informational: the room's name derives from the call id). */
    recordLiveKitIds(callId: string, ids: {
        room_id: string;
    } | {
        job_id: string;
    }, at: Date): Promise<void>;
    /**
     * Queued calls by their agent's trunk (as it is now, as a dial will read it) and priority, for
     * the queue-depth gauge.
     */
    depthByTrunk(): Promise<QueueDepthRow[]>;
}

/**
 * @module
 * The Dialer port: what the Dial queue needs from a telephony backend. LiveKit today
 * (livekit-dialer.ts); the queue knows nothing of LiveKit's wire protocol or error types.
 */
/** Everything needed to place one outbound call. */
interface PlaceCallRequest {
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
interface PlaceCallHooks {
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
type DialOutcome = {
    status: 'active';
    sipParticipantId: string;
} | {
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
interface SipParticipantState {
    sipParticipantId: string;
    /** LiveKit's `sip.callStatus`: `dialing`, `ringing`, `active`, `hangup`… */
    callStatus: string | undefined;
}
interface Dialer {
    /** Creates the room, dispatches the agent, then dials and waits for the answer or failure. */
    placeCall(request: PlaceCallRequest, hooks: PlaceCallHooks): Promise<DialOutcome>;
    /** Deletes the room, which hangs up everyone in it. Throws on failure (callers decide). */
    deleteRoom(roomName: string): Promise<void>;
    /** The call's SIP participant, or null when it is not (or no longer) in the room. */
    findSipParticipant(roomName: string, participantIdentity: string): Promise<SipParticipantState | null>;
    /** Names of the rooms that exist now: one request to learn which answered calls are over. */
    listRoomNames(): Promise<Set<string>>;
}

interface DialQueueDeps {
    calls: CallStore;
    backlog: DialBacklog;
    /** Null when LiveKit is not configured: the queue then never dials. */
    dialer: Dialer | null;
    logger: Logger;
    /** DIAL_CPS: at most this many dial starts (SIP INVITEs) in any 1-second window. */
    cps: number;
    /** DIAL_MAX_IN_FLIGHT: at most this many dials between claim and answer/failure. */
    maxInFlight: number;
    /** See DialPacer: extra ms every window of `cps` starts must span. Default 15 (98.5% of budget). */
    guardBandMs?: number;
    /** How many queued calls are held in memory at most (about; urgent arrivals may add some). */
    windowSize?: number;
    /** How often answered and interrupted calls are checked against LiveKit (lost webhooks). */
    trackIntervalMs?: number;
    /** Backoff of retried database writes after a dial (first delay; doubles up to 5 s). */
    writeRetryDelayMs?: number;
    /** Paces dials and measures intervals. Default `performance.now()` and `setTimeout`. */
    clock?: MonotonicClock;
    /** Stamps what is stored (answered_at, ended_at, call events). Default the system clock. */
    wallClock?: Clock;
}
/**
 * Two p-queues: `#starts` takes calls from the window in (priority, seq) order and holds each
 * until its INVITE is sent; its concurrency is the look-ahead, the number of calls that may be
 * claimed and prepared (room, agent) ahead of their pacing slot. It follows the measured
 * preparation time (`DialLookAhead`): just enough to keep every slot used, so an urgent call waits
 * behind as few already-claimed calls as possible.
 * `#inFlight` bounds dials from claim to answer/failure (DIAL_MAX_IN_FLIGHT).
 *
 * @example
 * ```ts
 * const queue = new DialQueue({ calls, backlog, dialer, logger, cps: 10, maxInFlight: 50 });
 * await queue.start();
 * queue.notifyQueued({ id: call.id, priority: call.priority, seq: call.seq });
 * ```
 */
declare class DialQueue {
    #private;
    constructor(deps: DialQueueDeps);
    get running(): boolean;
    /**
     * Reconciles interrupted dials, then loads the queued backlog and starts dialing. Without a
     * dialer (LiveKit not configured) it does nothing and `running` stays false.
     */
    start(): Promise<void>;
    /** Called after a queued call is committed. */
    notifyQueued(call: {
        id: string;
        priority: number;
        seq: number;
    }): void;
    /** See CallQueue.cancel. `before` is the call as it was read before the cancel. */
    cancel(before: CallRow, commit: (cancellation: CallCancellation) => Promise<CallRow | undefined>): Promise<CallRow | undefined>;
    /** Stops starting dials and waits for in-flight ones to settle. Queued calls stay queued. */
    stop(): Promise<void>;
    /** Teardowns not yet confirmed by LiveKit. */
    get pendingTeardowns(): number;
}

interface ServerStoresOptions {
    /** A SQLite file (its directory is created) or ':memory:' (the default: nothing survives close). */
    dbPath?: string;
    /**
     * How long a database write waits for another process's write lock (the CLI, a backup) before
     * it fails. Default 5000 ms.
     */
    databaseBusyTimeoutMs?: number;
    /** Run pending migrations (default true; `outdial migrate` runs them itself). */
    migrate?: boolean;
}

interface ServerOptions extends Pick<ServerStoresOptions, 'dbPath' | 'databaseBusyTimeoutMs'> {
    /** 0 picks a free port. Default 3000. */
    port?: number;
    /** Default 127.0.0.1. */
    host?: string;
    /** A LiveKit server, `'emulate'` for the in-process emulator, or null/absent for none. */
    livekit?: LiveKitConnection | 'emulate' | null;
    /** The emulator's timings, with `livekit: 'emulate'`. */
    emulatorTimings?: Partial<EmulatorTimings>;
    /** Dial starts per second (the SIP trunk's CPS budget). Default 10. */
    dialCps?: number;
    /** Dials still ringing at once. Default 50. */
    dialMaxInFlight?: number;
    /**
     * Milliseconds added to each 1 s pacing window (default 15, keeping 98.5% of the budget): the
     * margin for jitter between our clock and the carrier's.
     */
    dialGuardBandMs?: number;
    /** Per API key; false turns it off. Default 600 requests per minute. */
    rateLimit?: {
        windowMs: number;
        limit: number;
    } | false;
    /** Check every response against openapi.yaml. Default on unless NODE_ENV=production. */
    validateResponses?: boolean;
    /**
     * Browser origins allowed to call the API cross-origin (`https://app.example.com`), or `['*']`
     * for any origin, never with credentials. Default none: no CORS headers at all.
     */
    corsOrigins?: string[];
    /**
     * Serve Prometheus metrics at GET /metrics (unauthenticated). Default off: then nothing is
     * measured at all.
     */
    metrics?: boolean;
    /**
     * With `metrics`: serve /metrics on this port of `host` instead of the API's (0 picks a free
     * one), and not on the API's port at all.
     */
    metricsPort?: number;
    /** pino level. Default 'info'. */
    logLevel?: string;
    logger?: Logger;
}
interface RunningServer {
    /** `http://host:port`, without a trailing slash. */
    url: string;
    port: number;
    dialQueue: DialQueue;
    /** With `livekit: 'emulate'`: the in-process LiveKit emulator. */
    emulator?: EmulatedLiveKit;
    admin: AdminOperations;
    /** With `metrics`: the URL to scrape (on the API's port, or on `metricsPort`). */
    metricsUrl?: string;
    /** Stops accepting requests, lets in-flight dials settle, closes the database. Queued calls stay queued. */
    close(): Promise<void>;
}
/**
 * Starts the Outdial server.
 *
 * @example
 * const server = await startServer({ port: 0, livekit: 'emulate' });
 * const org = await server.admin.createOrganization('Acme');
 * const { key } = await server.admin.createApiKey(org.id);
 * // … call server.url with `x-api-key: key` …
 * await server.close();
 */
declare function startServer(options?: ServerOptions): Promise<RunningServer>;

export { loadEnvConfig, startServer };
export type { AdminOperations, AgentResource as Agent, CallResource as Call, EmulatedLiveKit, EmulatorTimings, EnvConfig, LiveKitConnection, RunningServer, ServerOptions };
