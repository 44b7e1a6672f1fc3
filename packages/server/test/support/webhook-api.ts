/**
 * @module
 * The webhook tests' vocabulary over the HTTP API (endpoints, calls, the delivery log) and the
 * Standard Webhooks checks made with the third-party `standardwebhooks` package, shared by the
 * in-process and the worker-thread delivery tests.
 */
import { Webhook } from 'standardwebhooks';
import { expect, vi } from 'vitest';
import type { TestServer } from './test-server';

export const WAIT = { timeout: 60_000, interval: 10 };

export async function createEndpoint(t: TestServer, body: Record<string, unknown>, key = t.acme.apiKey) {
  const created = await t.request('/api/v1/webhook-endpoints', { method: 'POST', body, key });
  expect(created.status, created.text).toBe(201);
  return created.body.data as { id: string; secret: string; url: string };
}

export async function placeCall(t: TestServer, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await t.request('/api/v1/calls/outbound', {
    method: 'POST',
    body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671', ...extra },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.data.id;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
export async function deliveriesOf(t: TestServer, endpointId: string, query = ''): Promise<any[]> {
  const page = await t.request(`/api/v1/webhook-endpoints/${endpointId}/deliveries?limit=100${query}`);
  expect(page.status, page.text).toBe(200);
  return page.body.data.deliveries;
}

/** Waits until the delivery has `count` attempts recorded. */
export async function attemptsReach(t: TestServer, endpointId: string, deliveryId: string, count: number) {
  return vi.waitFor(async () => {
    const delivery = (await deliveriesOf(t, endpointId)).find((d) => d.id === deliveryId);
    if (!delivery || delivery.attempts.length < count)
      throw new Error(`delivery has ${delivery?.attempts.length} attempts`);
    return delivery;
  }, WAIT);
}

export async function callEvents(t: TestServer, callId: string): Promise<{ id: string; sequence: number }[]> {
  const events = await t.request(`/api/v1/calls/${callId}/events`);
  return events.body.data.events;
}

export function headersOf(request: { headers: Record<string, unknown> } | undefined): Record<string, string> {
  return {
    'webhook-id': String(request?.headers['webhook-id']),
    'webhook-timestamp': String(request?.headers['webhook-timestamp']),
    'webhook-signature': String(request?.headers['webhook-signature']),
  };
}

/** Whether `standardwebhooks` accepts the request with this secret (timestamp checked too). */
export function verifies(
  secret: string,
  request: { headers: Record<string, unknown>; body: string } | undefined,
): boolean {
  try {
    new Webhook(secret).verify(request?.body ?? '', headersOf(request));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether one of the signatures is this secret's, by `standardwebhooks`' own signing (for
 * requests signed at a moved clock's time, which its verify() would refuse as too old or new).
 */
export function signatureMatches(
  secret: string,
  request: { headers: Record<string, unknown>; body: string } | undefined,
): boolean {
  const headers = headersOf(request);
  const expected = new Webhook(secret).sign(
    headers['webhook-id'] ?? '',
    new Date(Number(headers['webhook-timestamp']) * 1000),
    request?.body ?? '',
  );
  return (headers['webhook-signature'] ?? '').split(' ').includes(expected);
}
