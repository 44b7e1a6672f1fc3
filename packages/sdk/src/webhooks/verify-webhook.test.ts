import { Webhook } from 'standardwebhooks';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { eventFixture } from '../../test/mock-server';
import { OutdialError } from '../core/errors';
import type { OutdialEvent, WebhookTestEvent } from '../models';
import { verifyWebhook, WebhookVerificationError } from './index';

// Secrets as the API issues them: `whsec_` + base64 of 32 random bytes.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Hy7ZpCR1Ko=';
const NEXT_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD7Ytqg8bXZNs=';
const NOW = new Date('2025-12-01T15:30:00.000Z');
const event = eventFixture('completed', 5);
const body = JSON.stringify(event);

/** A delivery signed by the third-party `standardwebhooks` package, with each of `secrets`. */
function signed(payload = body, secrets = [SECRET], at = NOW, id = event.id) {
  const signature = secrets.map((secret) => new Webhook(secret).sign(id, at, payload)).join(' ');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('verifyWebhook', () => {
  it('accepts what standardwebhooks signs, returning the event typed by its type', async () => {
    const verified = await verifyWebhook(body, signed(), SECRET, { now: NOW });
    expectTypeOf(verified).toEqualTypeOf<OutdialEvent | WebhookTestEvent>();
    expect(verified).toEqual(event);
    if (verified.type === 'call.completed') expectTypeOf(verified.data.status).toEqualTypeOf<'completed'>();
  });

  it('takes bytes (a Buffer from express.raw), a Headers object and Node-style header records', async () => {
    const bytes = new TextEncoder().encode(body);
    await expect(verifyWebhook(bytes, new Headers(signed()), SECRET, { now: NOW })).resolves.toEqual(event);
    const upper = Object.fromEntries(Object.entries(signed()).map(([k, v]) => [k.toUpperCase(), [v]]));
    await expect(verifyWebhook(body, upper, SECRET, { now: NOW })).resolves.toEqual(event);
  });

  it('verifies the exact bytes: non-ASCII bodies, and no re-serialization', async () => {
    const payload = JSON.stringify({ ...event, data: { ...event.data, summary: 'Rückruf ✓ 🎧' } }, null, 2);
    await expect(verifyWebhook(payload, signed(payload), SECRET, { now: NOW })).resolves.toMatchObject({
      data: { summary: 'Rückruf ✓ 🎧' },
    });
    const reserialized = JSON.stringify(JSON.parse(payload));
    expect(await failure(verifyWebhook(reserialized, signed(payload), SECRET, { now: NOW }))).toMatchObject({
      reason: 'invalid_signature',
    });
  });

  it('during a rotation: two signatures, either secret verifies; a list of secrets too', async () => {
    const headers = signed(body, [NEXT_SECRET, SECRET]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    await expect(verifyWebhook(body, headers, SECRET, { now: NOW })).resolves.toEqual(event);
    await expect(verifyWebhook(body, headers, NEXT_SECRET, { now: NOW })).resolves.toEqual(event);
    const old = signed(body, [SECRET]);
    await expect(verifyWebhook(body, old, [NEXT_SECRET, SECRET], { now: NOW })).resolves.toEqual(event);
  });

  it.each([
    ['a missing header', { 'webhook-id': undefined }, 'missing_headers'],
    ['a timestamp that is not unix seconds', { 'webhook-timestamp': '1764603000.5' }, 'invalid_timestamp'],
    ['a signature of another scheme only', { 'webhook-signature': 'v1a,abc' }, 'invalid_signature'],
    ['garbage in the signature', { 'webhook-signature': 'v1,!!!' }, 'invalid_signature'],
    ['another webhook-id than the one signed', { 'webhook-id': 'evt_other' }, 'invalid_signature'],
  ] as const)('rejects %s', async (_label, change, reason) => {
    const error = await failure(verifyWebhook(body, { ...signed(), ...change }, SECRET, { now: NOW }));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toBeInstanceOf(OutdialError);
    expect(error).toMatchObject({ name: 'WebhookVerificationError', reason });
  });

  it('rejects another secret, and a tampered body', async () => {
    expect(await failure(verifyWebhook(body, signed(), NEXT_SECRET, { now: NOW }))).toMatchObject({
      reason: 'invalid_signature',
    });
    const tampered = body.replace('"completed"', '"failed"');
    expect(await failure(verifyWebhook(tampered, signed(), SECRET, { now: NOW }))).toMatchObject({
      reason: 'invalid_signature',
    });
  });

  it('allows toleranceSeconds of clock skew either way, and no more', async () => {
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    await expect(
      verifyWebhook(body, signed(body, [SECRET], at(-300)), SECRET, { now: NOW }),
    ).resolves.toEqual(event);
    await expect(verifyWebhook(body, signed(body, [SECRET], at(300)), SECRET, { now: NOW })).resolves.toEqual(
      event,
    );
    expect(
      await failure(verifyWebhook(body, signed(body, [SECRET], at(-301)), SECRET, { now: NOW })),
    ).toMatchObject({
      reason: 'timestamp_too_old',
    });
    expect(
      await failure(verifyWebhook(body, signed(body, [SECRET], at(301)), SECRET, { now: NOW })),
    ).toMatchObject({
      reason: 'timestamp_too_new',
    });
    const options = { now: NOW.getTime(), toleranceSeconds: 3600 };
    await expect(verifyWebhook(body, signed(body, [SECRET], at(-3600)), SECRET, options)).resolves.toEqual(
      event,
    );
  });

  it('checks the signature before parsing, then rejects a body that is not an event', async () => {
    expect(await failure(verifyWebhook('not json', signed('not json'), SECRET, { now: NOW }))).toMatchObject({
      reason: 'invalid_payload',
    });
    expect(await failure(verifyWebhook('[1]', signed('[1]'), SECRET, { now: NOW }))).toMatchObject({
      reason: 'invalid_payload',
    });
    expect(await failure(verifyWebhook('not json', signed('other'), SECRET, { now: NOW }))).toMatchObject({
      reason: 'invalid_signature',
    });
  });

  it('returns a webhook.test event, typed', async () => {
    const test: WebhookTestEvent = {
      id: 'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8',
      type: 'webhook.test',
      timestamp: NOW.toISOString(),
      data: { endpointId: 'we_1' },
    };
    const payload = JSON.stringify(test);
    const verified = await verifyWebhook(payload, signed(payload, [SECRET], NOW, test.id), SECRET, {
      now: NOW,
    });
    expect(verified.type === 'webhook.test' && verified.data.endpointId).toBe('we_1');
  });

  it('throws a TypeError for a secret that is not base64 (a configuration mistake, not a bad request)', async () => {
    await expect(verifyWebhook(body, signed(), 'whsec_***', { now: NOW })).rejects.toBeInstanceOf(TypeError);
  });

  it('uses the system clock by default', async () => {
    await expect(verifyWebhook(body, signed(body, [SECRET], new Date()), SECRET)).resolves.toEqual(event);
  });
});
