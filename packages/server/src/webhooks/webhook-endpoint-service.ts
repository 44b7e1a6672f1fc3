/**
 * @module
 * Webhook endpoints and their delivery logs, scoped by organization: another organization's
 * endpoint or delivery is "not found", exactly like a missing one. Nothing here knows about HTTP;
 * errors are the contract's (ApiError).
 */
import { apiError, CALL_EVENT_TYPES, type components, encodePageCursor } from '@outdial/contract';
import { type Clock, wallClock } from '../ports/clock';
import type { PageRequest } from '../ports/page-request';
import type { WebhookDeliveryStatus, WebhookDeliveryStore } from '../ports/webhook-delivery-store';
import type {
  WebhookEndpointPatch,
  WebhookEndpointRow,
  WebhookEndpointStore,
} from '../ports/webhook-endpoint-store';
import { newEventIdAfter, newWebhookDeliveryId, newWebhookEndpointId } from '../store/ids';
import type { RotatedSecret } from './organization-webhook-secrets';
import {
  toWebhookDeliveryResource,
  toWebhookEndpointResource,
  type WebhookDeliveryResource,
  type WebhookEndpointResource,
} from './webhook-endpoint-resource';
import { newWebhookSecret, PREVIOUS_SECRET_VALID_MS } from './webhook-secret';

type CreateRequest = components['schemas']['CreateWebhookEndpointRequest'];
type UpdateRequest = components['schemas']['UpdateWebhookEndpointRequest'];
type WebhookTestEvent = components['schemas']['WebhookTestEvent'];

interface Pagination {
  limit: number;
  hasMore: boolean;
  nextCursor: string | null;
}

export interface WebhookEndpointPage {
  webhookEndpoints: WebhookEndpointResource[];
  pagination: Pagination;
}

export interface WebhookDeliveryPage {
  deliveries: WebhookDeliveryResource[];
  pagination: Pagination;
}

export interface WebhookEndpointServiceDeps {
  endpoints: WebhookEndpointStore;
  deliveries: WebhookDeliveryStore;
  clock?: Clock;
  /** A delivery has just become due (a retry, a test): the sender looks now instead of later. */
  onDue?: () => void;
}

/**
 * @example
 * ```ts
 * const webhooks = new WebhookEndpointService({ endpoints, deliveries, clock });
 * const created = await webhooks.create(organizationId, { url: 'https://example.com/hooks' });
 * ```
 */
export class WebhookEndpointService {
  readonly #deps: WebhookEndpointServiceDeps;
  readonly #clock: Clock;

  constructor(deps: WebhookEndpointServiceDeps) {
    this.#deps = deps;
    this.#clock = deps.clock ?? wallClock;
  }

  async create(
    organizationId: string,
    input: CreateRequest,
  ): Promise<WebhookEndpointResource & { secret: string }> {
    const now = this.#clock.now().toISOString();
    const row = await this.#deps.endpoints.insert({
      id: newWebhookEndpointId(),
      organization_id: organizationId,
      url: input.url,
      description: input.description ?? null,
      enabled_events: JSON.stringify(input.enabledEvents ?? CALL_EVENT_TYPES),
      status: 'enabled',
      disabled_reason: null,
      secret: newWebhookSecret(),
      previous_secret: null,
      previous_secret_expires_at: null,
      failing_since: null,
      created_at: now,
      updated_at: now,
    });
    return { ...toWebhookEndpointResource(row), secret: row.secret };
  }

  /** Newest first. */
  async list(organizationId: string, page: PageRequest): Promise<WebhookEndpointPage> {
    const rows = await this.#deps.endpoints.list(organizationId, page);
    return {
      webhookEndpoints: rows.slice(0, page.limit).map(toWebhookEndpointResource),
      pagination: paginate(rows, page),
    };
  }

  async get(organizationId: string, endpointId: string): Promise<WebhookEndpointResource> {
    return toWebhookEndpointResource(await this.#own(organizationId, endpointId));
  }

  async update(
    organizationId: string,
    endpointId: string,
    input: UpdateRequest,
  ): Promise<WebhookEndpointResource> {
    const patch: WebhookEndpointPatch = { updated_at: this.#clock.now().toISOString() };
    if (input.url !== undefined) patch.url = input.url;
    if (input.description !== undefined) patch.description = input.description;
    if (input.enabledEvents !== undefined) patch.enabled_events = JSON.stringify(input.enabledEvents);
    if (input.status !== undefined) {
      patch.status = input.status;
      // Enabled again: a fresh start. Disabled by hand: no reason of Outdial's.
      patch.disabled_reason = null;
      patch.failing_since = null;
    }
    const row = await this.#deps.endpoints.update(organizationId, endpointId, patch);
    if (!row) throw apiError('webhook_endpoint_not_found');
    return toWebhookEndpointResource(row);
  }

  async delete(organizationId: string, endpointId: string): Promise<{ id: string; deleted: true }> {
    if (!(await this.#deps.endpoints.delete(organizationId, endpointId)))
      throw apiError('webhook_endpoint_not_found');
    return { id: endpointId, deleted: true };
  }

  /** A new secret, shown once; the current one keeps signing for 24 h. */
  async rotateSecret(organizationId: string, endpointId: string): Promise<RotatedSecret> {
    const current = await this.#own(organizationId, endpointId);
    const now = this.#clock.now();
    const previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_VALID_MS).toISOString();
    const row = await this.#deps.endpoints.update(organizationId, endpointId, {
      secret: newWebhookSecret(),
      previous_secret: current.secret,
      previous_secret_expires_at: previousSecretExpiresAt,
      updated_at: now.toISOString(),
    });
    if (!row) throw apiError('webhook_endpoint_not_found');
    return { secret: row.secret, previousSecretExpiresAt };
  }

  /** The endpoint's delivery log, newest first. */
  async listDeliveries(
    organizationId: string,
    endpointId: string,
    filters: { status?: WebhookDeliveryStatus | undefined },
    page: PageRequest,
  ): Promise<WebhookDeliveryPage> {
    await this.#own(organizationId, endpointId);
    const rows = await this.#deps.deliveries.list(organizationId, endpointId, filters, page);
    return {
      deliveries: rows.slice(0, page.limit).map(toWebhookDeliveryResource),
      pagination: paginate(rows, page),
    };
  }

  /** Due now, with the same event id; the attempt joins its log. */
  async retryDelivery(
    organizationId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryResource> {
    const endpoint = await this.#deps.endpoints.find(organizationId, endpointId);
    const delivery = endpoint && (await this.#deps.deliveries.find(organizationId, endpointId, deliveryId));
    if (!endpoint || !delivery) throw apiError('webhook_delivery_not_found');
    if (endpoint.status === 'disabled') throw apiError('webhook_endpoint_disabled');
    const due = await this.#deps.deliveries.makeDue(
      organizationId,
      endpointId,
      deliveryId,
      this.#clock.now().toISOString(),
    );
    if (!due) throw apiError('webhook_delivery_not_found');
    this.#deps.onDue?.();
    return toWebhookDeliveryResource(due);
  }

  /** A `webhook.test` event, due now, logged like any delivery. */
  async sendTest(organizationId: string, endpointId: string): Promise<WebhookDeliveryResource> {
    const endpoint = await this.#own(organizationId, endpointId);
    if (endpoint.status === 'disabled') throw apiError('webhook_endpoint_disabled');
    const now = this.#clock.now();
    const event: WebhookTestEvent = {
      id: newEventIdAfter(undefined, now.getTime()),
      type: 'webhook.test',
      timestamp: now.toISOString(),
      data: { endpointId },
    };
    const row = await this.#deps.deliveries.insert({
      id: newWebhookDeliveryId(),
      organization_id: organizationId,
      endpoint_id: endpointId,
      url: null,
      target: endpointId,
      event_id: event.id,
      event_type: event.type,
      call_id: null,
      sequence: null,
      payload: JSON.stringify(event),
      status: 'pending',
      attempts: '[]',
      next_attempt_at: event.timestamp,
      claimed_until: null,
      created_at: event.timestamp,
    });
    this.#deps.onDue?.();
    return toWebhookDeliveryResource(row);
  }

  async #own(organizationId: string, endpointId: string): Promise<WebhookEndpointRow> {
    const row = await this.#deps.endpoints.find(organizationId, endpointId);
    if (!row) throw apiError('webhook_endpoint_not_found');
    return row;
  }
}

function paginate(rows: readonly { created_at: string; id: string }[], page: PageRequest): Pagination {
  const hasMore = rows.length > page.limit;
  const last = rows[Math.min(rows.length, page.limit) - 1];
  return {
    limit: page.limit,
    hasMore,
    nextCursor: hasMore && last ? encodePageCursor({ t: last.created_at, i: last.id }) : null,
  };
}
