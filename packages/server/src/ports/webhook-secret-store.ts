/**
 * @module
 * Each organization's webhook secret: it signs the deliveries to a call's own `webhookUrl`.
 * Created with the organization; an organization from before webhooks gets one on first use.
 */

export interface OrganizationWebhookSecretRow {
  organization_id: string;
  /** `whsec_…`. */
  secret: string;
  /** The secret before the last rotation, still signing until `previous_secret_expires_at`. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  updated_at: string;
}

export interface OrganizationWebhookSecretStore {
  /**
   * The organization's secret row; when it has none yet, `candidate` is stored and returned (two
   * racing callers both get the one that was stored first).
   */
  ensure(candidate: OrganizationWebhookSecretRow): Promise<OrganizationWebhookSecretRow>;
  /** Replaces the secret, keeping the current one as the previous one. */
  rotate(
    organizationId: string,
    rotation: { secret: string; previousSecretExpiresAt: string; updatedAt: string },
  ): Promise<OrganizationWebhookSecretRow>;
}
