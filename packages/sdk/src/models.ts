/**
 * @module
 * Friendly names for the API's types. They are aliases of the types generated from
 * `openapi.yaml`, so they can never drift from the spec.
 */
import type { components, operations } from '@outdial/contract';

type Schemas = components['schemas'];

/**
 * A call with its progress, as `calls.get` returns it.
 *
 * @example
 * ```ts
 * const call: Call = await outdial.calls.get('call_01JD7ZK5W8Q3N2M4P6R8T0V2X4');
 * console.log(call.status, call.duration);
 * ```
 */
export type Call = Schemas['Call'];

/**
 * A call as `calls.create` returns it: `queued` (or `scheduled`), before the Dial queue has placed it.
 *
 * @example
 * ```ts
 * const queued: QueuedCall = await outdial.calls.create({ agentId, phoneNumber: '+14155552671' });
 * ```
 */
export type QueuedCall = Schemas['QueuedCall'];

/**
 * Where a call is. New statuses may be added: treat an unknown one as non-terminal.
 *
 * @example
 * ```ts
 * const wanted: CallStatus[] = ['active', 'ringing'];
 * ```
 */
export type CallStatus = Schemas['CallStatus'];

/**
 * The body of `calls.create`. `scheduledAt` and `latestAt` take a `Date` or an RFC 3339 string;
 * a `Date` is sent as its ISO string.
 *
 * @example
 * ```ts
 * const params: CreateCallParams = { agentId, phoneNumber: '+14155552671', priority: 0 };
 * const later: CreateCallParams = { agentId, phoneNumber: '+14155552671', scheduledAt: new Date(Date.now() + 3_600_000) };
 * ```
 */
export type CreateCallParams = Omit<Schemas['CreateOutboundCallRequest'], 'scheduledAt' | 'latestAt'> & {
  /** Dial no earlier than this instant (at most 90 days ahead); the call is created `scheduled`. */
  scheduledAt?: Date | string;
  /** Give up at this instant: a call not dialed by then ends `failed` with `failureReason: 'expired'`. */
  latestAt?: Date | string;
};

/**
 * A batch of calls with its counters, as `batches.get` returns it.
 *
 * @example
 * ```ts
 * const batch: Batch = await outdial.batches.get('batch_01JD7ZK5WBA1B2C3D4E5F6G7H8');
 * console.log(batch.status, batch.counters.completed, '/', batch.counters.total);
 * ```
 */
export type Batch = Schemas['Batch'];

/**
 * Where a batch is: `scheduled`, `running`, `paused`, then `completed` or `cancelled` (final).
 *
 * @example
 * ```ts
 * const wanted: BatchStatus[] = ['running', 'paused'];
 * ```
 */
export type BatchStatus = Schemas['BatchStatus'];

/**
 * A batch's contacts by the status of their latest attempt; they add up to `total`.
 *
 * @example
 * ```ts
 * const { total, completed, retrying }: BatchCounters = batch.counters;
 * ```
 */
export type BatchCounters = Schemas['BatchCounters'];

/**
 * The body of `batches.create`: 1 to 10,000 contacts. `scheduledAt` and `latestAt` take a `Date`
 * or an RFC 3339 string.
 *
 * @example
 * ```ts
 * const params: CreateBatchParams = { name: 'Renewals', agentId, calls: [{ phoneNumber: '+14155552671' }] };
 * ```
 */
export type CreateBatchParams = Omit<Schemas['CreateBatchRequest'], 'scheduledAt' | 'latestAt'> & {
  /** Dial none of the calls before this instant (at most 90 days ahead). */
  scheduledAt?: Date | string;
  /** Calls (and retries) not dialed by then end `failed` with `failureReason: 'expired'`. */
  latestAt?: Date | string;
};

/**
 * The filters of `batches.list`.
 *
 * @example
 * ```ts
 * const filters: ListBatchesParams = { status: ['running'], limit: 50 };
 * ```
 */
export type ListBatchesParams = NonNullable<operations['listBatches']['parameters']['query']>;

/**
 * Local hours in which a call may be dialed, in an IANA time zone. `end` before `start` crosses
 * midnight; `days` are ISO weekdays (1 Monday … 7 Sunday), every day by default.
 *
 * @example
 * ```ts
 * const businessHours: CallingWindow = { timezone: 'America/New_York', start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] };
 * ```
 */
export type CallingWindow = Schemas['CallingWindow'];

/**
 * The filters of `calls.list`.
 *
 * @example
 * ```ts
 * const filters: ListCallsParams = { status: ['active'], limit: 50 };
 * ```
 */
export type ListCallsParams = NonNullable<operations['listCalls']['parameters']['query']>;

/**
 * What `calls.cancel` returns.
 *
 * @example
 * ```ts
 * const { status }: CancelledCall = await outdial.calls.cancel(call.id); // 'cancelled'
 * ```
 */
export type CancelledCall = Schemas['CancelCallResponse']['data'];

/**
 * An agent: the voice (or chat) worker that handles calls.
 *
 * @example
 * ```ts
 * const agent: Agent = await outdial.agents.get('550e8400-e29b-41d4-a716-446655440000');
 * ```
 */
export type Agent = Schemas['Agent'];

/**
 * The body of `agents.create`.
 *
 * @example
 * ```ts
 * const params: CreateAgentParams = { name: 'Support', phoneNumbers: ['+14155551234'] };
 * ```
 */
export type CreateAgentParams = Schemas['CreateAgentRequest'];

/**
 * The body of `agents.update`: only the fields sent change.
 *
 * @example
 * ```ts
 * const params: UpdateAgentParams = { status: 'inactive' };
 * ```
 */
export type UpdateAgentParams = Schemas['UpdateAgentRequest'];

/**
 * The parameters of `agents.list`.
 *
 * @example
 * ```ts
 * const params: ListAgentsParams = { limit: 100 };
 * ```
 */
export type ListAgentsParams = NonNullable<operations['listAgents']['parameters']['query']>;

/**
 * What `agents.delete` returns.
 *
 * @example
 * ```ts
 * const { deleted }: DeletedAgent = await outdial.agents.delete(agent.id); // true
 * ```
 */
export type DeletedAgent = Schemas['DeleteAgentResponse']['data'];

/**
 * A stable, machine-readable error kind (`ApiError.type`).
 *
 * @example
 * ```ts
 * const kind: ErrorType = 'idempotency_key_reused';
 * ```
 */
export type ErrorType = Schemas['ErrorType'];

/**
 * One field error in `ApiError.details`.
 *
 * @example
 * ```ts
 * const detail: ErrorDetail = { field: 'phoneNumber', message: 'Phone number must be in E.164 format (+1234567890)' };
 * ```
 */
export type ErrorDetail = Schemas['ErrorDetail'];

/**
 * What happened: `call.<status>` (a call reached that status) or `batch.<change>` (a batch
 * started, was paused, resumed, completed or cancelled). New types may be added: ignore one you
 * do not know, as you would an unknown `CallStatus`.
 *
 * @example
 * ```ts
 * const wanted: EventType[] = ['call.completed', 'call.failed', 'batch.completed'];
 * ```
 */
export type EventType = Schemas['EventType'];

/** The types of a call's status changes: `call.<status>`. */
export type CallEventType = Schemas['CallEventType'];

/** The types of a batch's changes: `batch.started`, `paused`, `resumed`, `completed`, `cancelled`. */
export type BatchEventType = Schemas['BatchEventType'];

/** The status an event type reports: `call.completed` → `completed`. */
type StatusOf<T extends CallEventType> = T extends `call.${infer S extends CallStatus}` ? S : never;

/**
 * One status change of a call (the spec's `CallEvent`), discriminated by `type`: narrowing `type`
 * narrows `data.status` too. `data` is the call as `calls.get` returned it at that moment, except
 * `queuePosition`, which is always null in events.
 *
 * @example
 * ```ts
 * for await (const event of outdial.calls.stream(call.id)) {
 *   if (event.type === 'call.completed') console.log(event.data.id, event.data.duration);
 * }
 * ```
 */
export type CallEvent = {
  [T in CallEventType]: Omit<Schemas['CallEvent'], 'type' | 'data'> & {
    type: T;
    data: Call & { status: StatusOf<T> };
  };
}[CallEventType];

/**
 * One change of a batch (the spec's `BatchEvent`): `data` is the batch as `batches.get` returned
 * it at that moment, counters included; `sequence` counts the batch's own events.
 *
 * @example
 * ```ts
 * if (event.type === 'batch.completed') console.log(event.data.counters);
 * ```
 */
export type BatchEvent = {
  [T in BatchEventType]: Omit<Schemas['BatchEvent'], 'type' | 'data'> & { type: T; data: Batch };
}[BatchEventType];

/**
 * An event of your organization's feed (the spec's `Event`): a call's or a batch's, discriminated
 * by `type`.
 *
 * @example
 * ```ts
 * for await (const event of outdial.events.stream()) {
 *   if (event.type === 'call.completed') console.log(event.data.id, event.data.duration);
 *   else if (event.type === 'batch.completed') console.log(event.data.name, event.data.counters);
 * }
 * ```
 */
export type OutdialEvent = CallEvent | BatchEvent;

/**
 * The events of the types in `T` (every event when `T` is every type): what `events.list` and
 * `events.stream` yield for their `types` filter.
 *
 * @example
 * ```ts
 * const done: EventOfType<'batch.completed'> = event; // data is a Batch
 * ```
 */
export type EventOfType<T extends EventType> = Extract<OutdialEvent, { type: T }>;

/**
 * The filters of `events.list`. `types` is sent as the API's repeatable `type` parameter.
 *
 * @example
 * ```ts
 * const filters: ListEventsParams = { types: ['call.completed'], batchId, limit: 50 };
 * ```
 */
export type ListEventsParams<T extends EventType = EventType> = {
  /** Only events of these types. */
  types?: T[] | undefined;
  /** Only the events of this call. */
  callId?: string | undefined;
  /** Only the events of this batch: its own and its calls'. */
  batchId?: string | undefined;
  /** Page size, 1 to 100. Default 20. */
  limit?: number | undefined;
  /** Resumes from this page (a `nextCursor`). */
  cursor?: string | undefined;
};

/**
 * What `calls.listEvents` returns: every event of the call, oldest first.
 *
 * @example
 * ```ts
 * const { events }: CallEvents = await outdial.calls.listEvents(call.id);
 * ```
 */
export type CallEvents = { events: CallEvent[] };

/**
 * The body `webhookEndpoints.sendTest` delivers: `type: 'webhook.test'`, and the endpoint's id.
 *
 * @example
 * ```ts
 * if (event.type === 'webhook.test') console.log('test from', event.data.endpointId);
 * ```
 */
export type WebhookTestEvent = Schemas['WebhookTestEvent'];

/**
 * What a webhook delivers (and `verifyWebhook` returns): a call or batch event, or a test event.
 *
 * @example
 * ```ts
 * const event: WebhookEvent = await verifyWebhook(body, headers, secret);
 * ```
 */
export type WebhookEvent = OutdialEvent | WebhookTestEvent;

/**
 * A webhook endpoint: a URL that receives your organization's events, signed.
 *
 * @example
 * ```ts
 * const endpoint: WebhookEndpoint = await outdial.webhookEndpoints.get('we_01JD7ZK5W9A1B2C3D4E5F6G7H8');
 * ```
 */
export type WebhookEndpoint = Schemas['WebhookEndpoint'];

/**
 * A new webhook endpoint with its signing `secret`, shown only by `webhookEndpoints.create`.
 *
 * @example
 * ```ts
 * const { id, secret }: WebhookEndpointWithSecret = await outdial.webhookEndpoints.create({ url });
 * ```
 */
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];

/**
 * The body of `webhookEndpoints.create`.
 *
 * @example
 * ```ts
 * const params: CreateWebhookEndpointParams = { url: 'https://example.com/hooks', enabledEvents: ['call.completed'] };
 * ```
 */
export type CreateWebhookEndpointParams = Schemas['CreateWebhookEndpointRequest'];

/**
 * The body of `webhookEndpoints.update`: only the fields sent change.
 *
 * @example
 * ```ts
 * const params: UpdateWebhookEndpointParams = { status: 'disabled' };
 * ```
 */
export type UpdateWebhookEndpointParams = Schemas['UpdateWebhookEndpointRequest'];

/**
 * The parameters of `webhookEndpoints.list`.
 *
 * @example
 * ```ts
 * const params: ListWebhookEndpointsParams = { limit: 50 };
 * ```
 */
export type ListWebhookEndpointsParams = NonNullable<
  operations['listWebhookEndpoints']['parameters']['query']
>;

/**
 * What `webhookEndpoints.delete` returns.
 *
 * @example
 * ```ts
 * const { deleted }: DeletedWebhookEndpoint = await outdial.webhookEndpoints.delete(endpoint.id); // true
 * ```
 */
export type DeletedWebhookEndpoint = Schemas['DeleteWebhookEndpointResponse']['data'];

/**
 * A new signing secret, and until when its predecessor still signs every delivery too.
 *
 * @example
 * ```ts
 * const { secret, previousSecretExpiresAt }: RotatedWebhookSecret = await outdial.webhookSecret.rotate();
 * ```
 */
export type RotatedWebhookSecret = Schemas['WebhookSecretResponse']['data'];

/**
 * The Dial queue as `outdial.queue.get()` reads it: one entry per SIP trunk, and when.
 *
 * @example
 * ```ts
 * const { at, trunks }: QueueSnapshot = await outdial.queue.get();
 * ```
 */
export type QueueSnapshot = Schemas['QueueResponse']['data'];

/**
 * One SIP trunk's share of the Dial queue: your calls waiting, its budget, your recent dials.
 *
 * @example
 * ```ts
 * const [trunk]: TrunkQueue[] = (await outdial.queue.get()).trunks;
 * ```
 */
export type TrunkQueue = Schemas['TrunkQueue'];

/**
 * One event owed to one endpoint, with its attempts.
 *
 * @example
 * ```ts
 * const delivery: WebhookDelivery = await outdial.webhookEndpoints.sendTest(endpoint.id);
 * ```
 */
export type WebhookDelivery = Schemas['WebhookDelivery'];

/**
 * The filters of `webhookEndpoints.listDeliveries`.
 *
 * @example
 * ```ts
 * const params: ListWebhookDeliveriesParams = { status: 'failed', limit: 50 };
 * ```
 */
export type ListWebhookDeliveriesParams = NonNullable<
  operations['listWebhookDeliveries']['parameters']['query']
>;
