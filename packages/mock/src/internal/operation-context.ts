/**
 * @module
 * What an operation handler receives and returns. The request pipeline has already
 * authenticated the caller and validated the request against the spec.
 */
import type { CallingWindow } from '@outdial/contract';
import type { BatchRunner } from './batch-runner';
import type { CallProgression } from './call-progression';
import type { DialHolds } from './dial-holds';
import type { EventLog } from './event-log';
import type { IdGenerator } from './id-generator';
import type { MockState } from './mock-state';
import type { Organization } from './mock-types';
import type { OpenStreams } from './open-streams';
import type { WebhookRegistry } from './webhook-registry';
import type { WebhookSender } from './webhook-sender';

/** The mock's shared parts, passed to every handler. */
export type MockRuntime = {
  state: MockState;
  progression: CallProgression;
  /** Places and retries the calls of batches. */
  batches: BatchRunner;
  /** What holds queued calls back from their dial (paused batches, concurrency limits). */
  holds: DialHolds;
  ids: IdGenerator;
  now: () => Date;
  /** Every event, and the live streams' subscriptions. */
  events: EventLog;
  /** Webhook endpoints, deliveries and secrets. */
  webhooks: WebhookRegistry;
  /** Sends the webhooks and logs their deliveries. */
  webhookSender: WebhookSender;
  /** The event streams open now, per API key. */
  streams: OpenStreams;
  /** The dial starts per second `getQueue` reports as every trunk's budget. */
  dialCps: number;
  /** Milliseconds between an event stream's keep-alive comments. */
  eventStreamKeepAliveMs: number;
  /** The calling window of calls created without one (the server's `OUTDIAL_DEFAULT_CALLING_WINDOW`). */
  defaultCallingWindow: CallingWindow | undefined;
  /** Awaited while a createOutboundCall holds its Idempotency-Key (see `createLatency`). */
  createLatency: () => Promise<void> | undefined;
};

/** One validated request. */
export type OperationRequest = {
  runtime: MockRuntime;
  /** The caller's organization; undefined only for operations without security. */
  organization: Organization | undefined;
  /** Path, query and header parameters, coerced and with defaults applied. */
  params: Record<string, unknown>;
  /** The JSON body, already validated against the operation's schema. */
  body: Record<string, unknown> | undefined;
  /** The request's headers, for what is not a parameter (`Accept`). */
  headers: Headers;
};

/** What a handler answers. `body` is JSON unless `text` or `stream` is set. */
export type OperationResult = {
  status: number;
  body?: unknown;
  text?: { content: string; contentType: string };
  /** A streamed body (an event stream); its Content-Type is in `headers`. */
  stream?: ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
};

export type OperationHandler = (request: OperationRequest) => OperationResult | Promise<OperationResult>;

/** The organization of a secured operation (the pipeline guarantees it is there). */
export function organizationOf(request: OperationRequest): Organization {
  if (!request.organization) throw new Error('A secured operation ran without an organization');
  return request.organization;
}
