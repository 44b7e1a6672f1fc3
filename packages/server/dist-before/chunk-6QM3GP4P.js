import {
  AgentService,
  ApiKeyService,
  CALL_TRANSITION_CHANNEL,
  adminOperations,
  agentPhoneNumbers,
  monotonicClock,
  newCallId,
  openServerStores,
  wallClock
} from "./chunk-HC56PB3B.js";

// src/server/start-server.ts
import { randomBytes } from "crypto";
import { pino } from "pino";

// src/calls/call-service.ts
import { encodePageCursor } from "@outdial/contract";

// src/calls/call-resource.ts
function toQueuedCallResource(row) {
  return {
    id: row.id,
    status: row.status,
    agentId: row.agent_id,
    phoneNumber: row.phone_number,
    callerId: row.caller_id,
    startedAt: row.started_at,
    agent: { id: row.agent_id, name: row.agent_name, type: row.agent_type },
    metadata: JSON.parse(row.metadata)
  };
}
function toCallResource(row, queuePosition) {
  return {
    ...toQueuedCallResource(row),
    priority: row.priority,
    ringTimeoutSeconds: row.ring_timeout_seconds,
    maxDurationSeconds: row.max_duration_seconds,
    variables: JSON.parse(row.variables),
    roomId: row.room_id,
    jobId: row.job_id,
    sipParticipantId: row.sip_participant_id,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    duration: row.duration,
    failureReason: row.failure_reason,
    cancellation: row.cancellation,
    summary: row.summary,
    queuePosition: row.status === "queued" ? queuePosition : null,
    updatedAt: row.updated_at
  };
}

// src/calls/cancel-call.ts
import { apiError as apiError2, CANCELLABLE_STATUSES } from "@outdial/contract";

// src/calls/find-own-call.ts
import { apiError } from "@outdial/contract";
async function findOwnCall(calls, organizationId, callId) {
  const call = await calls.find(callId);
  if (!call) throw apiError("call_not_found");
  if (call.organization_id !== organizationId) throw apiError("call_forbidden");
  return call;
}

// src/calls/cancel-call.ts
var MAX_ATTEMPTS = 5;
async function cancelCall(deps, request) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = await findOwnCall(deps.calls, request.organizationId, request.callId);
    if (!CANCELLABLE_STATUSES.includes(before.status)) {
      throw apiError2("call_not_cancellable", { status: before.status });
    }
    const cancelled = await deps.queue.cancel(before, (cancellation) => {
      const endedAt = deps.clock.now();
      return deps.calls.transition(before.id, "cancelled", {
        from: [before.status],
        patch: { ended_at: endedAt.toISOString(), duration: talkSeconds(before, endedAt), cancellation },
        details: { reason: "cancelled_by_api", cancellation },
        now: endedAt
      });
    });
    if (!cancelled) continue;
    return { id: cancelled.id, status: "cancelled" };
  }
  throw new Error(`call ${request.callId} kept changing status while being cancelled`);
}
function talkSeconds(call, endedAt) {
  if (!call.answered_at) return 0;
  return Math.max(0, Math.floor((endedAt.getTime() - Date.parse(call.answered_at)) / 1e3));
}

// src/calls/create-outbound-call.ts
import {
  apiError as apiError3,
  CALL_QUEUED_MESSAGE,
  callMetadata,
  DEFAULT_PRIORITY,
  DEFAULT_RING_TIMEOUT_SECONDS,
  exceedsNestingDepth,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  reasonOf
} from "@outdial/contract";

// src/calls/request-hash.ts
import { createHash } from "crypto";
import { requestFingerprint } from "@outdial/contract";
function requestHash(method, path, body) {
  return createHash("sha256").update(requestFingerprint(method, path, body)).digest("hex");
}

// src/calls/create-outbound-call.ts
async function createOutboundCall(deps, request) {
  const { calls, idempotency } = deps;
  const { organizationId, body, idempotencyKey } = request;
  const customMetadata = body.metadata ?? {};
  if (exceedsNestingDepth(customMetadata, MAX_METADATA_DEPTH)) {
    throw apiError3(
      "metadata_too_deep",
      {},
      { details: [{ field: "metadata", message: reasonOf("metadata_too_deep") }] }
    );
  }
  if (Buffer.byteLength(JSON.stringify(customMetadata), "utf8") > MAX_METADATA_BYTES) {
    throw apiError3(
      "metadata_too_large",
      {},
      { details: [{ field: "metadata", message: reasonOf("metadata_too_large") }] }
    );
  }
  const agent = await deps.agents.find(organizationId, body.agentId);
  if (!agent) throw apiError3("agent_not_found");
  if (agent.type !== "voice") throw apiError3("agent_not_voice");
  if (agent.status !== "active") throw apiError3("agent_inactive");
  const phoneNumbers = agentPhoneNumbers(agent);
  const callerId = body.callerId ?? phoneNumbers[0];
  if (callerId === void 0) throw apiError3("agent_has_no_caller_id");
  if (!phoneNumbers.includes(callerId)) {
    const message = apiError3("caller_id_not_allowed").message;
    throw apiError3("caller_id_not_allowed", {}, { details: [{ field: "callerId", message }] });
  }
  if (!deps.livekitConfigured) throw apiError3("livekit_not_configured");
  if (idempotencyKey !== void 0) {
    const replay = await claimOrReplay(deps, organizationId, idempotencyKey, body);
    if (replay) return replay;
  }
  const priority = body.priority ?? DEFAULT_PRIORITY;
  const now = deps.clock.now().toISOString();
  let queued;
  try {
    const initiated = await calls.insertInitiated(
      {
        id: newCallId(),
        organization_id: organizationId,
        agent_id: agent.id,
        agent_name: agent.name,
        agent_type: agent.type,
        phone_number: body.phoneNumber,
        caller_id: callerId,
        priority,
        ring_timeout_seconds: body.ringTimeoutSeconds ?? DEFAULT_RING_TIMEOUT_SECONDS,
        max_duration_seconds: body.maxDurationSeconds ?? null,
        metadata: JSON.stringify(callMetadata(customMetadata, callerId, priority)),
        variables: JSON.stringify(body.variables ?? {}),
        room_id: null,
        job_id: null,
        sip_participant_id: null,
        failure_reason: null,
        summary: null,
        started_at: now,
        answered_at: null,
        ended_at: null,
        duration: null,
        updated_at: now
      },
      idempotencyKey === void 0 ? void 0 : { organizationId, key: idempotencyKey }
    );
    queued = await queueCall(deps, initiated);
  } catch (error) {
    if (idempotencyKey !== void 0) await idempotency.release(organizationId, idempotencyKey);
    throw error;
  }
  const result = { status: 201, body: { data: toQueuedCallResource(queued), message: CALL_QUEUED_MESSAGE } };
  if (idempotencyKey !== void 0) {
    await idempotency.complete(organizationId, idempotencyKey, { ...result, callId: queued.id });
  }
  return { ...result, replayed: false };
}
var IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1e3;
var ABANDONED_CLAIM_MS = 3e4;
async function claimOrReplay({ calls, idempotency, clock }, organizationId, key, body) {
  const hash = requestHash("POST", "/api/v1/calls/outbound", body);
  for (; ; ) {
    const now = clock.now();
    const claim = await idempotency.claim({
      organization_id: organizationId,
      key,
      request_hash: hash,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString()
    });
    if (claim.claimed) return void 0;
    const { existing } = claim;
    if (existing.request_hash !== hash) throw apiError3("idempotency_key_reused");
    if (existing.state === "completed" && existing.response_body !== null) {
      return {
        status: existing.response_status ?? 201,
        body: JSON.parse(existing.response_body),
        replayed: true
      };
    }
    const abandoned = now.getTime() - Date.parse(existing.created_at) > ABANDONED_CLAIM_MS;
    if (!abandoned) throw apiError3("idempotency_in_progress", {}, { headers: { "Retry-After": "1" } });
    const call = existing.call_id ? await calls.find(existing.call_id) : void 0;
    if (!call || call.status === "initiated" || call.status === "failed" && call.room_id === null) {
      await idempotency.dropAbandoned(existing);
      continue;
    }
    const response = {
      status: 201,
      body: {
        data: { ...toQueuedCallResource(call), status: "queued" },
        message: CALL_QUEUED_MESSAGE
      }
    };
    await idempotency.complete(organizationId, key, { ...response, callId: call.id });
    return { ...response, replayed: true };
  }
}
async function queueCall(deps, initiated) {
  let queued;
  try {
    queued = await deps.calls.transition(initiated.id, "queued", { from: ["initiated"] });
    if (!queued) throw new Error("the call left the initiated status unexpectedly");
    deps.queue.notifyQueued({ id: queued.id, priority: queued.priority, seq: queued.seq });
    return queued;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.error({ err: error, callId: initiated.id }, "failed to queue call");
    const endedAt = deps.clock.now().toISOString();
    const failed = await deps.calls.transition(initiated.id, "failed", {
      from: ["initiated", "queued"],
      patch: { failure_reason: `Failed to queue call: ${reason}`, ended_at: endedAt, duration: 0 },
      details: { reason: "queue_failed", error: reason }
    }).catch(() => void 0);
    if (!failed && queued) return queued;
    throw apiError3("queue_failed", { reason });
  }
}

// src/calls/call-service.ts
var CallService = class {
  #deps;
  constructor(deps) {
    this.#deps = { ...deps, clock: deps.clock ?? wallClock };
  }
  /** Queues a call; with an Idempotency-Key, a retry replays the first answer instead. */
  create(organizationId, body, idempotencyKey) {
    return createOutboundCall(this.#deps, { organizationId, body, idempotencyKey });
  }
  /** Newest first; each queued call with its queue position. */
  async list(organizationId, filters, page) {
    const rows = await this.#deps.calls.list(organizationId, filters, page);
    const calls = rows.slice(0, page.limit);
    const last = calls.at(-1);
    const hasMore = rows.length > page.limit;
    return {
      calls: await Promise.all(calls.map((row) => this.#toResource(row))),
      pagination: {
        limit: page.limit,
        hasMore,
        nextCursor: hasMore && last ? encodePageCursor({ t: last.started_at, i: last.id }) : null
      }
    };
  }
  /** The organization's call (a foreign call is `call_forbidden`, a missing one `call_not_found`). */
  async get(organizationId, callId) {
    return this.#toResource(await findOwnCall(this.#deps.calls, organizationId, callId));
  }
  cancel(organizationId, callId) {
    return cancelCall(this.#deps, { organizationId, callId });
  }
  async #toResource(row) {
    const position = row.status === "queued" ? await this.#deps.calls.queuePosition(row) : null;
    return toCallResource(row, position);
  }
};

// src/calls/fail-interrupted-creations.ts
async function failInterruptedCreations(calls, clock = wallClock) {
  const failed = [];
  for (const id of await calls.idsWithStatus(["initiated"])) {
    const endedAt = clock.now();
    const row = await calls.transition(id, "failed", {
      from: ["initiated"],
      patch: { failure_reason: "interrupted", ended_at: endedAt.toISOString(), duration: 0 },
      details: { reason: "interrupted before it was queued" },
      now: endedAt
    });
    if (row) failed.push(id);
  }
  return failed;
}

// src/dial/dial-queue.ts
import PQueue from "p-queue";

// src/dial/dial-diagnostics.ts
import { channel } from "diagnostics_channel";
var INVITE_SENT_CHANNEL = "outdial:dial:invite-sent";
var inviteSent = channel(INVITE_SENT_CHANNEL);
function publishInviteSent(calls, call, sipTrunkId) {
  if (inviteSent.hasSubscribers)
    inviteSent.publish({
      callId: call.id,
      at: Date.now(),
      monotonicMs: performance.now(),
      acceptedAt: Date.parse(call.started_at),
      sipTrunkId,
      calls
    });
}

// src/dial/dial-gate.ts
var DialGate = class {
  #entries = /* @__PURE__ */ new Map();
  /** Called before the dial starts (claim), so a cancel landing at any later moment is seen. */
  open(callId) {
    if (!this.#entries.has(callId)) {
      this.#entries.set(callId, {
        tail: Promise.resolve(),
        holders: 0,
        inviteSent: false,
        cancelled: false,
        closed: false
      });
    }
  }
  /** Forgets a call whose dial is over (once its last holder releases). */
  close(callId) {
    const entry = this.#entries.get(callId);
    if (!entry) return;
    entry.closed = true;
    if (entry.holders === 0) this.#entries.delete(callId);
  }
  /** Whether a cancel has committed for a call being dialed by this process. */
  isCancelled(callId) {
    return this.#entries.get(callId)?.cancelled ?? false;
  }
  /** The dial's last check before its INVITE. Release the pass once the headers are written. */
  async enterDial(callId) {
    this.open(callId);
    const { entry, release } = await this.#lock(callId);
    const mayDial = !entry.cancelled;
    if (mayDial) entry.inviteSent = true;
    return { mayDial, release };
  }
  /**
   * Runs a cancel's commit while no INVITE for the call can start. `commit` learns whether this
   * process is dialing the call and whether its INVITE already left (so the call must be torn down
   * in LiveKit), and returns a value when the cancel committed; the dial then sends nothing.
   */
  async whileCancelling(callId, commit) {
    if (!this.#entries.has(callId)) return commit({ dialedHere: false, inviteSent: false });
    const { entry, release } = await this.#lock(callId);
    try {
      const committed = await commit({ dialedHere: true, inviteSent: entry.inviteSent });
      if (committed !== void 0) entry.cancelled = true;
      return committed;
    } finally {
      release();
    }
  }
  async #lock(callId) {
    const entry = this.#entries.get(callId);
    const previous = entry.tail;
    let unlock;
    entry.tail = new Promise((resolve3) => {
      unlock = resolve3;
    });
    entry.holders++;
    await previous;
    let released = false;
    return {
      entry,
      release: () => {
        if (released) return;
        released = true;
        entry.holders--;
        unlock();
        if (entry.closed && entry.holders === 0 && this.#entries.get(callId) === entry) {
          this.#entries.delete(callId);
        }
      }
    };
  }
};

// src/dial/dial-look-ahead.ts
var INITIAL_PREPARATION_MS = 100;
var SMOOTHING = 0.2;
var DialLookAhead = class {
  #cps;
  #max;
  #preparationMs = INITIAL_PREPARATION_MS;
  constructor({ cps, max }) {
    this.#cps = cps;
    this.#max = max;
  }
  /** The number of calls to hold claimed ahead of their slot (at least 2, at most `max`). */
  get size() {
    const slots = Math.ceil(this.#preparationMs * this.#cps / 1e3) + 1;
    return Math.min(this.#max, Math.max(2, slots));
  }
  /** Records how long one call took from claim to ready for its slot; returns the new size. */
  record(preparationMs) {
    this.#preparationMs += SMOOTHING * (preparationMs - this.#preparationMs);
    return this.size;
  }
};

// src/dial/dial-pacer.ts
var DialPacer = class {
  #cps;
  #span;
  #spacing;
  #clock;
  #nextSlot = Number.NEGATIVE_INFINITY;
  #waiting = 0;
  /** The last `cps` starts, oldest first. */
  #recentStarts = [];
  constructor({ cps, guardBandMs = 15, windowMs = 1e3, clock = monotonicClock }) {
    if (!(cps > 0) || !Number.isInteger(cps))
      throw new RangeError(`cps must be a positive integer, got ${cps}`);
    if (!(guardBandMs >= 0)) throw new RangeError(`guardBandMs must be \u2265 0, got ${guardBandMs}`);
    this.#cps = cps;
    this.#span = windowMs + guardBandMs;
    this.#spacing = this.#span / cps;
    this.#clock = clock;
  }
  /** Resolves when one more dial may start, and counts that start. Waiters are served in order. */
  async acquire() {
    const slot = this.#waiting > 0 ? this.#nextSlot : Math.max(this.#nextSlot, this.#clock.now());
    this.#nextSlot = slot + this.#spacing;
    this.#waiting++;
    try {
      for (; ; ) {
        const now = this.#clock.now();
        const notBefore = Math.max(slot, this.#windowOpensAt());
        if (now >= notBefore) return this.#recordStart(now);
        await this.#clock.sleep(Math.min(notBefore - now, this.#spacing));
      }
    } finally {
      this.#waiting--;
    }
  }
  #windowOpensAt() {
    const oldest = this.#recentStarts.length < this.#cps ? void 0 : this.#recentStarts[0];
    if (!oldest) return Number.NEGATIVE_INFINITY;
    return (oldest.sent ? oldest.at : Math.max(oldest.at, this.#clock.now())) + this.#span;
  }
  #recordStart(at) {
    const record = { at, sent: false };
    this.#recentStarts.push(record);
    if (this.#recentStarts.length > this.#cps) this.#recentStarts.shift();
    return {
      at,
      sent: () => {
        if (record.sent) return;
        record.sent = true;
        record.at = Math.max(record.at, this.#clock.now());
      }
    };
  }
};

// src/dial/live-call-tracker.ts
import { isTerminalStatus } from "@outdial/contract";

// src/dial/call-completion.ts
async function completeAnsweredCall(calls, callId, details, clock) {
  const call = await calls.find(callId);
  if (call?.status !== "active") return void 0;
  const now = clock.now();
  const duration = call.answered_at ? Math.max(0, Math.floor((now.getTime() - Date.parse(call.answered_at)) / 1e3)) : null;
  return calls.transition(callId, "completed", {
    from: ["active"],
    patch: { ended_at: now.toISOString(), duration },
    details,
    now
  });
}

// src/dial/call-room.ts
var ROOM_PREFIX = "outdial-";
var SIP_IDENTITY_PREFIX = "sip-";
function roomNameForCall(callId) {
  return `${ROOM_PREFIX}${callId}`;
}
function sipIdentityForCall(callId) {
  return `${SIP_IDENTITY_PREFIX}${callId}`;
}
function callIdFromRoomName(roomName) {
  return roomName.startsWith(ROOM_PREFIX) ? roomName.slice(ROOM_PREFIX.length) || void 0 : void 0;
}

// src/dial/live-call-tracker.ts
var INTERRUPTED = "interrupted";
var LOOKUP_BATCH = 16;
var LiveCallTracker = class {
  #deps;
  #clock;
  #wallClock;
  #tracked = /* @__PURE__ */ new Set();
  #timer;
  #sweeping;
  #leftoverRoomsCheckedAt = Number.NEGATIVE_INFINITY;
  constructor(deps) {
    this.#deps = deps;
    this.#clock = deps.clock ?? monotonicClock;
    this.#wallClock = deps.wallClock ?? wallClock;
  }
  get size() {
    return this.#tracked.size;
  }
  track(callId) {
    this.#tracked.add(callId);
  }
  start() {
    this.#timer ??= setInterval(() => void this.sweep(), this.#deps.intervalMs);
    this.#timer.unref();
  }
  async stop() {
    clearInterval(this.#timer);
    this.#timer = void 0;
    await this.#sweeping;
  }
  /** Checks every tracked call once; concurrent calls share one sweep. */
  sweep() {
    this.#sweeping ??= this.#sweepOnce().catch(
      (error) => this.#deps.logger.error({ err: error }, "live-call sweep failed; will retry")
    ).finally(() => {
      this.#sweeping = void 0;
    });
    return this.#sweeping;
  }
  async #sweepOnce() {
    const { calls, dialer, logger } = this.#deps;
    const ids = [...this.#tracked];
    let roomNames;
    const now = this.#clock.now();
    const lookForLeftovers = now - this.#leftoverRoomsCheckedAt >= (this.#deps.leftoverRoomIntervalMs ?? 6e4);
    if (lookForLeftovers || ids.length > 0) {
      try {
        roomNames = await dialer.listRoomNames();
      } catch (error) {
        logger.warn({ err: error }, "could not list LiveKit rooms; will retry");
      }
    }
    if (roomNames && lookForLeftovers) {
      this.#leftoverRoomsCheckedAt = now;
      await this.#tearDownRoomsOfEndedCalls(roomNames);
    }
    const undecided = [];
    for (const row of await calls.statusesOf(ids)) {
      if (isTerminalStatus(row.status)) {
        this.#tracked.delete(row.id);
      } else if (row.status === "active") {
        if (roomNames && !roomNames.has(roomNameForCall(row.id))) {
          await completeAnsweredCall(
            calls,
            row.id,
            { source: "tracker", reason: "room_gone" },
            this.#wallClock
          );
          this.#tracked.delete(row.id);
        }
      } else {
        undecided.push(row);
      }
    }
    for (let i = 0; i < undecided.length; i += LOOKUP_BATCH) {
      await Promise.all(undecided.slice(i, i + LOOKUP_BATCH).map((row) => this.#reconcileDial(row.id)));
    }
  }
  /**
   * A room of ours whose call has ended is torn down: the hang-up that should have removed it
   * failed, or the process that owed it died. This is what makes a cancel's teardown survive a
   * crash (start-up runs a sweep) and a LiveKit outage longer than the teardown's own retries.
   */
  async #tearDownRoomsOfEndedCalls(roomNames) {
    const callIds = [...roomNames].map(callIdFromRoomName).filter((id) => id !== void 0);
    for (const row of await this.#deps.calls.statusesOf(callIds)) {
      if (isTerminalStatus(row.status))
        void this.#deps.teardown.start(row.id, `leftover room (${row.status})`);
    }
  }
  /**
   * A connecting/ringing call whose dial result will never arrive. SIP participant still in the
   * room: follow it (answered → active). Gone: the call is over and we cannot know how it went,
   * so it fails as "interrupted" (never re-dialed: the person may have been rung already).
   */
  async #reconcileDial(callId) {
    const { calls, dialer, logger } = this.#deps;
    const roomName = roomNameForCall(callId);
    let participant;
    try {
      participant = await dialer.findSipParticipant(roomName, sipIdentityForCall(callId));
    } catch (error) {
      logger.warn({ err: error, callId }, "could not look up the SIP participant; will retry");
      return;
    }
    if (participant && participant.callStatus !== "hangup") {
      const patch = { sip_participant_id: participant.sipParticipantId };
      if (participant.callStatus === "active") {
        const now2 = this.#wallClock.now();
        const answered = await calls.transition(callId, "active", {
          from: ["connecting", "ringing"],
          patch: { ...patch, answered_at: now2.toISOString() },
          details: { source: "tracker", sipCallStatus: participant.callStatus },
          now: now2
        });
        if (answered) logger.info({ callId }, "interrupted dial was answered; tracking it");
      } else {
        await calls.transition(callId, "ringing", {
          from: ["connecting"],
          patch,
          details: { source: "tracker", sipCallStatus: participant.callStatus },
          now: this.#wallClock.now()
        });
      }
      return;
    }
    const now = this.#wallClock.now();
    const failed = await calls.transition(callId, "failed", {
      from: ["connecting", "ringing"],
      patch: { failure_reason: INTERRUPTED, ended_at: now.toISOString(), duration: 0 },
      details: { source: "tracker", reason: INTERRUPTED },
      now
    });
    this.#tracked.delete(callId);
    if (failed) {
      logger.warn({ callId }, "interrupted dial has no SIP participant in LiveKit; marked failed");
      void this.#deps.teardown.start(callId, INTERRUPTED);
    }
  }
};

// src/dial/place-call-request.ts
async function placeCallRequestFor(backlog, call) {
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
      variables: parseJsonObject(call.variables)
    })
  };
}
function parseJsonObject(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

// src/dial/queued-call-window.ts
var IDLE_RESCAN_MS = 5e3;
function compareDialKeys(a, b) {
  return a.priority - b.priority || a.seq - b.seq;
}
var QueuedCallWindow = class {
  #deps;
  #entries = /* @__PURE__ */ new Map();
  #cursor;
  /** The last refill found nothing more after the cursor. */
  #caughtUp = false;
  #refilling;
  /** Notifications that arrived during a refill, re-examined after it. */
  #arrivedDuringRefill = [];
  #open = false;
  #rescanTimer;
  constructor(deps) {
    this.#deps = deps;
  }
  get size() {
    return this.#entries.size;
  }
  open() {
    this.#open = true;
    this.#rescanTimer = setInterval(() => this.#rescanIfIdle(), IDLE_RESCAN_MS);
    this.#rescanTimer.unref();
  }
  /** Drops every call from memory (their jobs never start); they stay queued in the database. */
  close() {
    this.#open = false;
    clearInterval(this.#rescanTimer);
    for (const entry of this.#entries.values()) entry.abort.abort();
    this.#entries.clear();
    this.#cursor = void 0;
    this.#caughtUp = false;
  }
  /** A newly committed queued call. */
  admit(call) {
    if (!this.#open || this.#entries.has(call.id) || this.#deps.isTaken(call.id)) return;
    if (this.#refilling) {
      this.#arrivedDuringRefill.push(call);
      return;
    }
    if (this.#cursor && compareDialKeys(call, this.#cursor) <= 0) {
      this.#add(call);
      if (this.#entries.size > 2 * this.#deps.size) this.#evictTail();
      return;
    }
    this.#caughtUp = false;
    void this.refill();
  }
  /** Cancelled while queued: its job must never start. */
  remove(callId) {
    const entry = this.#entries.get(callId);
    if (!entry) return;
    entry.abort.abort();
    this.#entries.delete(callId);
  }
  /** The start line took this call: it leaves the window (and may make room for a refill). */
  taken(callId) {
    this.#entries.delete(callId);
    if (this.#entries.size <= this.#deps.size / 2 && !this.#caughtUp) void this.refill();
  }
  /** Reads the next calls after the cursor until the window is full. Concurrent calls share one. */
  refill() {
    this.#refilling ??= this.#refillOnce().catch((error) => this.#deps.logger.error({ err: error }, "could not read the queued backlog")).finally(() => {
      this.#refilling = void 0;
      const arrived = this.#arrivedDuringRefill;
      this.#arrivedDuringRefill = [];
      for (const call of arrived) this.admit(call);
    });
    return this.#refilling;
  }
  async #refillOnce() {
    while (this.#open && !this.#caughtUp && this.#entries.size < this.#deps.size) {
      const limit = this.#deps.size - this.#entries.size;
      const cursor = this.#cursor;
      const rows = await this.#deps.backlog.queuedAfter(cursor, limit);
      if (!this.#open) return;
      for (const row of rows) {
        if (!this.#entries.has(row.id) && !this.#deps.isTaken(row.id)) this.#add(row);
      }
      const last = rows.at(-1);
      if (last) this.#cursor = last;
      if (rows.length < limit) this.#caughtUp = true;
    }
  }
  #add(call) {
    const abort = new AbortController();
    const key = { id: call.id, priority: call.priority, seq: call.seq };
    this.#entries.set(call.id, { key, abort });
    this.#deps.enqueue(key, abort.signal);
  }
  /**
   * A flood of urgent calls can grow the window past its size. Drop the least urgent half back to
   * the database (they stay queued) and move the cursor back so a later refill reads them again.
   */
  #evictTail() {
    const sorted = [...this.#entries.values()].sort((a, b) => compareDialKeys(a.key, b.key));
    for (const entry of sorted.slice(this.#deps.size)) {
      entry.abort.abort();
      this.#entries.delete(entry.key.id);
    }
    this.#cursor = sorted[this.#deps.size - 1]?.key;
    this.#caughtUp = false;
  }
  /** Once the window is empty, read from the start again (finds calls nobody notified us of). */
  #rescanIfIdle() {
    if (!this.#open || this.#entries.size > 0 || this.#refilling) return;
    this.#cursor = void 0;
    this.#caughtUp = false;
    void this.refill();
  }
};

// src/dial/room-teardown.ts
var RoomTeardown = class {
  #deps;
  #running = /* @__PURE__ */ new Map();
  #stopped = false;
  #stopping = new AbortController();
  constructor(deps) {
    this.#deps = deps;
  }
  /** Calls whose teardown is not confirmed yet. */
  get pending() {
    return this.#running.size;
  }
  /**
   * Tears the call's room down. `dialSettled`, when a CreateSIPParticipant for the call may be in
   * flight, resolves once it has answered; until then no confirmation counts.
   * @returns resolves after the first DeleteRoom (whatever its result); the retries go on in the
   * background until LiveKit confirms or the teardown is stopped
   */
  start(callId, why, dialSettled) {
    const existing = this.#running.get(callId);
    if (existing && !dialSettled) return Promise.resolve();
    let firstAttempt;
    const attempted = new Promise((resolve3) => firstAttempt = resolve3);
    const run = this.#run(callId, why, dialSettled, existing, firstAttempt).finally(() => {
      firstAttempt();
      if (this.#running.get(callId) === run) this.#running.delete(callId);
    });
    this.#running.set(callId, run);
    return attempted;
  }
  /** Stops retrying (the process is shutting down; start-up reconciliation takes over). */
  async stop() {
    this.#stopped = true;
    this.#stopping.abort();
    await Promise.allSettled([...this.#running.values()]);
  }
  async #run(callId, why, dialSettled, previous, attempted) {
    await previous;
    const { dialer, logger } = this.#deps;
    const roomName = roomNameForCall(callId);
    let settled = dialSettled === void 0;
    void dialSettled?.then(
      () => settled = true,
      () => settled = true
    );
    let delay = this.#deps.initialDelayMs ?? 25;
    const maxDelay = this.#deps.maxDelayMs ?? 5e3;
    for (let attempt = 1; !this.#stopped; attempt++) {
      const settledBefore = settled;
      try {
        await dialer.deleteRoom(roomName);
        if (settledBefore) {
          if (attempt > 1) logger.info({ callId, why, attempts: attempt }, "LiveKit room deleted");
          return;
        }
      } catch (error) {
        logger.warn({ err: error, callId, why, attempt }, "could not delete the LiveKit room; retrying");
      }
      attempted();
      await this.#sleep(settledBefore ? delay : Math.min(delay, 100));
      delay = Math.min(delay * 2, maxDelay);
    }
  }
  #sleep(ms) {
    const { signal } = this.#stopping;
    return new Promise((resolve3) => {
      const wake = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", wake);
        resolve3();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      signal.addEventListener("abort", wake, { once: true });
    });
  }
};

// src/dial/dial-queue.ts
var DialAbandoned = class extends Error {
};
var LIVE_STATUSES = ["connecting", "ringing", "active"];
var MAX_WRITE_RETRY_DELAY_MS = 5e3;
var DialQueue = class {
  #deps;
  #log;
  #clock;
  #wallClock;
  #pacer;
  #lookAhead;
  #starts;
  #inFlight;
  #window;
  #tracker;
  #teardown;
  /** Orders each cancel against its call's INVITE. */
  #gate = new DialGate();
  /** Calls taken from the window whose dial has not finished: never admitted again. */
  #taken = /* @__PURE__ */ new Set();
  /** Dials in progress by call id: settles once the dial's CreateSIPParticipant has answered. */
  #placing = /* @__PURE__ */ new Map();
  #dialsSettled = /* @__PURE__ */ new Set();
  #running = false;
  constructor(deps) {
    if (!(Number.isInteger(deps.maxInFlight) && deps.maxInFlight > 0)) {
      throw new RangeError(`maxInFlight must be a positive integer, got ${deps.maxInFlight}`);
    }
    this.#deps = deps;
    this.#log = deps.logger.child({ component: "dial-queue" });
    this.#clock = deps.clock ?? monotonicClock;
    this.#wallClock = deps.wallClock ?? wallClock;
    this.#pacer = new DialPacer({
      cps: deps.cps,
      ...deps.guardBandMs === void 0 ? {} : { guardBandMs: deps.guardBandMs },
      clock: this.#clock
    });
    this.#lookAhead = new DialLookAhead({ cps: deps.cps, max: deps.maxInFlight });
    this.#starts = new PQueue({ concurrency: this.#lookAhead.size });
    this.#inFlight = new PQueue({ concurrency: deps.maxInFlight });
    this.#window = new QueuedCallWindow({
      backlog: deps.backlog,
      logger: this.#log,
      size: deps.windowSize ?? 1e3,
      isTaken: (id) => this.#taken.has(id),
      enqueue: (call, signal) => this.#enqueue(call, signal)
    });
    this.#teardown = deps.dialer ? new RoomTeardown({ dialer: deps.dialer, logger: this.#log }) : void 0;
    this.#tracker = deps.dialer && this.#teardown ? new LiveCallTracker({
      calls: deps.calls,
      dialer: deps.dialer,
      teardown: this.#teardown,
      logger: this.#log,
      intervalMs: deps.trackIntervalMs ?? 1e4,
      clock: this.#clock,
      wallClock: this.#wallClock
    }) : void 0;
  }
  get running() {
    return this.#running;
  }
  /**
   * Reconciles interrupted dials, then loads the queued backlog and starts dialing. Without a
   * dialer (LiveKit not configured) it does nothing and `running` stays false.
   */
  async start() {
    if (this.#running) return;
    if (!this.#deps.dialer || !this.#tracker) {
      this.#log.warn(
        "LiveKit is not configured (LIVEKIT_URL, or --emulate-livekit): the Dial queue will not dial"
      );
      return;
    }
    await this.#reconcileInterruptedDials(this.#tracker);
    this.#tracker.start();
    this.#running = true;
    this.#window.open();
    await this.#window.refill();
  }
  /** Called after a queued call is committed. */
  notifyQueued(call) {
    if (!this.#running) return;
    this.#window.admit(call);
  }
  /** See CallQueue.cancel. `before` is the call as it was read before the cancel. */
  async cancel(before, commit) {
    const callId = before.id;
    const cancelled = await this.#gate.whileCancelling(
      callId,
      ({ dialedHere, inviteSent: inviteSent2 }) => commit(cancellationOf(before.status, dialedHere, inviteSent2))
    );
    if (!cancelled) return void 0;
    if (!LIVE_STATUSES.includes(before.status)) {
      this.#window.remove(callId);
      return cancelled;
    }
    await this.#teardown?.start(callId, "cancelled", this.#placing.get(callId));
    return cancelled;
  }
  /** Stops starting dials and waits for in-flight ones to settle. Queued calls stay queued. */
  async stop() {
    if (!this.#running) return;
    this.#running = false;
    this.#window.close();
    await this.#starts.onIdle();
    while (this.#dialsSettled.size > 0) await Promise.allSettled([...this.#dialsSettled]);
    await this.#tracker?.stop();
    await this.#teardown?.stop();
  }
  /** Teardowns not yet confirmed by LiveKit. */
  get pendingTeardowns() {
    return this.#teardown?.pending ?? 0;
  }
  /** Calls found connecting/ringing/active at start-up are tracked; dials are never repeated. */
  async #reconcileInterruptedDials(tracker) {
    const ids = await this.#deps.calls.idsWithStatus(["connecting", "ringing", "active"]);
    for (const id of ids) tracker.track(id);
    if (ids.length > 0)
      this.#log.info({ calls: ids.length }, "reconciling calls left live by a previous run");
    await tracker.sweep();
  }
  /** Puts a call from the window on the start line, in (priority, seq) order. */
  #enqueue(call, signal) {
    const order = -(Math.min(Math.max(call.priority, 0), 1e3) * 2 ** 40 + call.seq);
    this.#starts.add(
      async () => {
        this.#window.taken(call.id);
        this.#taken.add(call.id);
        await this.#startDial(call.id);
      },
      { priority: order, signal }
    ).catch((error) => {
      if (!signal.aborted) this.#log.error({ err: error, callId: call.id }, "dial start failed");
    });
  }
  /** Resolves once the call's INVITE is sent (or its dial ended or never began). */
  #startDial(callId) {
    return new Promise((inviteSent2) => {
      const settled = this.#inFlight.add(() => this.#dial(callId, inviteSent2)).catch((error) => this.#log.error({ err: error, callId }, "dial crashed")).finally(() => {
        inviteSent2();
        this.#taken.delete(callId);
        this.#dialsSettled.delete(settled);
      });
      this.#dialsSettled.add(settled);
    });
  }
  async #dial(callId, inviteSent2) {
    const { calls, backlog } = this.#deps;
    const dialer = this.#deps.dialer;
    if (!this.#running) return;
    this.#gate.open(callId);
    let placed;
    this.#placing.set(callId, new Promise((resolve3) => placed = resolve3));
    let start;
    let pass;
    try {
      const call = await backlog.claim(callId);
      if (!call) return;
      const claimedAt = this.#clock.now();
      const request = await placeCallRequestFor(backlog, call);
      let outcome;
      try {
        outcome = await dialer.placeCall(request, {
          beforeDialStart: async () => {
            if (this.#gate.isCancelled(callId)) throw new DialAbandoned();
            this.#starts.concurrency = this.#lookAhead.record(this.#clock.now() - claimedAt);
            start = await this.#pacer.acquire();
            pass = await this.#gate.enterDial(callId);
            if (!pass.mayDial) throw new DialAbandoned();
            inviteSent2();
          },
          onDialSent: () => {
            start?.sent();
            publishInviteSent(calls, call, request.sipTrunkId);
            pass?.release();
          },
          onRoomCreated: (roomId) => this.#writeCallIds(callId, { room_id: roomId }),
          onAgentDispatched: (jobId) => this.#writeCallIds(callId, { job_id: jobId })
        });
      } finally {
        start?.sent();
        pass?.release();
        placed();
      }
      await this.#recordOutcome(callId, outcome);
    } catch (error) {
      if (error instanceof DialAbandoned) {
        await this.#teardown?.start(callId, "cancelled before dialing");
        return;
      }
      await this.#recordOutcome(callId, {
        status: "failed",
        failureReason: `Dial error: ${error instanceof Error ? error.message : String(error)}`
      });
    } finally {
      placed();
      this.#placing.delete(callId);
      this.#gate.close(callId);
    }
  }
  /**
   * Writes a dial's outcome, retrying while the database refuses (locked past busy_timeout, disk
   * full): the person has been rung, and a call left `connecting`/`ringing` would stay so until a
   * restart. Retries stop when the queue stops; the next start reconciles the call instead.
   */
  async #recordOutcome(callId, outcome) {
    let delay = this.#deps.writeRetryDelayMs ?? 50;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#applyOutcome(callId, outcome);
        if (attempt > 1) this.#log.info({ callId, attempts: attempt }, "dial outcome recorded");
        return;
      } catch (error) {
        if (!this.#running) {
          this.#log.error(
            { err: error, callId },
            "could not record the dial outcome; left for reconciliation"
          );
          this.#tracker?.track(callId);
          return;
        }
        this.#log.warn({ err: error, callId, attempt }, "could not record the dial outcome; retrying");
        await this.#clock.sleep(delay);
        delay = Math.min(delay * 2, MAX_WRITE_RETRY_DELAY_MS);
      }
    }
  }
  async #applyOutcome(callId, outcome) {
    const { calls } = this.#deps;
    const now = this.#wallClock.now();
    if (outcome.status === "active") {
      const answered = await calls.transition(callId, "active", {
        from: ["connecting", "ringing"],
        patch: { answered_at: now.toISOString(), sip_participant_id: outcome.sipParticipantId },
        details: { source: "dial_result" },
        now
      });
      if (answered) {
        this.#tracker?.track(callId);
      } else {
        void this.#teardown?.start(callId, "answered after cancel");
      }
      return;
    }
    const { status, failureReason, sipStatusCode, outcomeUnknown } = outcome;
    const ended = await calls.transition(callId, status, {
      from: ["connecting", "ringing"],
      // Never answered: the spec's duration is 0, not null, once the call has ended.
      patch: { failure_reason: failureReason, ended_at: now.toISOString(), duration: 0 },
      details: { source: "dial_result", failureReason, sipStatusCode, outcomeUnknown },
      now
    });
    if (ended) this.#log.info({ callId, status, failureReason }, "dial ended without answer");
    void this.#teardown?.start(callId, status);
  }
  /**
   * Room and dispatch ids are informational (the room's name is derived from the call id), so a
   * write the database refuses is retried in the background instead of failing the dial.
   */
  async #writeCallIds(callId, ids) {
    const write = () => this.#deps.backlog.recordLiveKitIds(callId, ids, this.#wallClock.now());
    try {
      await write();
    } catch (error) {
      this.#log.warn({ err: error, callId }, "could not record LiveKit ids; retrying in the background");
      const firstDelayMs = this.#deps.writeRetryDelayMs ?? 50;
      void retryInBackground(write, firstDelayMs, this.#clock, () => this.#running).catch(
        (lastError) => this.#log.error({ err: lastError, callId }, "gave up recording LiveKit ids")
      );
    }
  }
};
function cancellationOf(status, dialedHere, inviteSent2) {
  if (!LIVE_STATUSES.includes(status)) return "before_dial";
  if (dialedHere) return inviteSent2 || status !== "connecting" ? "hung_up" : "before_dial";
  return "hung_up";
}
async function retryInBackground(write, firstDelayMs, clock, keepGoing) {
  let delay = firstDelayMs;
  for (let attempt = 1; attempt <= 8; attempt++) {
    await clock.sleep(delay);
    try {
      await write();
      return;
    } catch (error) {
      if (attempt === 8 || !keepGoing()) throw error;
      delay = Math.min(delay * 2, MAX_WRITE_RETRY_DELAY_MS);
    }
  }
}

// src/dial/livekit-dialer.ts
import { AsyncLocalStorage } from "async_hooks";
import { subscribe } from "diagnostics_channel";
import {
  AccessToken,
  AgentDispatchClient,
  RoomServiceClient,
  ServerError,
  SipCallError,
  SipClient
} from "livekit-server-sdk";
var DIAL_TOKEN_TTL_SECONDS = 600;
var DIAL_TOKEN_RENEW_AFTER_MS = 3e5;
var BUSY_CODES = /* @__PURE__ */ new Set([486, 600]);
var NO_ANSWER_CODES = /* @__PURE__ */ new Set([408, 480, 487]);
var LiveKitDialer = class {
  #rooms;
  #dispatch;
  #config;
  #origin;
  #sip;
  /** Inside a dial's CreateSIPParticipant: the callback that reports its INVITE as sent. */
  #dialContext = new AsyncLocalStorage();
  /** CreateSIPParticipant requests on their way to the socket, with their dial's callback. */
  #awaitingSend = /* @__PURE__ */ new WeakMap();
  constructor(config) {
    this.#config = config;
    const options = { failover: false };
    this.#rooms = new RoomServiceClient(config.url, config.apiKey, config.apiSecret, options);
    this.#dispatch = new AgentDispatchClient(config.url, config.apiKey, config.apiSecret, options);
    this.#origin = new URL(config.url.replace(/^ws/, "http")).origin;
    subscribe("undici:request:create", (message) => {
      const { request } = message;
      const report = this.#dialContext.getStore();
      if (!report || !request || request.origin !== this.#origin) return;
      if (typeof request.path === "string" && request.path.endsWith("/CreateSIPParticipant")) {
        this.#awaitingSend.set(request, report);
      }
    });
    subscribe("undici:client:sendHeaders", (message) => {
      const { request } = message;
      if (request) this.#awaitingSend.get(request)?.();
    });
  }
  /**
   * A SipClient holding a pre-signed token. Signing per request is asynchronous (WebCrypto on the
   * thread pool); done between the pacer's slot and the INVITE it would add jitter to what the
   * carrier sees, so the token is signed before the slot and reused.
   */
  async #sipClient() {
    const now = Date.now();
    if (this.#sip && now - this.#sip.signedAt < DIAL_TOKEN_RENEW_AFTER_MS) return this.#sip.client;
    const token = new AccessToken(this.#config.apiKey, this.#config.apiSecret, {
      ttl: DIAL_TOKEN_TTL_SECONDS
    });
    token.addSIPGrant({ call: true });
    const client = new SipClient(this.#config.url, void 0, void 0, {
      token: await token.toJwt(),
      failover: false
    });
    this.#sip = { client, signedAt: now };
    return client;
  }
  async placeCall(request, hooks) {
    const { roomName } = request;
    try {
      const room = await this.#rooms.createRoom({ name: roomName });
      await hooks.onRoomCreated(room.name || roomName);
      const agentName = request.agentName ?? this.#config.agentName;
      if (agentName) {
        const dispatch = await this.#dispatch.createDispatch(roomName, agentName, {
          metadata: request.agentMetadata
        });
        await hooks.onAgentDispatched(dispatch.id);
      }
    } catch (error) {
      return { status: "failed", failureReason: describeLiveKitError(error) };
    }
    let sip;
    try {
      sip = await this.#sipClient();
    } catch (error) {
      return { status: "failed", failureReason: describeLiveKitError(error) };
    }
    await hooks.beforeDialStart();
    const sipTrunkId = request.sipTrunkId ?? this.#config.sipTrunkId ?? "";
    let reported = false;
    const reportSent = () => {
      if (reported) return;
      reported = true;
      hooks.onDialSent();
    };
    try {
      const participant = await this.#dialContext.run(
        reportSent,
        () => sip.createSipParticipant(sipTrunkId, request.phoneNumber, roomName, {
          participantIdentity: request.participantIdentity,
          fromNumber: request.callerId,
          waitUntilAnswered: true,
          ringingTimeout: request.ringTimeoutSeconds,
          ...request.maxDurationSeconds === null ? {} : { maxCallDuration: request.maxDurationSeconds }
        })
      );
      return { status: "active", sipParticipantId: participant.participantId };
    } catch (error) {
      return dialOutcomeFromError(error);
    } finally {
      reportSent();
    }
  }
  async deleteRoom(roomName) {
    try {
      await this.#rooms.deleteRoom(roomName);
    } catch (error) {
      if (error instanceof ServerError && error.code === "not_found") return;
      throw error;
    }
  }
  async findSipParticipant(roomName, participantIdentity) {
    try {
      const participants = await this.#rooms.listParticipants(roomName);
      const participant = participants.find((p) => p.identity === participantIdentity);
      if (!participant) return null;
      return { sipParticipantId: participant.sid, callStatus: participant.attributes["sip.callStatus"] };
    } catch (error) {
      if (error instanceof ServerError && error.code === "not_found") return null;
      throw error;
    }
  }
  async listRoomNames() {
    const rooms = await this.#rooms.listRooms();
    return new Set(rooms.map((room) => room.name));
  }
};
function dialOutcomeFromError(error) {
  if (error instanceof SipCallError && error.sipStatusCode !== void 0) {
    const code = error.sipStatusCode;
    const failureReason = `SIP ${code}: ${error.sipStatus ?? "unknown status"}`;
    if (BUSY_CODES.has(code)) return { status: "busy", failureReason, sipStatusCode: code };
    if (NO_ANSWER_CODES.has(code)) return { status: "no_answer", failureReason, sipStatusCode: code };
    return { status: "failed", failureReason, sipStatusCode: code };
  }
  if (error instanceof ServerError && error.status < 500) {
    return { status: "failed", failureReason: describeLiveKitError(error) };
  }
  return {
    status: "failed",
    failureReason: `${describeLiveKitError(error)} (call outcome unknown)`,
    outcomeUnknown: true
  };
}
function describeLiveKitError(error) {
  if (error instanceof ServerError) {
    return `LiveKit error: ${error.code ?? error.status}: ${error.message || error.name}`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `LiveKit error: ${error.message}${cause}`;
  }
  return `LiveKit error: ${String(error)}`;
}

// src/dial/livekit-webhook-handler.ts
import { WebhookReceiver } from "livekit-server-sdk";
var WebhookVerificationError = class extends Error {
  name = "WebhookVerificationError";
};
var LiveKitWebhookHandler = class {
  #calls;
  #log;
  #receiver;
  #clock;
  constructor(deps) {
    this.#calls = deps.calls;
    this.#log = deps.logger.child({ component: "livekit-webhooks" });
    this.#receiver = new WebhookReceiver(deps.apiKey, deps.apiSecret);
    this.#clock = deps.clock ?? wallClock;
  }
  async receive(rawBody, authorization) {
    let event;
    try {
      event = await this.#receiver.receive(rawBody, authorization);
    } catch (error) {
      throw new WebhookVerificationError(
        `LiveKit webhook verification failed: ${error instanceof Error ? error.message : String(error)}`
      );
    }
    const roomName = event.room?.name;
    const callId = roomName ? callIdFromRoomName(roomName) : void 0;
    if (!callId) return;
    const details = { source: "webhook", event: event.event, webhookId: event.id };
    switch (event.event) {
      case "participant_joined": {
        if (!this.#isCallee(callId, event)) return;
        await this.#calls.transition(callId, "ringing", {
          from: ["connecting"],
          patch: { sip_participant_id: event.participant?.sid || null },
          details,
          now: this.#clock.now()
        });
        return;
      }
      case "participant_left": {
        if (!this.#isCallee(callId, event)) return;
        await completeAnsweredCall(this.#calls, callId, details, this.#clock);
        return;
      }
      case "room_finished":
        await completeAnsweredCall(this.#calls, callId, details, this.#clock);
        return;
      default:
        this.#log.debug({ callId, event: event.event }, "webhook ignored");
    }
  }
  /** The callee is the SIP participant we created, known by its deterministic identity. */
  #isCallee(callId, event) {
    return event.participant?.identity === sipIdentityForCall(callId);
  }
};

// src/http/client-errors.ts
import { STATUS_CODES } from "http";
import { apiError as apiError4, errorEnvelope } from "@outdial/contract";

// src/http/request-id.ts
import { randomUUID } from "crypto";
var SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
function assignRequestId() {
  return (req, res, next) => {
    const incoming = req.get("x-request-id");
    req.requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : newRequestId();
    res.setHeader("x-request-id", req.requestId);
    next();
  };
}
function newRequestId() {
  return `req_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

// src/http/client-errors.ts
function catalogKeyOf(code) {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return "request_headers_too_large";
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return "request_timeout";
    default:
      return "malformed_request";
  }
}
function responseInFlight(socket) {
  return socket._httpMessage;
}
function answerClientErrors(server) {
  server.on("clientError", (error, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable || responseInFlight(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    const answer = apiError4(catalogKeyOf(error.code));
    const requestId = newRequestId();
    const body = JSON.stringify(errorEnvelope(answer, requestId));
    socket.end(
      [
        `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
        "Connection: close",
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        `x-request-id: ${requestId}`,
        "",
        body
      ].join("\r\n")
    );
  });
}

// src/http/create-app.ts
import express2 from "express";

// src/metrics/metrics-endpoint.ts
import { createServer } from "http";
import { Router } from "express";
var METRICS_PATH = "/metrics";
async function answerScrape(registry, logger, req, res) {
  try {
    const body = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? void 0 : body);
  } catch (error) {
    logger.error({ err: error }, "metrics collection failed");
    res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("metrics collection failed\n");
  }
}
function metricsRoutes(registry, logger) {
  const router = Router();
  router.get(METRICS_PATH, (req, res) => answerScrape(registry, logger, req, res));
  return router;
}
function startMetricsServer(options) {
  const { registry, logger } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path === METRICS_PATH && (req.method === "GET" || req.method === "HEAD")) {
      void answerScrape(registry, logger, req, res);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("not found\n");
  });
  return new Promise((resolve3, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve3(server);
    });
  });
}

// src/http/body-parsing.ts
import { apiError as apiError5, validationError } from "@outdial/contract";
import express from "express";

// src/http/spec-schemas.ts
import { deref, spec } from "@outdial/contract";
var shapes = /* @__PURE__ */ new Map();
function operationShape(method, openApiRoute) {
  const verb = method.toLowerCase() === "head" ? "get" : method.toLowerCase();
  const key = `${verb} ${openApiRoute}`;
  if (shapes.has(key)) return shapes.get(key);
  const pathItem = spec.paths[openApiRoute];
  const operation = pathItem?.[verb];
  let shape;
  if (pathItem && operation) {
    const parameters = [...pathItem.parameters ?? [], ...operation.parameters ?? []].map(
      (p) => deref(p)
    );
    const content = operation.requestBody?.content ?? {};
    const bodyMediaTypes = Object.keys(content);
    const first = bodyMediaTypes[0];
    const bodySchema = first ? content[first]?.schema : void 0;
    shape = { parameters, bodyMediaTypes, ...bodySchema ? { bodySchema } : {} };
  }
  shapes.set(key, shape);
  return shape;
}
function requestShape(req) {
  const route = req.openapi?.openApiRoute;
  return route ? operationShape(req.method, route) : void 0;
}

// src/http/body-parsing.ts
var SUPPORTED_CONTENT_ENCODINGS = /* @__PURE__ */ new Set(["identity", "gzip", "deflate"]);
function bodyWasSent(req) {
  return req.headers["transfer-encoding"] !== void 0 || Number(req.headers["content-length"] ?? 0) > 0;
}
function bodyReadError(error) {
  const { type, code } = error;
  if (type === "entity.too.large") return apiError5("payload_too_large");
  if (type === "charset.unsupported") return apiError5("unsupported_media_type");
  if (type === "encoding.unsupported") return apiError5("unsupported_content_encoding");
  if (typeof code === "string" && code.startsWith("Z_")) return apiError5("invalid_content_encoding");
  if (typeof type === "string") return apiError5("invalid_json");
  return error;
}
function readRequestBody(limitBytes) {
  const parseJson = express.json({
    limit: limitBytes,
    // Any JSON value is read; one that is not an object gets the contract's message below.
    strict: false,
    // The media type is checked against the operation's before this runs.
    type: () => true,
    verify: (req, _res, buf) => {
      req.rawBody = buf;
    }
  });
  return (req, res, next) => {
    const shape = requestShape(req);
    if (!shape || shape.bodyMediaTypes.length === 0) return next();
    if (!bodyWasSent(req)) {
      return next(apiError5("validation_error", { reason: "Request body is required" }, { details: [] }));
    }
    if (!req.is(shape.bodyMediaTypes)) return next(apiError5("unsupported_media_type"));
    const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
    if (!SUPPORTED_CONTENT_ENCODINGS.has(encoding)) return next(apiError5("unsupported_content_encoding"));
    parseJson(req, res, (error) => {
      if (error) return next(bodyReadError(error));
      if (req.body === null || typeof req.body !== "object" || Array.isArray(req.body)) {
        return next(validationError([{ field: "body", message: "Request body must be a JSON object" }]));
      }
      next();
    });
  };
}

// src/http/cross-origin.ts
import cors from "cors";
var ALLOWED_METHODS = ["GET", "POST", "PATCH", "DELETE", "OPTIONS"];
var ALLOWED_HEADERS = ["x-api-key", "authorization", "content-type", "idempotency-key", "x-request-id"];
var EXPOSED_HEADERS = [
  "x-request-id",
  "RateLimit-Limit",
  "RateLimit-Remaining",
  "RateLimit-Reset",
  "RateLimit-Policy",
  "Retry-After",
  "Idempotent-Replayed"
];
var PREFLIGHT_MAX_AGE_SECONDS = 600;
function allowCrossOrigin(origins) {
  const anyOrigin = origins.includes("*");
  const allowed = new Set(origins);
  const answer = cors({
    // false: no CORS headers at all, and the request goes on as if it had no Origin.
    origin: (origin, callback) => callback(null, origin === void 0 ? false : anyOrigin ? "*" : allowed.has(origin) ? origin : false),
    methods: ALLOWED_METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204
  });
  return (req, res, next) => {
    if (!anyOrigin) res.vary("Origin");
    answer(req, res, next);
  };
}

// src/http/error-middleware.ts
import { ApiError, apiError as apiError6, errorEnvelope as errorEnvelope2, validationError as validationError2 } from "@outdial/contract";
import { error as validatorErrors } from "express-openapi-validator";

// src/http/validation-details.ts
import {
  bodyDetails,
  bodyFailure,
  parameterErrorMessage,
  resolveSchema as resolve
} from "@outdial/contract";
var PARAMETER_LOCATIONS = {
  query: "query",
  headers: "header",
  params: "path",
  cookies: "cookie"
};
function toSegments(path) {
  return path.split("/").slice(1).map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}
function validationDetails(errors, shape, body) {
  const parameterDetails = /* @__PURE__ */ new Map();
  const bodyFailures = [];
  for (const error of errors) {
    const [location = "", ...segments] = toSegments(error.path);
    const keyword = error.errorCode?.replace(/\.openapi\.validation$/, "");
    if (location === "body") {
      if (shape.bodySchema) bodyFailures.push(bodyFailure(keyword, segments, shape.bodySchema, resolve));
      continue;
    }
    const parameterIn = PARAMETER_LOCATIONS[location];
    const [name = "", ...inner] = segments;
    const index = shape.parameters.findIndex(
      (p) => p.in === parameterIn && p.name.toLowerCase() === name.toLowerCase()
    );
    const parameter = shape.parameters[index];
    if (!parameter || parameterDetails.has(index)) continue;
    parameterDetails.set(index, {
      field: parameter.name,
      message: parameterErrorMessage(parameter, keyword, inner, resolve)
    });
  }
  return [
    ...[...parameterDetails.entries()].sort(([a], [b]) => a - b).map(([, detail]) => detail),
    ...shape.bodySchema ? bodyDetails(bodyFailures, shape.bodySchema, body, resolve) : []
  ];
}

// src/http/error-middleware.ts
function toApiError(error, req, logger) {
  if (error instanceof ApiError) return error;
  if (error instanceof validatorErrors.BadRequest) return fromValidationFailure(error, req);
  if (error instanceof validatorErrors.NotFound || error instanceof validatorErrors.MethodNotAllowed) {
    return apiError6("route_not_found");
  }
  if (error instanceof validatorErrors.Unauthorized || error instanceof validatorErrors.Forbidden) {
    return apiError6("unauthorized");
  }
  if (error instanceof validatorErrors.UnsupportedMediaType) return apiError6("unsupported_media_type");
  if (error instanceof validatorErrors.RequestEntityTooLarge) return apiError6("payload_too_large");
  const status = error.status;
  if (status === 401) return apiError6("unauthorized");
  logger.error({ err: error, requestId: req.requestId }, "unexpected error");
  return apiError6("internal_error");
}
function fromValidationFailure(error, req) {
  const shape = requestShape(req);
  const details = shape ? validationDetails(error.errors ?? [], shape, req.body) : [];
  if (details.length === 0) details.push({ field: "body", message: "body is invalid" });
  return validationError2(details);
}
function renderErrors(logger) {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const apiErr = toApiError(error, req, logger);
    for (const [name, value] of Object.entries(apiErr.headers)) res.setHeader(name, value);
    res.status(apiErr.status).type("application/json").send(JSON.stringify(errorEnvelope2(apiErr, req.requestId)));
  };
}
function routeNotFound() {
  return (_req, _res, next) => next(apiError6("route_not_found"));
}

// src/http/openapi-validation.ts
import { openApiDocument } from "@outdial/contract";
import { middleware as openApiValidator } from "express-openapi-validator";

// src/http/api-key-security.ts
function bearerToken(header) {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
function ownerResolver(apiKeys) {
  const pending = /* @__PURE__ */ new WeakMap();
  return (req) => {
    let owner = pending.get(req);
    if (!owner) {
      const key = req.get("x-api-key") ?? bearerToken(req.get("authorization"));
      owner = key ? apiKeys.findOwner(key) : Promise.resolve(void 0);
      pending.set(req, owner);
    }
    return owner;
  };
}
function securityHandlers(apiKeys) {
  const resolveOwner = ownerResolver(apiKeys);
  const authenticate = async (req) => {
    let owner;
    try {
      owner = await resolveOwner(req);
    } catch (error) {
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { status: 500 });
    }
    if (!owner) return false;
    req.auth = owner;
    return true;
  };
  return {
    ApiKeyAuth: authenticate,
    BearerAuth: authenticate,
    // The LiveKit webhook is authenticated by its signed JWT, which covers the body's hash; the
    // webhook handler verifies both together, so here the header's presence is enough.
    LiveKitWebhookSignature: () => true
  };
}

// src/http/parameter-values.ts
import {
  checkParameterValue,
  parameterErrorMessage as parameterErrorMessage2,
  reasonOf as reasonOf2,
  resolveSchema as resolve2,
  validationError as validationError3
} from "@outdial/contract";
function checkParameterValues() {
  return (req, _res, next) => {
    const shape = requestShape(req);
    if (!shape) return next();
    const details = [];
    for (const parameter of shape.parameters) {
      const values = parameter.in === "query" ? req.query : parameter.in === "path" ? req.params : void 0;
      if (values?.[parameter.name] === void 0) continue;
      const checked = checkParameterValue(parameter.schema, values[parameter.name], resolve2);
      if (checked.ok) {
        values[parameter.name] = checked.value;
      } else {
        details.push({
          field: parameter.name,
          message: checked.reason === "out_of_range" ? reasonOf2("date_time_out_of_range", { field: parameter.name }) : parameterErrorMessage2(parameter, void 0, [], resolve2)
        });
      }
    }
    next(details.length > 0 ? validationError3(details) : void 0);
  };
}

// src/http/openapi-validation.ts
function withHeadOperations(document) {
  for (const pathItem of Object.values(document.paths)) {
    if (pathItem.get && !pathItem.head) {
      pathItem.head = { ...structuredClone(pathItem.get), operationId: `${pathItem.get.operationId}Head` };
    }
  }
  return document;
}
function validateAgainstOpenApi(options) {
  const chain = openApiValidator({
    // The validator mutates the document it is given; the generated one is shared and frozen in spirit.
    apiSpec: withHeadOperations(
      structuredClone(openApiDocument)
    ),
    validateApiSpec: false,
    validateRequests: {
      allErrors: true,
      // Unknown query parameters are ignored, as the mock does.
      allowUnknownQueryParameters: true
      // Left unset on purpose: the validator then coerces parameters (query strings) but not
      // bodies, where "5" is not an integer.
    },
    validateResponses: options.validateResponses ? {
      onError: (error, body, req) => {
        options.logger.error(
          { err: error, body, path: req.path },
          "response does not match openapi.yaml"
        );
        throw error;
      }
    } : false,
    validateSecurity: { handlers: securityHandlers(options.apiKeys) },
    fileUploader: false,
    ignoreUndocumented: false
  });
  const requestIndex = chain.findIndex((mw) => mw.name === "requestMiddleware");
  if (requestIndex < 0) throw new Error("express-openapi-validator: request validation middleware not found");
  return [
    ...chain.slice(0, requestIndex),
    ...options.afterAuthentication,
    chain[requestIndex],
    // What the schemas cannot say about a valid request's parameters.
    checkParameterValues(),
    ...chain.slice(requestIndex + 1)
  ];
}

// src/http/rate-limit.ts
import { apiError as apiError7 } from "@outdial/contract";
import { rateLimit } from "express-rate-limit";
function limitRequestsPerApiKey(options) {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: "draft-6",
    legacyHeaders: false,
    skip: (req) => req.auth === void 0,
    keyGenerator: (req) => req.auth?.apiKeyId ?? "anonymous",
    handler: (_req, _res, next) => next(apiError7("rate_limited"))
  });
}

// src/http/request-logging.ts
function logRequests(logger) {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info";
      logger[level](
        {
          requestId: req.requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          organizationId: req.auth?.organizationId
        },
        "request"
      );
    });
    next();
  };
}

// src/http/routes/agents-routes.ts
import { AGENT_DELETED_MESSAGE } from "@outdial/contract";
import { Router as Router2 } from "express";

// src/http/request-context.ts
function organizationOf(req) {
  if (!req.auth) throw new Error("route reached without authentication");
  return req.auth.organizationId;
}

// src/http/routes/page-query.ts
import { apiError as apiError8, DEFAULT_PAGE_SIZE, decodePageCursor } from "@outdial/contract";
function pageQuery(query) {
  const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
  if (query.cursor === void 0) return { limit, after: void 0 };
  const after = typeof query.cursor === "string" ? decodePageCursor(query.cursor) : void 0;
  if (!after)
    throw apiError8("invalid_cursor", {}, { details: [{ field: "cursor", message: "Invalid cursor" }] });
  return { limit, after };
}

// src/http/routes/agents-routes.ts
function agentsRoutes({ agents }) {
  const router = Router2();
  router.post("/api/v1/agents", async (req, res) => {
    res.status(201).json({ data: await agents.create(organizationOf(req), req.body) });
  });
  router.get("/api/v1/agents", async (req, res) => {
    res.json({
      data: await agents.list(organizationOf(req), pageQuery(req.query))
    });
  });
  router.get("/api/v1/agents/:agentId", async (req, res) => {
    res.json({ data: await agents.get(organizationOf(req), String(req.params.agentId)) });
  });
  router.patch("/api/v1/agents/:agentId", async (req, res) => {
    const input = req.body;
    res.json({ data: await agents.update(organizationOf(req), String(req.params.agentId), input) });
  });
  router.delete("/api/v1/agents/:agentId", async (req, res) => {
    const data = await agents.delete(organizationOf(req), String(req.params.agentId));
    res.json({ data, message: AGENT_DELETED_MESSAGE });
  });
  return router;
}

// src/http/routes/calls-routes.ts
import { CALL_CANCELLED_MESSAGE } from "@outdial/contract";
import { Router as Router3 } from "express";
function callsRoutes({ calls }) {
  const router = Router3();
  router.post("/api/v1/calls/outbound", async (req, res) => {
    const body = req.body;
    const result = await calls.create(organizationOf(req), body, req.get("idempotency-key"));
    if (result.replayed) res.setHeader("Idempotent-Replayed", "true");
    res.status(result.status).json(result.body);
  });
  router.get("/api/v1/calls", async (req, res) => {
    const query = req.query;
    const filters = {
      agentId: query.agentId,
      statuses: toArray(query.status),
      phoneNumber: query.phoneNumber,
      // Canonical `toISOString()` text (parameter-values.ts), like the stored timestamps.
      startDate: query.startDate,
      endDate: query.endDate
    };
    res.json({ data: await calls.list(organizationOf(req), filters, pageQuery(query)) });
  });
  router.get("/api/v1/calls/:callId", async (req, res) => {
    res.json({ data: await calls.get(organizationOf(req), String(req.params.callId)) });
  });
  router.delete("/api/v1/calls/:callId", async (req, res) => {
    const data = await calls.cancel(organizationOf(req), String(req.params.callId));
    res.json({ data, message: CALL_CANCELLED_MESSAGE });
  });
  return router;
}
function toArray(value) {
  if (value === void 0) return void 0;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

// src/http/routes/docs-routes.ts
import { createRequire } from "module";
import { dirname } from "path";
import { Router as Router4 } from "express";

// src/http/routes/docs-document.ts
import { openApiDocument as openApiDocument2 } from "@outdial/contract";
var MARKDOWN_SPECIAL = /[\\`*_|<>[\]]/g;
function errorCatalogTable(catalog) {
  const rows = Object.values(catalog).toSorted((a, b) => a.status - b.status).map((e) => `| ${e.status} | \`${e.type}\` | ${e.message.replace(MARKDOWN_SPECIAL, "\\$&")} |`);
  return [
    "## Error catalog",
    "Every error message the API answers with (`x-error-catalog`); `{placeholder}` marks a value",
    "filled in at run time.",
    "",
    "| status | type | message |",
    "|---|---|---|",
    ...rows
  ].join("\n");
}
var description = `${openApiDocument2.info.description}
${errorCatalogTable(openApiDocument2["x-error-catalog"])}
`;
function docsDocument(origin) {
  return {
    ...openApiDocument2,
    info: { ...openApiDocument2.info, description },
    servers: [{ url: origin, description: "This server." }]
  };
}

// src/http/routes/docs-page.ts
var DOCS_PATH = "/docs";
var DOCS_ASSETS_PATH = `${DOCS_PATH}/assets`;
var DOCS_DOCUMENT_PATH = `${DOCS_PATH}/openapi.json`;
var DOCS_INIT_SCRIPT = "outdial-docs.js";
var DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
var docsPageHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Outdial Calls API reference</title>
    <link rel="stylesheet" href="${DOCS_ASSETS_PATH}/swagger-ui.css">
    <link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-32x32.png" sizes="32x32">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_ASSETS_PATH}/${DOCS_INIT_SCRIPT}"></script>
  </body>
</html>
`;
var docsInitScript = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(DOCS_DOCUMENT_PATH)},
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  deepLinking: true,
  validatorUrl: null,
  queryConfigEnabled: false,
  displayOperationId: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
});
`;

// src/http/routes/docs-routes.ts
var SWAGGER_UI_FILES = /* @__PURE__ */ new Set(["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"]);
var PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
function requestOrigin(req) {
  const host = req.host;
  return host && PLAIN_HOST.test(host) ? `${req.protocol}://${host}` : "/";
}
function docsRoutes() {
  const swaggerUiDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const router = Router4();
  router.use(DOCS_PATH, (_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  });
  router.get(DOCS_PATH, (_req, res) => {
    res.setHeader("Content-Security-Policy", DOCS_CONTENT_SECURITY_POLICY);
    res.setHeader("Referrer-Policy", "no-referrer");
    res.type("html").send(docsPageHtml);
  });
  router.get(DOCS_DOCUMENT_PATH, (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(docsDocument(requestOrigin(req)));
  });
  router.get(`${DOCS_ASSETS_PATH}/${DOCS_INIT_SCRIPT}`, (_req, res) => {
    res.type("js").send(docsInitScript);
  });
  router.get(`${DOCS_ASSETS_PATH}/:file`, (req, res, next) => {
    const file = req.params.file;
    if (!SWAGGER_UI_FILES.has(file)) return next();
    res.sendFile(file, { root: swaggerUiDir });
  });
  return router;
}

// src/http/routes/health-routes.ts
import { openApiYaml } from "@outdial/contract";
import { Router as Router5 } from "express";
function healthRoutes(deps) {
  const router = Router5();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const database = await deps.stores.probeWritable(/* @__PURE__ */ new Date()).then(() => "ok").catch(() => "error");
    const dialQueue = deps.dialQueueRunning() ? "ok" : "stopped";
    const ready = deps.isServing() && database === "ok" && dialQueue === "ok";
    res.status(ready ? 200 : 503).json({
      status: ready ? "ready" : "not_ready",
      checks: { database, dialQueue, livekit: deps.livekitConfigured ? "ok" : "not_configured" }
    });
  });
  router.get("/openapi.yaml", (_req, res) => {
    res.type("application/yaml").send(openApiYaml);
  });
  return router;
}

// src/http/routes/livekit-webhook-routes.ts
import { apiError as apiError9 } from "@outdial/contract";
import { Router as Router6 } from "express";
function livekitWebhookRoutes(receiver) {
  const router = Router6();
  router.post("/api/v1/livekit/webhook", async (req, res) => {
    if (!receiver) throw apiError9("unauthorized");
    try {
      await receiver.receive(req.rawBody?.toString("utf8") ?? "", req.get("authorization"));
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw apiError9("unauthorized");
      throw error;
    }
    res.json({ data: { received: true } });
  });
  return router;
}

// src/http/create-app.ts
var DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
function createApp(deps) {
  const app = express2();
  app.disable("x-powered-by");
  if (deps.metrics) app.use(deps.metrics.server.httpRequests);
  app.use(assignRequestId());
  app.use(logRequests(deps.logger));
  if (deps.metrics?.onApiPort) app.use(metricsRoutes(deps.metrics.server.registry, deps.logger));
  if (deps.corsOrigins && deps.corsOrigins.length > 0) app.use(allowCrossOrigin(deps.corsOrigins));
  app.use(docsRoutes());
  app.use(
    validateAgainstOpenApi({
      apiKeys: deps.apiKeys,
      validateResponses: deps.validateResponses,
      logger: deps.logger,
      afterAuthentication: [
        ...deps.rateLimit ? [limitRequestsPerApiKey(deps.rateLimit)] : [],
        readRequestBody(deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES)
      ]
    })
  );
  app.use(
    healthRoutes({
      stores: deps.stores,
      isServing: deps.isServing,
      dialQueueRunning: () => deps.queue.running,
      livekitConfigured: deps.livekitConfigured
    })
  );
  app.use(callsRoutes(deps));
  app.use(agentsRoutes(deps));
  app.use(livekitWebhookRoutes(deps.webhookReceiver));
  app.use(routeNotFound());
  app.use(renderErrors(deps.logger));
  return app;
}

// src/metrics/server-metrics.ts
import { collectDefaultMetrics, Registry } from "prom-client";

// src/metrics/call-metrics.ts
import { subscribe as subscribe2, unsubscribe } from "diagnostics_channel";
import { isTerminalStatus as isTerminalStatus2 } from "@outdial/contract";
import { Counter, Histogram } from "prom-client";

// src/metrics/failure-class.ts
function failureClassOf(status, details, failureReason) {
  if (status === "completed" || status === "cancelled") return "none";
  const code = details.sipStatusCode;
  if (typeof code === "number") {
    if (code >= 400 && code < 500) return "sip_4xx";
    if (code >= 500 && code < 600) return "sip_5xx";
    if (code >= 600 && code < 700) return "sip_6xx";
    return "other";
  }
  if (failureReason === INTERRUPTED) return "interrupted";
  if (failureReason?.startsWith("LiveKit error")) return "livekit_error";
  return "other";
}

// src/metrics/call-metrics.ts
var QUEUE_WAIT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];
function observeCalls({ registry, calls, trunkLabel }) {
  const dialStarts = new Counter({
    name: "outdial_dial_starts_total",
    help: "Dial starts (SIP INVITEs sent to LiveKit), as the CPS pacer counts them.",
    labelNames: ["trunk"],
    registers: [registry]
  });
  const queueWait = new Histogram({
    name: "outdial_dial_queue_wait_seconds",
    help: "Time from a call being accepted (201) to its INVITE being sent.",
    labelNames: ["trunk"],
    buckets: QUEUE_WAIT_BUCKETS,
    registers: [registry]
  });
  const callsEnded = new Counter({
    name: "outdial_calls_ended_total",
    help: "Calls that reached a terminal status, by status and failure class.",
    labelNames: ["status", "failure_class"],
    registers: [registry]
  });
  const onInviteSent = (message) => {
    const invite = message;
    if (invite.calls !== calls) return;
    const trunk = trunkLabel(invite.sipTrunkId);
    dialStarts.inc({ trunk });
    queueWait.observe({ trunk }, Math.max(0, invite.at - invite.acceptedAt) / 1e3);
  };
  const onTransition = (message) => {
    const { calls: source, to, call, details } = message;
    if (source !== calls || !isTerminalStatus2(to)) return;
    callsEnded.inc({ status: to, failure_class: failureClassOf(to, details, call.failure_reason) });
  };
  subscribe2(INVITE_SENT_CHANNEL, onInviteSent);
  subscribe2(CALL_TRANSITION_CHANNEL, onTransition);
  return () => {
    unsubscribe(INVITE_SENT_CHANNEL, onInviteSent);
    unsubscribe(CALL_TRANSITION_CHANNEL, onTransition);
  };
}

// src/metrics/dial-pipeline-gauges.ts
import { Gauge } from "prom-client";
var LIVE_CALL_STATUSES = ["connecting", "ringing", "active"];
function registerDialPipelineGauges({
  registry,
  calls,
  backlog,
  cpsBudget,
  trunkLabel
}) {
  new Gauge({
    name: "outdial_dial_cps_budget",
    help: "Dial starts per second the pacer allows (DIAL_CPS), shared by every trunk.",
    registers: [registry]
  }).set(cpsBudget);
  const seen = /* @__PURE__ */ new Set();
  new Gauge({
    name: "outdial_queue_depth",
    help: "Queued calls by SIP trunk (the agent\u2019s, or the default) and priority (0 most urgent).",
    labelNames: ["trunk", "priority"],
    registers: [registry],
    async collect() {
      const depth = /* @__PURE__ */ new Map();
      for (const row of await backlog.depthByTrunk()) {
        const key = JSON.stringify([trunkLabel(row.sipTrunkId), String(row.priority)]);
        depth.set(key, (depth.get(key) ?? 0) + row.calls);
        seen.add(key);
      }
      for (const key of seen) {
        const [trunk, priority] = JSON.parse(key);
        this.set({ trunk, priority }, depth.get(key) ?? 0);
      }
    }
  });
  new Gauge({
    name: "outdial_calls_live",
    help: "Calls being dialed or talking, by status (connecting, ringing, active).",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const counts = await calls.countByStatus(LIVE_CALL_STATUSES);
      for (const status of LIVE_CALL_STATUSES) this.set({ status }, counts[status]);
    }
  });
}

// src/metrics/http-request-metrics.ts
import { Histogram as Histogram2 } from "prom-client";
var METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
function routeTemplateOf(req) {
  const openapi = req.openapi;
  if (openapi?.openApiRoute) return openapi.openApiRoute;
  const path = req.route?.path;
  return typeof path === "string" ? `${req.baseUrl}${path}` : "other";
}
function measureHttpRequests(registry) {
  const duration = new Histogram2({
    name: "outdial_http_request_duration_seconds",
    help: "HTTP requests by method, route template and status; _count counts them.",
    labelNames: ["method", "route", "status"],
    registers: [registry]
  });
  return (req, res, next) => {
    const start = performance.now();
    res.once("finish", () => {
      duration.observe(
        {
          method: METHODS.has(req.method) ? req.method : "other",
          route: routeTemplateOf(req),
          status: String(res.statusCode)
        },
        (performance.now() - start) / 1e3
      );
    });
    next();
  };
}

// src/metrics/livekit-request-metrics.ts
import { subscribe as subscribe3, unsubscribe as unsubscribe2 } from "diagnostics_channel";
import { Histogram as Histogram3 } from "prom-client";
var LATENCY_BUCKETS = [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
function twirpMethodOf(path) {
  if (typeof path !== "string") return "other";
  const match = /\/twirp\/[\w.]+\/(\w+)$/.exec(path.split("?")[0] ?? "");
  return match?.[1] ?? "other";
}
function outcomeOf(statusCode) {
  if (statusCode === void 0) return "http_other";
  if (statusCode >= 200 && statusCode < 300) return "ok";
  if (statusCode >= 400 && statusCode < 500) return "http_4xx";
  if (statusCode >= 500 && statusCode < 600) return "http_5xx";
  return "http_other";
}
function observeLiveKitRequests({ registry, livekitUrl }) {
  const origin = new URL(livekitUrl.replace(/^ws/, "http")).origin;
  const duration = new Histogram3({
    name: "outdial_livekit_request_duration_seconds",
    help: "LiveKit server API requests by Twirp method and outcome (ok, http_4xx, http_5xx, network_error); _count counts them.",
    labelNames: ["method", "outcome"],
    buckets: LATENCY_BUCKETS,
    registers: [registry]
  });
  const started = /* @__PURE__ */ new WeakMap();
  const finish = (request, outcome) => {
    const start = request && started.get(request);
    if (!request || start === void 0) return;
    started.delete(request);
    duration.observe({ method: twirpMethodOf(request.path), outcome }, (performance.now() - start) / 1e3);
  };
  const onCreate = (message) => {
    const { request } = message;
    if (request?.origin === origin) started.set(request, performance.now());
  };
  const onHeaders = (message) => {
    const { request, response } = message;
    finish(request, outcomeOf(response?.statusCode));
  };
  const onError = (message) => finish(message.request, "network_error");
  subscribe3("undici:request:create", onCreate);
  subscribe3("undici:request:headers", onHeaders);
  subscribe3("undici:request:error", onError);
  return () => {
    unsubscribe2("undici:request:create", onCreate);
    unsubscribe2("undici:request:headers", onHeaders);
    unsubscribe2("undici:request:error", onError);
  };
}

// src/metrics/server-metrics.ts
var UNNAMED_DEFAULT_TRUNK = "default";
var ServerMetrics = class {
  registry = new Registry();
  /** Express middleware timing every API request; mount it first. */
  httpRequests;
  #unsubscribes = [];
  constructor(deps) {
    const { registry } = this;
    collectDefaultMetrics({ register: registry });
    const defaultTrunk = deps.livekit?.sipTrunkId ?? UNNAMED_DEFAULT_TRUNK;
    const trunkLabel = (sipTrunkId) => sipTrunkId ?? defaultTrunk;
    const { calls, dialBacklog: backlog } = deps.stores;
    registerDialPipelineGauges({ registry, calls, backlog, cpsBudget: deps.dialCps, trunkLabel });
    this.#unsubscribes.push(observeCalls({ registry, calls, trunkLabel }));
    if (deps.livekit)
      this.#unsubscribes.push(observeLiveKitRequests({ registry, livekitUrl: deps.livekit.url }));
    this.httpRequests = measureHttpRequests(registry);
  }
  /** Stops observing. (prom-client's GC and event-loop monitors stay for the process.) */
  close() {
    for (const unsubscribe3 of this.#unsubscribes.splice(0)) unsubscribe3();
  }
};

// src/server/start-server.ts
var EMULATED_SIP_TRUNK_ID = "ST_outdial_emulated";
var EMULATED_AGENT_NAME = "outdial-demo-agent";
var EMULATOR_RECORD_LIMIT = 2e3;
var DEFAULT_RATE_LIMIT = { windowMs: 6e4, limit: 600 };
async function startServer(options = {}) {
  return startServerWith(await openServerStores(options), options);
}
async function startServerWith(stores, options = {}) {
  const logger = options.logger ?? pino({
    level: options.logLevel ?? "info",
    redact: [
      'req.headers["x-api-key"]',
      "req.headers.authorization",
      'headers["x-api-key"]',
      "headers.authorization"
    ]
  });
  const cleanups = [() => stores.close()];
  const clock = wallClock;
  try {
    const interrupted = await failInterruptedCreations(stores.calls, clock);
    if (interrupted.length > 0)
      logger.warn({ callIds: interrupted }, "failed calls interrupted before queueing");
    let emulator;
    let livekit = null;
    if (options.livekit === "emulate") {
      const { startLiveKitEmulator } = await import("@outdial/livekit-emulator").catch((error) => {
        if (error.code !== "ERR_MODULE_NOT_FOUND") throw error;
        const message = "livekit: 'emulate' needs @outdial/livekit-emulator (an optional dependency) installed";
        throw new Error(message, { cause: error });
      });
      emulator = await startLiveKitEmulator({
        port: 0,
        // Its webhooks end live calls, so their signing secret must not be the emulator's public
        // default: a fresh one per process, known only to this server and its emulator.
        apiKey: `emulated-${randomBytes(6).toString("hex")}`,
        apiSecret: randomBytes(32).toString("base64url"),
        // What a long-running demo keeps for inspection: the newest requests and webhooks only.
        recordLimit: EMULATOR_RECORD_LIMIT,
        ...options.emulatorTimings ? { timings: options.emulatorTimings } : {},
        log: (line) => logger.debug({ component: "livekit-emulator" }, line)
      });
      cleanups.unshift(() => emulator?.stop() ?? Promise.resolve());
      livekit = {
        url: emulator.url,
        apiKey: emulator.apiKey,
        apiSecret: emulator.apiSecret,
        sipTrunkId: EMULATED_SIP_TRUNK_ID,
        agentName: EMULATED_AGENT_NAME
      };
    } else if (options.livekit) {
      livekit = options.livekit;
    }
    const dialCps = options.dialCps ?? 10;
    const dialQueue = new DialQueue({
      calls: stores.calls,
      backlog: stores.dialBacklog,
      dialer: livekit ? new LiveKitDialer(livekit) : null,
      logger,
      // The queue names its component itself.
      cps: dialCps,
      maxInFlight: options.dialMaxInFlight ?? 50,
      ...options.dialGuardBandMs === void 0 ? {} : { guardBandMs: options.dialGuardBandMs },
      wallClock: clock
    });
    const webhookReceiver = livekit ? new LiveKitWebhookHandler({
      calls: stores.calls,
      logger,
      apiKey: livekit.apiKey,
      apiSecret: livekit.apiSecret,
      clock
    }) : null;
    const metrics = options.metrics ? new ServerMetrics({ stores, dialCps, livekit }) : void 0;
    if (metrics) cleanups.splice(cleanups.length - 1, 0, async () => metrics.close());
    const agents = new AgentService({ agents: stores.agents });
    const apiKeys = new ApiKeyService({ apiKeys: stores.apiKeys });
    const calls = new CallService({
      calls: stores.calls,
      agents: stores.agents,
      idempotency: stores.idempotency,
      queue: dialQueue,
      livekitConfigured: livekit !== null,
      logger,
      clock
    });
    let serving = false;
    const app = createApp({
      calls,
      agents,
      apiKeys,
      stores,
      queue: dialQueue,
      livekitConfigured: livekit !== null,
      webhookReceiver,
      logger,
      rateLimit: options.rateLimit === void 0 ? DEFAULT_RATE_LIMIT : options.rateLimit,
      validateResponses: options.validateResponses ?? process.env.NODE_ENV !== "production",
      isServing: () => serving,
      corsOrigins: options.corsOrigins,
      ...metrics ? { metrics: { server: metrics, onApiPort: options.metricsPort === void 0 } } : {}
    });
    const host = options.host ?? "127.0.0.1";
    const reachableHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    let metricsUrl;
    if (metrics && options.metricsPort !== void 0) {
      const metricsServer = await startMetricsServer({
        registry: metrics.registry,
        logger,
        port: options.metricsPort,
        host
      });
      cleanups.unshift(() => closeHttpServer(metricsServer));
      metricsUrl = `http://${reachableHost}:${metricsServer.address().port}${METRICS_PATH}`;
    }
    const server = await listen(app, options.port ?? 3e3, host);
    cleanups.unshift(() => closeHttpServer(server));
    const port = server.address().port;
    const url = `http://${reachableHost}:${port}`;
    if (metrics) metricsUrl ??= `${url}${METRICS_PATH}`;
    emulator?.setWebhookUrl(`${url}/api/v1/livekit/webhook`);
    await dialQueue.start();
    cleanups.splice(1, 0, () => dialQueue.stop());
    serving = true;
    logger.info(
      {
        url,
        livekit: emulator ? "emulated" : livekit ? livekit.url : "not configured",
        ...metricsUrl ? { metricsUrl } : {}
      },
      "outdial listening"
    );
    let closing;
    return {
      url,
      port,
      dialQueue,
      ...emulator ? { emulator } : {},
      ...metricsUrl ? { metricsUrl } : {},
      admin: adminOperations({ organizations: stores.organizations, apiKeys, agents }),
      close() {
        serving = false;
        closing ??= runCleanups(cleanups);
        return closing;
      }
    };
  } catch (error) {
    await runCleanups(cleanups).catch(() => void 0);
    throw error;
  }
}
async function runCleanups(cleanups) {
  for (const cleanup of cleanups) await cleanup();
}
function listen(app, port, host) {
  return new Promise((resolve3, reject) => {
    const server = app.listen(port, host, (error) => error ? reject(error) : resolve3(server));
    answerClientErrors(server);
  });
}
function closeHttpServer(server) {
  return new Promise((resolve3) => {
    server.close(() => resolve3());
    server.closeIdleConnections();
  });
}

export {
  DEFAULT_RATE_LIMIT,
  startServer,
  startServerWith
};
//# sourceMappingURL=chunk-6QM3GP4P.js.map