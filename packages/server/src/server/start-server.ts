/**
 * @module
 * Composition: the stores, the domain services, the Dial queue with its LiveKit dialer (or the
 * in-process emulator), the LiveKit webhook handler, the webhook dispatcher, the HTTP app and
 * (when on) the metrics, started and stopped together; on PostgreSQL also the replication
 * (replicas/replication.ts: who dials, and the wake-ups between replicas). The only place that
 * wires concrete parts.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
// Types only, and never in the public API (that names config/emulator-types.ts): the emulator is
// an optional dependency, loaded (dynamically) for `livekit: 'emulate'` alone.
import type { CallingWindow } from '@outdial/contract';
import type { LiveKitEmulator } from '@outdial/livekit-emulator';
import { type Logger, pino } from 'pino';
import { AgentService } from '../agents/agent-service';
import { ApiKeyService } from '../api-keys/api-key-service';
import { BatchProgress } from '../batches/batch-progress';
import type { BatchQueue } from '../batches/batch-queue';
import { BatchService } from '../batches/batch-service';
import type { CallQueue } from '../calls/call-queue';
import { CallService } from '../calls/call-service';
import { failInterruptedCreations } from '../calls/fail-interrupted-creations';
import type { EmulatedLiveKit, EmulatorTimings } from '../config/emulator-types';
import type { LiveKitConnection } from '../config/livekit-connection';
import { CallScheduler } from '../dial/call-scheduler';
import { LiveKitWebhookHandler } from '../dial/livekit-webhook-handler';
import { QueuedCallRanks } from '../dial/queued-call-ranks';
import { TrunkQueues } from '../dial/trunk-queues';
import { EventHub } from '../events/event-hub';
import { EventRetention } from '../events/event-retention';
import { EventService } from '../events/event-service';
import { OpenStreams } from '../events/open-streams';
import { answerClientErrors } from '../http/client-errors';
import { createApp } from '../http/create-app';
import { openRateLimitStore, rateLimitBackend } from '../http/rate-limit-store';
import { METRICS_PATH, startMetricsServer } from '../metrics/metrics-endpoint';
import type { ServerMetrics } from '../metrics/server-metrics';
import { type Clock, wallClock } from '../ports/clock';
import type { Stores } from '../ports/stores';
import { ReplicaTrunkDialQueues } from '../replicas/replica-trunk-dial-queues';
import type { Replication } from '../replicas/replication';
import { OrganizationWebhookSecrets } from '../webhooks/organization-webhook-secrets';
import { createWebhookDelivery, type WebhookDispatchMode } from '../webhooks/webhook-delivery';
import { WebhookEndpointService } from '../webhooks/webhook-endpoint-service';
import { type AdminOperations, adminOperations } from './admin-operations';
import { openServerStores, type ServerStoresOptions } from './open-server-stores';
import { localDialQueues, replicaDialQueues } from './server-dial-queues';

export type { EmulatedLiveKit, EmulatorTimings, LiveKitConnection };

export interface ServerOptions
  extends Pick<
    ServerStoresOptions,
    'databaseUrl' | 'databasePoolSize' | 'dbPath' | 'databaseBusyTimeoutMs' | 'groupCommit' | 'walCheckpoints'
  > {
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
  /**
   * Milliseconds a verified API key is trusted without a database lookup: the longest a key
   * revoked by another process keeps working here. Default 5000; 0 looks every request up.
   */
  apiKeyCacheMs?: number;
  /** Dials still ringing at once. Default 50. */
  dialMaxInFlight?: number;
  /**
   * Milliseconds added to each 1 s pacing window (default 15, keeping 98.5% of the budget): the
   * margin for jitter between our clock and the carrier's.
   */
  dialGuardBandMs?: number;
  /** Per API key; false turns it off. Default 600 requests per minute. */
  rateLimit?: { windowMs: number; limit: number } | false;
  /**
   * OUTDIAL_REDIS_URL: keep the rate limit's counts in this Redis, shared by every replica.
   * Unset: in PostgreSQL when that is the database (`databaseUrl`), else in this process.
   */
  redisUrl?: string;
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
  /**
   * Wall time for what the Dial queue, the LiveKit webhook handler and the call service stamp
   * (answered and ended times, their call events), and for event retention. Default the system
   * clock. A test passes one it can move forward. `startServer` opens the stores with it too (they
   * stamp the status changes that bring no time of their own, such as a new call's `queued`);
   * stores handed to `startServerWith` keep the clock they were opened with.
   */
  clock?: Clock;
  /**
   * The calling window of every call that names none (OUTDIAL_DEFAULT_CALLING_WINDOW with
   * OUTDIAL_DEFAULT_TIMEZONE). Default none: such calls may be dialed at any time.
   */
  defaultCallingWindow?: CallingWindow;
  /**
   * Longest wait, in real milliseconds, between the call scheduler's looks for due calls: it
   * sleeps until the next due instant, but no longer than this, so a clock jump (or a call another
   * process scheduled) is noticed. Default 30 000. Tests moving the clock forward shorten it.
   */
  schedulerMaxSleepMs?: number;
  /**
   * At most this many live calls (connecting, ringing, active) per organization
   * (OUTDIAL_MAX_CONCURRENT_CALLS); a call held back takes no dial slot. Default no limit.
   */
  maxConcurrentCalls?: number;
  /** Days call events are kept (OUTDIAL_EVENT_RETENTION_DAYS). Default 30. */
  eventRetentionDays?: number;
  /** Milliseconds between looks for expired call events. Default one hour. */
  eventPurgeIntervalMs?: number;
  /** Milliseconds between keep-alive comments on an event stream. Default 15 000. */
  eventStreamKeepAliveMs?: number;
  /**
   * Send webhooks to loopback, private, link-local and metadata addresses too
   * (OUTDIAL_WEBHOOK_ALLOW_PRIVATE). Default false: webhook URLs come from API clients.
   */
  webhookAllowPrivate?: boolean;
  /** Webhook deliveries in flight at once per endpoint (or call URL). Default 10. */
  webhookConcurrencyPerEndpoint?: number;
  /**
   * Send webhooks from a worker thread (`worker`, off the Dial queue's event loop, on a database
   * connection of its own) or on the main one (`in-process`). Default `worker` on PostgreSQL
   * without a `clock`, else `in-process` (why: webhooks/webhook-delivery.ts).
   */
  webhookDispatch?: WebhookDispatchMode;
  /**
   * Longest wait, in real milliseconds, between looks for due webhook deliveries (retries, work
   * another process committed). Default 1000. Tests moving the clock through the retry schedule
   * shorten it.
   */
  webhookPollIntervalMs?: number;
  /**
   * With `databaseUrl` (replicas): milliseconds between a follower's attempts to take the
   * dialer's lock, and the leader's heartbeats. Default 100.
   */
  leadershipRetryMs?: number;
  /** How often the Dial queue re-reads the trunks agents name and their stored budgets. Default 5 s. */
  trunkRefreshMs?: number;
  /** pino level. Default 'info'. */
  logLevel?: string;
  logger?: Logger;
}

export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  dialQueue: ServerDialQueue;
  /** With `livekit: 'emulate'`: the in-process LiveKit emulator. */
  emulator?: EmulatedLiveKit;
  admin: AdminOperations;
  /** With `metrics`: the URL to scrape (on the API's port, or on `metricsPort`). */
  metricsUrl?: string;
  /** Stops accepting requests, lets in-flight dials settle, closes the database. Queued calls stay queued. */
  close(): Promise<void>;
}

/**
 * The Dial queue as the server runs it: a DialQueue on SQLite (one process), a ReplicaDialQueue
 * on PostgreSQL (it dials only while this replica leads).
 */
export type ServerDialQueue = CallQueue &
  BatchQueue & { start(): Promise<void>; stop(): Promise<void>; readonly pendingTeardowns: number };

const EMULATED_SIP_TRUNK_ID = 'ST_outdial_emulated';
const EMULATED_AGENT_NAME = 'outdial-demo-agent';
const EMULATOR_RECORD_LIMIT = 2000;

/**
 * A follower tries the dialer's lock this often (one cheap query): with the takeover's quiet
 * window (about 1 s) a dead leader is replaced well within 2 s.
 */
const DEFAULT_LEADERSHIP_RETRY_MS = 100;

export const DEFAULT_RATE_LIMIT = { windowMs: 60_000, limit: 600 };

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
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServerWith(await openServerStores(options), options);
}

/**
 * {@link startServer} over stores opened by the caller, who hands them over: the server closes
 * them on close() (and when it fails to start). Not public API: for tests, which keep their own
 * handle on the database (test/support/store-server.ts).
 */
export async function startServerWith(stores: Stores, options: ServerOptions = {}): Promise<RunningServer> {
  const logger =
    options.logger ??
    pino({
      level: options.logLevel ?? 'info',
      redact: [
        'req.headers["x-api-key"]',
        'req.headers.authorization',
        'headers["x-api-key"]',
        'headers.authorization',
      ],
    });
  const cleanups: (() => Promise<void>)[] = [() => stores.close()];
  // Every timestamp the domain and the Dial queue write comes from this one clock.
  const clock = options.clock ?? wallClock;
  try {
    const interrupted = await failInterruptedCreations(stores.calls, clock);
    if (interrupted.length > 0)
      logger.warn({ callIds: interrupted }, 'failed calls interrupted before queueing');
    const queuePositions = new QueuedCallRanks({ calls: stores.calls, backlog: stores.dialBacklog });
    await queuePositions.start();
    cleanups.unshift(async () => queuePositions.stop());

    let emulator: LiveKitEmulator | undefined;
    let livekit: LiveKitConnection | null = null;
    if (options.livekit === 'emulate') {
      const { startLiveKitEmulator } = await import('@outdial/livekit-emulator').catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
        const message =
          "livekit: 'emulate' needs @outdial/livekit-emulator (an optional dependency) installed";
        throw new Error(message, { cause: error });
      });
      emulator = await startLiveKitEmulator({
        port: 0,
        // Its webhooks end live calls, so their signing secret must not be the emulator's public
        // default: a fresh one per process, known only to this server and its emulator.
        apiKey: `emulated-${randomBytes(6).toString('hex')}`,
        apiSecret: randomBytes(32).toString('base64url'),
        // What a long-running demo keeps for inspection: the newest requests and webhooks only.
        recordLimit: EMULATOR_RECORD_LIMIT,
        ...(options.emulatorTimings ? { timings: options.emulatorTimings } : {}),
        log: (line) => logger.debug({ component: 'livekit-emulator' }, line),
      });
      cleanups.unshift(() => emulator?.stop() ?? Promise.resolve());
      // Like real LiveKit, the emulator refuses a SIP dial without a trunk; any id will do there.
      livekit = {
        url: emulator.url,
        apiKey: emulator.apiKey,
        apiSecret: emulator.apiSecret,
        sipTrunkId: EMULATED_SIP_TRUNK_ID,
        agentName: EMULATED_AGENT_NAME,
      };
    } else if (options.livekit) {
      livekit = options.livekit;
    }

    const dialCps = options.dialCps ?? 10;
    // Replicas share PostgreSQL (`databaseUrl`); stores handed over by a test keep one process.
    const replicated = options.databaseUrl !== undefined;
    const dialQueueOptions = {
      stores,
      livekit,
      logger,
      clock,
      dialCps,
      dialMaxInFlight: options.dialMaxInFlight,
      maxConcurrentCalls: options.maxConcurrentCalls,
      dialGuardBandMs: options.dialGuardBandMs,
      trunkRefreshMs: options.trunkRefreshMs,
    };
    const dialQueue = replicated ? replicaDialQueues(dialQueueOptions) : localDialQueues(dialQueueOptions);
    let replication: Replication | undefined;
    const webhookReceiver = livekit
      ? new LiveKitWebhookHandler({
          calls: stores.calls,
          logger,
          apiKey: livekit.apiKey,
          apiSecret: livekit.apiSecret,
          clock,
        })
      : null;

    // prom-client, and pg below, are loaded only when used: a default server keeps neither's code.
    const metrics: ServerMetrics | undefined = options.metrics
      ? new (await import('../metrics/server-metrics')).ServerMetrics({ stores, dialCps, livekit })
      : undefined;
    // Observes until the queue has stopped, so the last dials' outcomes are still counted.
    if (metrics) cleanups.splice(cleanups.length - 1, 0, async () => metrics.close());

    const agents = new AgentService({ agents: stores.agents });
    const apiKeys = new ApiKeyService({
      apiKeys: stores.apiKeys,
      clock,
      ...(options.apiKeyCacheMs === undefined ? {} : { cacheMs: options.apiKeyCacheMs }),
    });
    const calls = new CallService({
      calls: stores.calls,
      agents: stores.agents,
      idempotency: stores.idempotency,
      queue: dialQueue,
      queuePositions,
      livekitConfigured: livekit !== null,
      logger,
      clock,
      defaultCallingWindow: options.defaultCallingWindow,
    });
    const batches = new BatchService({
      batches: stores.batches,
      agents: stores.agents,
      idempotency: stores.idempotency,
      queue: dialQueue,
      clock,
      livekitConfigured: livekit !== null,
      defaultCallingWindow: options.defaultCallingWindow,
    });
    const batchProgress = new BatchProgress({
      calls: stores.calls,
      batches: stores.batches,
      queue: dialQueue,
      clock,
      logger,
    });
    const scheduler = new CallScheduler({
      calls: stores.calls,
      scheduled: stores.scheduledCalls,
      queue: dialQueue,
      clock,
      logger,
      ...(options.schedulerMaxSleepMs === undefined ? {} : { maxSleepMs: options.schedulerMaxSleepMs }),
    });

    const hub = new EventHub(stores.calls);
    hub.start();
    const retention = new EventRetention({
      events: stores.events,
      clock,
      logger,
      ...(options.eventRetentionDays === undefined ? {} : { retentionDays: options.eventRetentionDays }),
      ...(options.eventPurgeIntervalMs === undefined
        ? {}
        : { purgeIntervalMs: options.eventPurgeIntervalMs }),
    });
    retention.start();
    // Before the stores close: a purge in progress finishes first.
    cleanups.splice(cleanups.length - 1, 0, async () => {
      hub.stop();
      await retention.stop();
    });
    const events = new EventService({
      calls: stores.calls,
      events: stores.events,
      hub,
      onFeedError: (error) => logger.warn({ err: error }, 'event stream read failed; stream closed'),
    });
    const openStreams = new OpenStreams();

    const organizationWebhookSecrets = new OrganizationWebhookSecrets({
      secrets: stores.webhookSecrets,
      clock,
    });
    const webhookDispatcher = createWebhookDelivery({
      mode: options.webhookDispatch,
      database: {
        dbPath: options.dbPath,
        databaseUrl: options.databaseUrl,
        databasePoolSize: options.databasePoolSize,
        databaseBusyTimeoutMs: options.databaseBusyTimeoutMs,
      },
      clockInjected: options.clock !== undefined,
      calls: stores.calls,
      events: stores.events,
      endpoints: stores.webhookEndpoints,
      deliveries: stores.webhookDeliveries,
      organizationSecrets: organizationWebhookSecrets,
      clock,
      logger: logger.child({ component: 'webhooks' }),
      allowPrivate: options.webhookAllowPrivate ?? false,
      ...(options.webhookConcurrencyPerEndpoint === undefined
        ? {}
        : { concurrencyPerTarget: options.webhookConcurrencyPerEndpoint }),
      ...(options.webhookPollIntervalMs === undefined
        ? {}
        : { pollIntervalMs: options.webhookPollIntervalMs }),
    });
    const webhookEndpoints = new WebhookEndpointService({
      endpoints: stores.webhookEndpoints,
      deliveries: stores.webhookDeliveries,
      clock,
      onDue: () => webhookDispatcher.wake(),
    });
    // The delivery log is kept as long as the events it delivered.
    const deliveryRetention = new EventRetention({
      events: stores.webhookDeliveries,
      clock,
      logger: logger.child({ component: 'webhook-deliveries' }),
      ...(options.eventRetentionDays === undefined ? {} : { retentionDays: options.eventRetentionDays }),
      ...(options.eventPurgeIntervalMs === undefined
        ? {}
        : { purgeIntervalMs: options.eventPurgeIntervalMs }),
    });
    webhookDispatcher.start();
    deliveryRetention.start();
    // Before the stores close: the attempts in flight are recorded first.
    cleanups.splice(cleanups.length - 1, 0, async () => {
      await deliveryRetention.stop();
      await webhookDispatcher.stop();
    });

    const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
    const rateLimitStore = rateLimit
      ? await openRateLimitStore(
          rateLimitBackend({ redisUrl: options.redisUrl, databaseUrl: options.databaseUrl }),
        )
      : undefined;
    // After the HTTP server has closed: no request counts any more.
    if (rateLimitStore) cleanups.splice(cleanups.length - 1, 0, () => rateLimitStore.close());

    let serving = false;
    const app = createApp({
      calls,
      batches,
      agents,
      events,
      openStreams,
      webhookEndpoints,
      trunkQueues: new TrunkQueues({
        backlog: stores.dialBacklog,
        clock,
        cps: dialCps,
        budgets: stores.trunkBudgets,
        defaultTrunkId: livekit?.sipTrunkId,
        // One process dials everything it can: it leads every trunk, or none without LiveKit. Of
        // replicas, the one holding the trunk's lock does.
        leader: async (trunkId) =>
          replication ? replication.leader(trunkId) : livekit ? `${hostname()}:${process.pid}` : null,
      }),
      organizationWebhookSecrets,
      eventStreamKeepAliveMs: options.eventStreamKeepAliveMs,
      apiKeys,
      stores,
      clock,
      queue: dialQueue,
      livekitConfigured: livekit !== null,
      webhookReceiver,
      logger,
      rateLimit: rateLimit && { ...rateLimit, store: rateLimitStore?.store },
      validateResponses: options.validateResponses ?? process.env.NODE_ENV !== 'production',
      isServing: () => serving,
      trunkLeads: () => replication?.trunks(),
      corsOrigins: options.corsOrigins,
      ...(metrics ? { metrics: { server: metrics, onApiPort: options.metricsPort === undefined } } : {}),
    });
    const host = options.host ?? '127.0.0.1';
    const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    let metricsUrl: string | undefined;
    if (metrics && options.metricsPort !== undefined) {
      // Started before the API's listener, so it is closed after the Dial queue has stopped.
      const metricsServer = await startMetricsServer({
        registry: metrics.registry,
        logger,
        port: options.metricsPort,
        host,
      });
      cleanups.unshift(() => closeHttpServer(metricsServer));
      metricsUrl = `http://${reachableHost}:${(metricsServer.address() as AddressInfo).port}${METRICS_PATH}`;
    }
    const server = await listen(app, options.port ?? 3000, host);
    cleanups.unshift(() => closeHttpServer(server));
    const port = (server.address() as AddressInfo).port;
    const url = `http://${reachableHost}:${port}`;
    if (metrics) metricsUrl ??= `${url}${METRICS_PATH}`;
    emulator?.setWebhookUrl(`${url}/api/v1/livekit/webhook`);

    // First the calls that fell due (or expired) while the server was down: the Dial queue then
    // loads them with the rest of the backlog, in dial order.
    await scheduler.start();
    cleanups.splice(1, 0, () => scheduler.stop());
    // Before the Dial queue: the retries a crash left unmade join the backlog it loads.
    await batchProgress.start();
    cleanups.splice(1, 0, () => batchProgress.stop());
    if (dialQueue instanceof ReplicaTrunkDialQueues) {
      // Each trunk's leader starts its queue as after a restart (paused batches, limits, the backlog).
      const queue = dialQueue;
      await queue.start();
      const { Replication } = await import('../replicas/replication');
      const started = await Replication.start({
        url: options.databaseUrl as string,
        dials: livekit !== null,
        calls: stores.calls,
        queue,
        hub,
        webhooks: webhookDispatcher,
        positions: queuePositions,
        logger,
        leadershipRetryMs: options.leadershipRetryMs ?? DEFAULT_LEADERSHIP_RETRY_MS,
      });
      replication = started;
      // What the other replicas queued and dialed before this one listened is only in the database.
      await queuePositions.reload();
      cleanups.splice(1, 0, async () => {
        await started.stop();
        await queue.stop();
      });
    } else {
      for (const batchId of await stores.batches.pausedIds()) await dialQueue.pauseBatch(batchId);
      for (const { id, maxConcurrentCalls } of await stores.batches.concurrencyLimits()) {
        dialQueue.limitBatch(id, maxConcurrentCalls);
      }
      await dialQueue.start();
      cleanups.splice(1, 0, () => dialQueue.stop());
    }
    // First of all: open streams never end on their own, and the HTTP server waits for them.
    cleanups.unshift(async () => openStreams.endAll());
    serving = true;
    logger.info(
      {
        url,
        livekit: emulator ? 'emulated' : livekit ? livekit.url : 'not configured',
        ...(metricsUrl ? { metricsUrl } : {}),
      },
      'outdial listening',
    );

    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      dialQueue,
      ...(emulator ? { emulator } : {}),
      ...(metricsUrl ? { metricsUrl } : {}),
      admin: adminOperations({
        organizations: stores.organizations,
        apiKeys,
        agents,
        webhookSecrets: organizationWebhookSecrets,
      }),
      close() {
        serving = false;
        closing ??= runCleanups(cleanups);
        return closing;
      },
    };
  } catch (error) {
    await runCleanups(cleanups).catch(() => undefined);
    throw error;
  }
}

async function runCleanups(cleanups: (() => Promise<void>)[]): Promise<void> {
  for (const cleanup of cleanups) await cleanup();
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    // Bad HTTP, oversized headers and timeouts never reach Express: answer them in the envelope.
    answerClientErrors(server);
  });
}

/**
 * Stops accepting connections and waits for in-flight requests; idle keep-alive connections are
 * closed at once so that close() does not wait for clients to hang up.
 */
function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
