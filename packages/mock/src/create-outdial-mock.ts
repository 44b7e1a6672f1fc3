/**
 * @module
 * `createOutdialMock`: msw handlers that behave like the Outdial server, plus the controls a
 * test needs (seeded keys and agents, the calls, `advance`, `setStatus`, `reset`).
 */
import { type CallingWindow, type CallStatus, isValidTimeZone } from '@outdial/contract';
import { type HttpHandler, http } from 'msw';
import { BatchRunner } from './internal/batch-runner';
import { toCall } from './internal/call-operations';
import {
  CallProgression,
  DEFAULT_STEP_DELAYS_MS,
  type ProgressionMode,
  type StepDelaysMs,
} from './internal/call-progression';
import { DialHolds } from './internal/dial-holds';
import { type Event, EventLog } from './internal/event-log';
import { IdGenerator } from './internal/id-generator';
import { MockState } from './internal/mock-state';
import type { Agent, Call, StoredCall } from './internal/mock-types';
import { OpenStreams } from './internal/open-streams';
import type { MockRuntime } from './internal/operation-context';
import { operationHandlers } from './internal/operation-handlers';
import { RequestPipeline } from './internal/request-pipeline';
import { DEFAULT_API_KEY, DEFAULT_OTHER_API_KEY, SEEDED_AGENT_IDS } from './internal/seed-data';
import { WebhookRegistry } from './internal/webhook-registry';
import { WebhookSender } from './internal/webhook-sender';
import { type SignedWebhook, signWebhook } from './internal/webhook-signature';

/** Options of {@link createOutdialMock}. */
export type OutdialMockOptions = {
  /** Where the mock answers, e.g. `https://api.example.test` (a path prefix is allowed). */
  baseUrl: string;
  /**
   * How calls move: `realtime` (timers, the default), `onPoll` (each GET of a call moves it one
   * step; a call's event stream is then answered with JSON, so the SDK's waiters poll), or
   * `manual` (only `advance` / `setStatus`).
   */
  progression?: ProgressionMode;
  /** Step delays for `realtime` mode; unset ones keep their defaults. */
  stepDelaysMs?: Partial<StepDelaysMs>;
  /** Seed for generated ids (calls, agents, request ids, LiveKit ids). Random when unset. */
  seed?: number;
  /** The seeded organization's API key. */
  apiKey?: string;
  /** The second organization's API key. */
  otherApiKey?: string;
  /**
   * How long createOutboundCall stays in flight after reserving its Idempotency-Key: a number of
   * milliseconds, or a function whose promise holds the request open (for deterministic tests of
   * the 409 `idempotency_in_progress`). Default 0: no window.
   */
  createLatency?: number | (() => Promise<void>);
  /** Request bodies larger than this get 413 `payload_too_large`. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * The mock's clock, for timestamps, the 24-hour idempotency expiry and scheduled calls (a
   * `scheduled` call enters the queue once this clock reaches its `scheduledAt`, seen on the next
   * request or `tick()`). Default: the system clock. (Realtime step delays use `setTimeout`, so
   * fake timers drive those.)
   */
  now?: () => Date;
  /**
   * The calling window of calls created without one, as the server's
   * `OUTDIAL_DEFAULT_CALLING_WINDOW`. Default: none (any time).
   */
  defaultCallingWindow?: CallingWindow;
  /**
   * At most this many calls of one organization are live (connecting, ringing, active) at once;
   * others wait queued, as under the server's `OUTDIAL_MAX_CONCURRENT_CALLS`. Default: no limit.
   */
  maxConcurrentCalls?: number;
  /** The calls-per-second budget `GET /api/v1/queue` reports (the mock does not pace). Default 10, as the server's DIAL_CPS. */
  dialCps?: number;
  /** Milliseconds between the keep-alive comments of an event stream. Default 15 s, as the server. */
  eventStreamKeepAliveMs?: number;
  /**
   * The delay before each webhook attempt after the previous one failed, in milliseconds; the
   * length is the number of attempts. Default the server's: 0, 5 s, 5 min, 30 min, 2 h, 5 h,
   * 10 h, 10 h. Waited with `setTimeout`, so fake timers drive it.
   */
  webhookRetryScheduleMs?: readonly number[];
};

/** `mock.webhooks`: signing, the organizations' secrets, and waiting for deliveries. */
export type OutdialMockWebhooks = {
  /**
   * Signs `event` as the mock and the server sign a delivery (Standard Webhooks; the body is
   * the event's JSON), to test a receiver with. `timestamp` defaults to the mock's clock.
   */
  sign(
    event: unknown,
    secret: string | readonly string[],
    options?: { timestamp?: Date },
  ): Promise<SignedWebhook>;
  /** The seeded organization's webhook secret (signs deliveries to a call's `webhookUrl`), as `pnpm start` prints it. */
  readonly organizationSecret: string;
  /** The second organization's webhook secret. */
  readonly otherOrganizationSecret: string;
  /**
   * Resolves once every webhook attempt started so far has finished (retries waiting on their
   * schedule are not waited for): await it before asserting on a receiver or on the delivery log.
   */
  idle(): Promise<void>;
};

/** The mock: handlers for msw plus test controls. */
export type OutdialMock = {
  /** Pass to msw: `setupServer(...mock.handlers)` or `setupWorker(...mock.handlers)`. */
  readonly handlers: HttpHandler[];
  readonly baseUrl: string;
  /** The seeded organization's API key (`x-api-key` or `Authorization: Bearer`). */
  readonly apiKey: string;
  /** The seeded organization's agents (their current state). */
  readonly agents: { readonly voice: Agent; readonly chat: Agent; readonly inactive: Agent };
  /** A second organization, for 403 and isolation tests. */
  readonly otherOrganization: { readonly apiKey: string; readonly agent: Agent };
  /** Every call of every organization, as GET would return it (reading does not move it). */
  readonly calls: { get(id: string): Call | undefined; list(): Call[] };
  /** Every event of every organization, oldest first (one per status change of a call). */
  readonly events: { list(): Event[] };
  /** Webhook signing and delivery controls. */
  readonly webhooks: OutdialMockWebhooks;
  /** Moves a call one step along its outcome path; a terminal call stays as it is. */
  advance(id: string): Call;
  /**
   * Moves a call to `status`, passing through the statuses in between (so `completed` from
   * `queued` also sets the LiveKit ids and `answeredAt`). Throws for a terminal call.
   */
  setStatus(id: string, status: CallStatus, options?: { failureReason?: string }): Call;
  /**
   * Puts a call straight into `status`, bypassing the status machine and its side effects. Only
   * for states the API cannot reach on its own, such as `initiated`; prefer `setStatus`.
   */
  forceStatus(id: string, status: CallStatus): Call;
  /**
   * Applies the mock's clock now: scheduled calls that are due enter the queue, those past their
   * `latestAt` fail (`expired`). Every request does this first; call it after moving an injected
   * clock when no request follows.
   */
  tick(): void;
  /** Stops every timer, ends every event stream and returns to the seeded state. */
  reset(): void;
  /** Answers one request without msw (what the handlers call). */
  handle(request: Request): Promise<Response>;
};

/**
 * Creates a stateful mock of the Outdial API for msw.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createOutdialMock } from '@outdial/mock';
 *
 * const mock = createOutdialMock({ baseUrl: 'https://api.example.test', progression: 'onPoll' });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * const response = await fetch('https://api.example.test/api/v1/calls/outbound', {
 *   method: 'POST',
 *   headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' },
 *   body: JSON.stringify({ agentId: mock.agents.voice.id, phoneNumber: '+15005550001' }),
 * });
 */
export function createOutdialMock(options: OutdialMockOptions): OutdialMock {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const otherApiKey = options.otherApiKey ?? DEFAULT_OTHER_API_KEY;
  const ids = new IdGenerator(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const now = options.now ?? (() => new Date());
  const defaultWindow = options.defaultCallingWindow;
  if (
    defaultWindow &&
    (!isValidTimeZone(defaultWindow.timezone) || defaultWindow.start === defaultWindow.end)
  ) {
    throw new TypeError(
      `@outdial/mock: defaultCallingWindow is not a usable window: ${JSON.stringify(defaultWindow)}`,
    );
  }
  const state = new MockState({ primary: apiKey, other: otherApiKey });
  const events = new EventLog(ids, now);
  const streams = new OpenStreams();
  const webhooks = new WebhookRegistry(ids);
  const webhookSender = new WebhookSender({
    registry: webhooks,
    ids,
    now,
    ...(options.webhookRetryScheduleMs && { scheduleMs: options.webhookRetryScheduleMs }),
  });
  events.subscribe((stored) => webhookSender.eventRecorded(stored));
  const holds: DialHolds = new DialHolds({
    state,
    progression: () => progression,
    organizationLimit: options.maxConcurrentCalls,
  });
  const progression: CallProgression = new CallProgression({
    mode: options.progression ?? 'realtime',
    delays: { ...DEFAULT_STEP_DELAYS_MS, ...options.stepDelaysMs },
    ids,
    now,
    events,
    holdsBack: (stored) => holds.holdsBack(stored),
    entersQueue: (stored) => state.enterQueue(stored),
  });
  const batches = new BatchRunner({ state, ids, now, progression, events });
  events.beforeCallEvent((stored) => batches.startIfFirstDue(stored));
  // After the webhooks: a retry's first event must not overtake the event of the call it retries.
  events.subscribe((stored) => batches.eventRecorded(stored));
  // After the retries: a freed slot may go to a retry due at once.
  events.subscribe((stored) => holds.eventRecorded(stored));
  const latency = options.createLatency ?? 0;
  const runtime: MockRuntime = {
    state,
    progression,
    batches,
    holds,
    ids,
    now,
    events,
    streams,
    webhooks,
    webhookSender,
    dialCps: options.dialCps ?? 10,
    defaultCallingWindow: defaultWindow,
    eventStreamKeepAliveMs: options.eventStreamKeepAliveMs ?? 15_000,
    createLatency: () =>
      typeof latency === 'function'
        ? latency()
        : latency > 0
          ? new Promise((resolve) => setTimeout(resolve, latency))
          : undefined,
  };
  const pipeline = new RequestPipeline(runtime, operationHandlers, {
    basePath: new URL(baseUrl).pathname.replace(/\/+$/, ''),
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
  });

  const storedCall = (id: string): StoredCall => {
    const stored = state.calls.get(id);
    if (!stored) throw new Error(`@outdial/mock: no call with id ${id}`);
    return stored;
  };
  const organizationSecret = (apiKeyOf: string) => {
    const organization = state.organizationByKey(apiKeyOf);
    if (!organization) throw new Error('@outdial/mock: no organization for that key');
    return webhooks.organizationSecret(organization.id).current;
  };
  const agent = (id: string): Agent => {
    const stored = state.agents.get(id);
    if (!stored) throw new Error(`@outdial/mock: the seeded agent ${id} was deleted`);
    return structuredClone(stored.agent);
  };

  return {
    handlers: [http.all(`${baseUrl}/*`, ({ request }) => pipeline.handle(request))],
    baseUrl,
    apiKey,
    agents: {
      get voice() {
        return agent(SEEDED_AGENT_IDS.voice);
      },
      get chat() {
        return agent(SEEDED_AGENT_IDS.chat);
      },
      get inactive() {
        return agent(SEEDED_AGENT_IDS.inactive);
      },
    },
    otherOrganization: {
      apiKey: otherApiKey,
      get agent() {
        return agent(SEEDED_AGENT_IDS.other);
      },
    },
    calls: {
      get: (id) => {
        const stored = state.calls.get(id);
        return stored && toCall(state, stored);
      },
      list: () => [...state.calls.values()].map((stored) => toCall(state, stored)),
    },
    events: { list: () => events.all().map(({ event }) => structuredClone(event)) },
    webhooks: {
      sign: (event, secret, signOptions) => {
        const at = signOptions?.timestamp ?? now();
        const id = (event as { id?: unknown }).id;
        if (typeof id !== 'string')
          throw new TypeError('@outdial/mock: webhooks.sign needs an event with an id');
        const secrets = typeof secret === 'string' ? [secret] : secret;
        return signWebhook(id, JSON.stringify(event), Math.floor(at.getTime() / 1000), secrets);
      },
      get organizationSecret() {
        return organizationSecret(apiKey);
      },
      get otherOrganizationSecret() {
        return organizationSecret(otherApiKey);
      },
      idle: () => webhookSender.idle(),
    },
    advance(id) {
      const stored = storedCall(id);
      progression.advance(stored);
      return toCall(state, stored);
    },
    setStatus(id, status, setOptions) {
      const stored = storedCall(id);
      progression.setStatus(stored, status, setOptions?.failureReason);
      return toCall(state, stored);
    },
    forceStatus(id, status) {
      const stored = storedCall(id);
      progression.force(stored, status);
      return toCall(state, stored);
    },
    tick() {
      progression.releaseDue();
    },
    reset() {
      progression.stopAll();
      streams.endAll();
      webhookSender.stopAll();
      webhooks.clear();
      events.clear();
      state.reset(now().toISOString());
    },
    handle: (request) => pipeline.handle(request),
  };
}
