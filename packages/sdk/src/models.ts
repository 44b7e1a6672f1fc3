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
 * A call as `calls.create` returns it: queued, before the Dial queue has placed it.
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
 * The body of `calls.create`.
 *
 * @example
 * ```ts
 * const params: CreateCallParams = { agentId, phoneNumber: '+14155552671', priority: 0 };
 * ```
 */
export type CreateCallParams = Schemas['CreateOutboundCallRequest'];

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
 * What happened to a call: `call.<status>`. New types may be added (with new statuses): ignore
 * one you do not know, as you would an unknown `CallStatus`.
 *
 * @example
 * ```ts
 * const wanted: EventType[] = ['call.completed', 'call.failed'];
 * ```
 */
export type EventType = Schemas['EventType'];

/** The status an event type reports: `call.completed` → `completed`. */
type StatusOf<T extends EventType> = T extends `call.${infer S extends CallStatus}` ? S : never;

/**
 * One status change of a call (the spec's `Event`), discriminated by `type`: narrowing `type`
 * narrows `data.status` too. `data` is the call as `calls.get` returned it at that moment, except
 * `queuePosition`, which is always null in events.
 *
 * @example
 * ```ts
 * for await (const event of outdial.events.stream()) {
 *   if (event.type === 'call.completed') console.log(event.data.id, event.data.duration);
 * }
 * ```
 */
export type OutdialEvent = {
  [T in EventType]: Omit<Schemas['Event'], 'type' | 'data'> & {
    type: T;
    data: Call & { status: StatusOf<T> };
  };
}[EventType];

/**
 * The filters of `events.list`. `types` is sent as the API's repeatable `type` parameter.
 *
 * @example
 * ```ts
 * const filters: ListEventsParams = { types: ['call.completed'], callId, limit: 50 };
 * ```
 */
export type ListEventsParams = {
  /** Only events of these types. */
  types?: EventType[] | undefined;
  /** Only the events of this call. */
  callId?: string | undefined;
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
export type CallEvents = { events: OutdialEvent[] };

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
 * What a webhook delivers (and `verifyWebhook` returns): a call event or a test event.
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
