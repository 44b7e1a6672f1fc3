/**
 * @module
 * The Standard Webhooks signature: `v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`, keyed
 * with the base64-decoded part of the secret after `whsec_`; several, space-separated, when more
 * than one secret is valid.
 */
import { createHmac } from 'node:crypto';
import { SECRET_PREFIX } from './webhook-secret';

export interface SignedContent {
  /** `webhook-id`. */
  id: string;
  /** `webhook-timestamp`: unix seconds. */
  timestamp: number;
  /** The exact bytes sent. */
  body: string;
}

/** @returns the `webhook-signature` header value */
export function signWebhook({ id, timestamp, body }: SignedContent, secrets: readonly string[]): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
      const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
      return `v1,${mac}`;
    })
    .join(' ');
}

/** The three Standard Webhooks headers for one attempt. */
export function webhookHeaders(content: SignedContent, secrets: readonly string[]): Record<string, string> {
  return {
    'webhook-id': content.id,
    'webhook-timestamp': String(content.timestamp),
    'webhook-signature': signWebhook(content, secrets),
  };
}
