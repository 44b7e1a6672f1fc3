/**
 * @module
 * The Express app: request metrics and /metrics (when on), request id and logging, CORS,
 * express-openapi-validator (security, rate limit, body reading, request and response
 * validation), the routes (calls, events, queue, agents, webhook endpoints, health, the LiveKit
 * webhook), and the one error renderer.
 */
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { AgentService } from '../agents/agent-service';
import type { BatchService } from '../batches/batch-service';
import type { CallQueue } from '../calls/call-queue';
import type { CallService } from '../calls/call-service';
import type { TrunkQueues } from '../dial/trunk-queues';
import type { EventService } from '../events/event-service';
import type { OpenStreams } from '../events/open-streams';
import { metricsRoutes } from '../metrics/metrics-endpoint';
import type { ServerMetrics } from '../metrics/server-metrics';
import type { Clock } from '../ports/clock';
import type { Stores } from '../ports/stores';
import type { TrunkLead } from '../replicas/replication';
import type { OrganizationWebhookSecrets } from '../webhooks/organization-webhook-secrets';
import type { WebhookEndpointService } from '../webhooks/webhook-endpoint-service';
import type { ApiKeyOwnerLookup } from './api-key-security';
import { readRequestBody } from './body-parsing';
import { allowCrossOrigin } from './cross-origin';
import { renderErrors, routeNotFound } from './error-middleware';
import { validateAgainstOpenApi } from './openapi-validation';
import { limitRequestsPerApiKey, type RateLimitOptions } from './rate-limit';
import { assignRequestId } from './request-id';
import { logRequests } from './request-logging';
import { agentsRoutes } from './routes/agents-routes';
import { batchesRoutes } from './routes/batches-routes';
import { callsRoutes } from './routes/calls-routes';
import { consoleRoutes } from './routes/console-routes';
import { docsRoutes } from './routes/docs-routes';
import { eventsRoutes } from './routes/events-routes';
import { healthRoutes } from './routes/health-routes';
import { livekitWebhookRoutes, type WebhookReceiver } from './routes/livekit-webhook-routes';
import { queueRoutes } from './routes/queue-routes';
import { webhookRoutes } from './routes/webhook-routes';
import './request-context';

/** Large enough for the 16 KiB metadata cap plus the other fields, small enough to bound memory. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** A batch of 10,000 calls with their metadata (openapi.yaml: createBatch). */
const LARGE_BODY_LIMITS = { 'POST /api/v1/batches': 8 * 1024 * 1024 };

export interface AppDeps {
  calls: CallService;
  batches: BatchService;
  agents: AgentService;
  events: EventService;
  /** The event streams open now, counted per API key. */
  openStreams: OpenStreams;
  /** Milliseconds between keep-alive comments on an event stream (default 15 s). */
  eventStreamKeepAliveMs?: number | undefined;
  webhookEndpoints: WebhookEndpointService;
  /** `GET /api/v1/queue`. */
  trunkQueues: TrunkQueues;
  /** Each organization's secret for calls' own webhook URLs. */
  organizationWebhookSecrets: OrganizationWebhookSecrets;
  apiKeys: ApiKeyOwnerLookup;
  /** Readiness writes to the database. */
  stores: Pick<Stores, 'probeWritable'>;
  /** Stamps readiness's probe write. */
  clock: Clock;
  /** Readiness asks whether it is running. */
  queue: Pick<CallQueue, 'running'>;
  /** Readiness reports LiveKit as `not_configured` without it. */
  livekitConfigured: boolean;
  webhookReceiver: WebhookReceiver | null;
  logger: Logger;
  rateLimit: RateLimitOptions | false;
  validateResponses: boolean;
  isServing: () => boolean;
  /** Of replicas: the dialer's trunk and whether this one leads it. Undefined: one process. */
  trunkLeads?: () => TrunkLead[] | undefined;
  bodyLimitBytes?: number;
  /**
   * Browser origins allowed to call the API cross-origin (`https://app.example.com`), or `['*']`
   * for any origin (never with credentials). Default none: no CORS headers, and a preflight gets
   * 404 like any other OPTIONS.
   */
  corsOrigins?: readonly string[];
  /**
   * With metrics on (OUTDIAL_METRICS): every request is timed, and `onApiPort` also answers
   * GET /metrics here (false when it has a port of its own). Absent: no metrics work at all.
   */
  metrics?: { server: ServerMetrics; onApiPort: boolean };
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: openapi.yaml promises none (nor 304 for If-None-Match), the mock sends none, and
  // Express would hash every response body for it (~2% of a GET's CPU).
  app.disable('etag');
  if (deps.metrics) app.use(deps.metrics.server.httpRequests);
  app.use(assignRequestId());
  app.use(logRequests(deps.logger));
  // Not an operation of openapi.yaml (the validator would answer 404), and unauthenticated.
  if (deps.metrics?.onApiPort) app.use(metricsRoutes(deps.metrics.server.registry, deps.logger));
  if (deps.corsOrigins && deps.corsOrigins.length > 0) app.use(allowCrossOrigin(deps.corsOrigins));
  // The API reference is for people, not an operation of openapi.yaml: ahead of the validator.
  app.use(docsRoutes());
  app.use(consoleRoutes());
  app.use(
    validateAgainstOpenApi({
      apiKeys: deps.apiKeys,
      validateResponses: deps.validateResponses,
      logger: deps.logger,
      afterAuthentication: [
        ...(deps.rateLimit ? [limitRequestsPerApiKey(deps.rateLimit)] : []),
        readRequestBody(deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES, LARGE_BODY_LIMITS),
      ],
    }),
  );
  app.use(
    healthRoutes({
      stores: deps.stores,
      clock: deps.clock,
      isServing: deps.isServing,
      dialQueueRunning: () => deps.queue.running,
      trunkLeads: deps.trunkLeads ?? (() => undefined),
      livekitConfigured: deps.livekitConfigured,
    }),
  );
  app.use(callsRoutes(deps));
  app.use(eventsRoutes(deps));
  app.use(queueRoutes(deps));
  app.use(agentsRoutes(deps));
  app.use(batchesRoutes(deps));
  app.use(webhookRoutes(deps));
  app.use(livekitWebhookRoutes(deps.webhookReceiver));
  app.use(routeNotFound());
  app.use(renderErrors(deps.logger));
  return app;
}
