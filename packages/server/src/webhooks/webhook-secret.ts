/**
 * @module
 * Webhook signing secrets (Standard Webhooks): `whsec_` and the base64 of 32 random bytes. A
 * rotated secret's predecessor keeps signing for 24 hours, so receivers can switch without a gap.
 */
import { randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

/** How long a rotated-out secret still signs. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 60 * 60 * 1000;

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The secrets that sign at `now`: the current one, and the previous one until it expires. */
export function signingSecrets(
  holder: { secret: string; previous_secret: string | null; previous_secret_expires_at: string | null },
  now: Date,
): string[] {
  const { secret, previous_secret: previous, previous_secret_expires_at: expiresAt } = holder;
  return previous && expiresAt && now.getTime() < Date.parse(expiresAt) ? [secret, previous] : [secret];
}
