/**
 * @module
 * Each organization's webhook secret, which signs the deliveries to calls' own `webhookUrl`s:
 * made with the organization, or on first use for one from before webhooks.
 */
import { type Clock, wallClock } from '../ports/clock';
import type {
  OrganizationWebhookSecretRow,
  OrganizationWebhookSecretStore,
} from '../ports/webhook-secret-store';
import { newWebhookSecret, PREVIOUS_SECRET_VALID_MS } from './webhook-secret';

export interface RotatedSecret {
  secret: string;
  previousSecretExpiresAt: string;
}

export class OrganizationWebhookSecrets {
  readonly #store: OrganizationWebhookSecretStore;
  readonly #clock: Clock;

  constructor(deps: { secrets: OrganizationWebhookSecretStore; clock?: Clock }) {
    this.#store = deps.secrets;
    this.#clock = deps.clock ?? wallClock;
  }

  /** The organization's secrets, made now if it has none. */
  of(organizationId: string): Promise<OrganizationWebhookSecretRow> {
    return this.#store.ensure({
      organization_id: organizationId,
      secret: newWebhookSecret(),
      previous_secret: null,
      previous_secret_expires_at: null,
      updated_at: this.#clock.now().toISOString(),
    });
  }

  /** A new secret, shown once; the current one keeps signing for 24 h. */
  async rotate(organizationId: string): Promise<RotatedSecret> {
    await this.of(organizationId);
    const now = this.#clock.now();
    const previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_VALID_MS).toISOString();
    const row = await this.#store.rotate(organizationId, {
      secret: newWebhookSecret(),
      previousSecretExpiresAt,
      updatedAt: now.toISOString(),
    });
    return { secret: row.secret, previousSecretExpiresAt };
  }
}
