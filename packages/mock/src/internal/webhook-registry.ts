/**
 * @module
 * The mock's webhook state, in memory: endpoints with their secrets, the delivery log, and each
 * organization's webhook secret (which signs the deliveries to a call's own `webhookUrl`).
 * Organization-scoped like calls: a lookup for another organization's endpoint finds nothing.
 */
import type { components } from '@outdial/contract';
import type { IdGenerator } from './id-generator';
import { RotatingSecret } from './rotating-secret';

/** A webhook endpoint, as the API returns it (without its secret). */
export type WebhookEndpoint = components['schemas']['WebhookEndpoint'];

/** A delivery, as the API returns it. */
export type WebhookDelivery = components['schemas']['WebhookDelivery'];

export type StoredEndpoint = { endpoint: WebhookEndpoint; organizationId: string; secret: RotatingSecret };

export type StoredDelivery = {
  delivery: WebhookDelivery;
  organizationId: string;
  /** The JSON sent, the same on every attempt. */
  body: string;
  /** Attempts made on the retry schedule (manual retries add to the log, not to this). */
  scheduledAttempts: number;
  timer?: ReturnType<typeof setTimeout>;
};

/**
 * Every organization's webhook endpoints, deliveries and secrets.
 *
 * @example
 * const registry = new WebhookRegistry(ids);
 * registry.organizationSecret('org_mock_primary').current; // 'whsec_…'
 */
export class WebhookRegistry {
  readonly endpoints = new Map<string, StoredEndpoint>();
  readonly deliveries = new Map<string, StoredDelivery>();
  readonly #organizationSecrets = new Map<string, RotatingSecret>();

  constructor(private readonly ids: IdGenerator) {}

  /** The organization's webhook secret, issued on first use (the server issues it with the organization). */
  organizationSecret(organizationId: string): RotatingSecret {
    let secret = this.#organizationSecrets.get(organizationId);
    if (!secret) {
      secret = new RotatingSecret(this.ids.webhookSecret());
      this.#organizationSecrets.set(organizationId, secret);
    }
    return secret;
  }

  /** The organization's endpoint with this id, if there is one. */
  endpoint(organizationId: string, id: string): StoredEndpoint | undefined {
    const stored = this.endpoints.get(id);
    return stored?.organizationId === organizationId ? stored : undefined;
  }

  /** The endpoint's delivery with this id, if there is one. */
  delivery(endpointId: string, id: string): StoredDelivery | undefined {
    const stored = this.deliveries.get(id);
    return stored?.delivery.endpointId === endpointId ? stored : undefined;
  }

  /** The deliveries of an endpoint, in no particular order. */
  deliveriesOf(endpointId: string): StoredDelivery[] {
    return [...this.deliveries.values()].filter((stored) => stored.delivery.endpointId === endpointId);
  }

  /** Forgets every endpoint, delivery and secret, stopping the retry timers (on `reset()`). */
  clear(): void {
    for (const stored of this.deliveries.values()) clearTimeout(stored.timer);
    this.endpoints.clear();
    this.deliveries.clear();
    this.#organizationSecrets.clear();
  }
}
