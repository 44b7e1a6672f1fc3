/**
 * @module
 * `verifyWebhook`: checks a delivery's Standard Webhooks signature with WebCrypto, then parses it.
 *
 * The signed content is `{webhook-id}.{webhook-timestamp}.{body}`, HMAC-SHA256 keyed with the
 * base64-decoded part of the secret after `whsec_`. `webhook-signature` holds one or more
 * space-separated `v1,<base64>` entries (two while a rotated secret's predecessor is valid).
 */
import type { OutdialEvent, WebhookTestEvent } from '../models';
import { WebhookVerificationError } from './webhook-verification-error';

/**
 * What `verifyWebhook` accepts as headers: a `Headers`, or Node's `req.headers` (names in any case).
 *
 * @example
 * ```ts
 * const headers: WebhookHeaders = req.headers; // Express, node:http
 * ```
 */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/**
 * Options of `verifyWebhook`.
 *
 * @example
 * ```ts
 * const options: VerifyWebhookOptions = { toleranceSeconds: 600 };
 * ```
 */
export type VerifyWebhookOptions = {
  /** How far `webhook-timestamp` may be from now, either way, in seconds. Default 300. */
  toleranceSeconds?: number | undefined;
  /** The current time, for tests. Default: the system clock. */
  now?: Date | number | undefined;
};

const encoder = new TextEncoder();

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  // Node lower-cases header names; a hand-built record may not have.
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(' ') : value;
}

function base64Bytes(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Compares in time that depends only on the lengths, never on where the bytes differ. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function hmac(secret: string, content: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const keyBytes = base64Bytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (!keyBytes?.length) throw new TypeError('verifyWebhook: a secret is not `whsec_` followed by base64');
  const subtle = globalThis.crypto?.subtle;
  // Node 18 has WebCrypto, but not as a global unless started with --experimental-global-webcrypto.
  if (!subtle) throw new TypeError('verifyWebhook needs WebCrypto (globalThis.crypto.subtle)');
  const key = await subtle.importKey(
    'raw',
    keyBytes as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle.sign('HMAC', key, content));
}

/**
 * Verifies an Outdial webhook and returns its event, typed by `type`: a call event
 * (`call.completed`, …) or `webhook.test`. Pass the body exactly as received, as a string or
 * bytes: a body parsed as JSON and serialized again no longer matches its signature. Throws
 * `WebhookVerificationError` when a header is missing, the timestamp is not within
 * `toleranceSeconds` of now (a replay), no `v1` signature matches any of `secret` (give two
 * while you rotate), or the body is not an event. Runs on WebCrypto: Node 18+ (with a global
 * `crypto`), Deno, Bun, workers and browsers.
 *
 * @example
 * ```ts
 * import { verifyWebhook } from '@outdial/sdk/webhooks';
 *
 * const event = await verifyWebhook(await request.text(), request.headers, process.env.OUTDIAL_WEBHOOK_SECRET);
 * if (event.type === 'call.completed') console.log(event.data.id, event.data.duration);
 * ```
 */
export async function verifyWebhook(
  payload: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<OutdialEvent | WebhookTestEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing_headers',
      'Missing webhook-id, webhook-timestamp or webhook-signature header',
    );
  }
  if (!/^\d+$/.test(timestamp)) {
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not unix seconds');
  }
  const { toleranceSeconds = 300, now = Date.now() } = options;
  const age = Math.floor(Number(now) / 1000) - Number(timestamp);
  if (age > toleranceSeconds) {
    throw new WebhookVerificationError('timestamp_too_old', 'webhook-timestamp is too old');
  }
  if (age < -toleranceSeconds) {
    throw new WebhookVerificationError('timestamp_too_new', 'webhook-timestamp is in the future');
  }

  const body = typeof payload === 'string' ? encoder.encode(payload) : payload;
  const content = concat(encoder.encode(`${id}.${timestamp}.`), body);
  const candidates = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => base64Bytes(entry.slice(3)))
    .filter((bytes): bytes is Uint8Array => bytes !== undefined);
  let matched = false;
  for (const key of typeof secret === 'string' ? [secret] : secret) {
    const expected = await hmac(key, content);
    // Every candidate is compared, matched or not: no early exit to time.
    for (const candidate of candidates) matched = timingSafeEqual(expected, candidate) || matched;
  }
  if (!matched) throw new WebhookVerificationError('invalid_signature', 'No webhook signature matches');

  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The webhook body is not JSON');
  }
  if (typeof (event as { type?: unknown } | null)?.type !== 'string') {
    throw new WebhookVerificationError('invalid_payload', 'The webhook body is not an event');
  }
  return event as OutdialEvent | WebhookTestEvent;
}
