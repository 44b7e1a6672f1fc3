/**
 * @module
 * Standard Webhooks signing, as the server signs: `webhook-signature` is `v1,<base64 of
 * HMAC-SHA256("{webhook-id}.{webhook-timestamp}.{body}")>` keyed with the base64-decoded part of
 * the secret after `whsec_`, one space-separated entry per valid secret. WebCrypto only, so the
 * mock still runs in browsers.
 */

/** What a webhook POST carries: the body (the event JSON) and its headers. */
export type SignedWebhook = { body: string; headers: Record<string, string> };

const encoder = new TextEncoder();

async function signature(secret: string, content: Uint8Array<ArrayBuffer>): Promise<string> {
  const raw = atob(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  const key = await crypto.subtle.importKey(
    'raw',
    Uint8Array.from(raw, (c) => c.charCodeAt(0)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, content));
  return `v1,${btoa(String.fromCharCode(...mac))}`;
}

/**
 * Signs `body` as the webhook `id` at `timestampSeconds` with every one of `secrets`.
 *
 * @example
 * const { headers } = await signWebhook('evt_…', JSON.stringify(event), 1764603000, ['whsec_…']);
 */
export async function signWebhook(
  id: string,
  body: string,
  timestampSeconds: number,
  secrets: readonly string[],
): Promise<SignedWebhook> {
  const content = encoder.encode(`${id}.${timestampSeconds}.${body}`);
  const signatures = await Promise.all(secrets.map((secret) => signature(secret, content)));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestampSeconds),
      'webhook-signature': signatures.join(' '),
    },
  };
}
