/**
 * @module
 * Webhook endpoints, always read and written within one organization: another organization's
 * endpoint is indistinguishable from a missing one. Each holds its signing secret and, for 24 h
 * after a rotation, the previous one.
 */
import type { PageRequest } from './page-request';

export type WebhookEndpointStatus = 'enabled' | 'disabled';

/** Why Outdial disabled an endpoint by itself: it answered 410, or failed every delivery for 5 days. */
export type WebhookDisabledReason = 'gone' | 'failing';

export interface WebhookEndpointRow {
  /** `we_<ulid>`. */
  id: string;
  organization_id: string;
  url: string;
  description: string | null;
  /** JSON array of event types (`call.completed`, …). */
  enabled_events: string;
  status: WebhookEndpointStatus;
  disabled_reason: WebhookDisabledReason | null;
  /** `whsec_…`, signs every delivery. */
  secret: string;
  /** The secret before the last rotation, valid (and signing too) until `previous_secret_expires_at`. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  /** Since when every attempt to this endpoint has failed; null after a success (or none yet). */
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

/** What an update may change; `updated_at` always changes. */
export type WebhookEndpointPatch = Partial<
  Pick<
    WebhookEndpointRow,
    | 'url'
    | 'description'
    | 'enabled_events'
    | 'status'
    | 'disabled_reason'
    | 'secret'
    | 'previous_secret'
    | 'previous_secret_expires_at'
    | 'failing_since'
  >
> & { updated_at: string };

export interface WebhookEndpointStore {
  insert(endpoint: WebhookEndpointRow): Promise<WebhookEndpointRow>;
  find(organizationId: string, endpointId: string): Promise<WebhookEndpointRow | undefined>;
  /** Newest first by (created_at, id), `limit + 1` rows. */
  list(organizationId: string, page: PageRequest): Promise<WebhookEndpointRow[]>;
  /**
   * Writes `patch`. Disabling (`status: 'disabled'`) also fails the endpoint's pending deliveries,
   * in the same transaction: nothing more is sent to it on its own.
   * @returns the updated endpoint, or undefined when the organization has no such endpoint
   */
  update(
    organizationId: string,
    endpointId: string,
    patch: WebhookEndpointPatch,
  ): Promise<WebhookEndpointRow | undefined>;
  /** Deletes the endpoint and its delivery log. @returns whether it existed */
  delete(organizationId: string, endpointId: string): Promise<boolean>;
}
