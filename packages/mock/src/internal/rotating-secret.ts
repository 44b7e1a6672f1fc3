/**
 * @module
 * A signing secret that can be rotated: after a rotation the previous secret keeps signing for
 * 24 hours on the mock's clock, so receivers can switch without a gap (as the server does).
 */

/** How long a rotated-out secret still signs. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 60 * 60 * 1000;

/**
 * An endpoint's or an organization's webhook secret.
 *
 * @example
 * const secret = new RotatingSecret('whsec_…');
 * secret.rotate('whsec_new', Date.now()); // { secret: 'whsec_new', previousSecretExpiresAt }
 * secret.signingSecrets(Date.now()); // ['whsec_new', 'whsec_…']
 */
export class RotatingSecret {
  #previous: { secret: string; expiresAt: number } | undefined;

  constructor(public current: string) {}

  /** Makes `next` the secret; the current one signs too until 24 h from `nowMs`. */
  rotate(next: string, nowMs: number): { secret: string; previousSecretExpiresAt: string } {
    const expiresAt = nowMs + PREVIOUS_SECRET_VALID_MS;
    this.#previous = { secret: this.current, expiresAt };
    this.current = next;
    return { secret: next, previousSecretExpiresAt: new Date(expiresAt).toISOString() };
  }

  /** The secrets that sign a delivery at `nowMs`: the current one first, then the previous one while valid. */
  signingSecrets(nowMs: number): string[] {
    const previous = this.#previous;
    return previous && nowMs < previous.expiresAt ? [this.current, previous.secret] : [this.current];
  }
}
