import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { client, errorResponse, url, useMockServer } from '../../test/mock-server';
import { ConflictError, NotFoundError } from '../core/errors';
import type {
  RotatedWebhookSecret,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../models';

const server = useMockServer();
const id = 'we_01JD7ZK5W9A1B2C3D4E5F6G7H8';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Hy7ZpCR1Ko=';

const endpoint = (overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id,
  url: 'https://example.com/hooks',
  description: null,
  enabledEvents: ['call.completed'],
  status: 'enabled',
  disabledReason: null,
  createdAt: '2025-12-01T15:00:00.000Z',
  updatedAt: '2025-12-01T15:00:00.000Z',
  ...overrides,
});
const delivery = (overrides: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id: 'wd_1',
  endpointId: id,
  eventId: 'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8',
  eventType: 'call.completed',
  status: 'pending',
  attempts: [],
  nextAttemptAt: '2025-12-01T15:31:00.000Z',
  createdAt: '2025-12-01T15:31:00.000Z',
  ...overrides,
});
const rotated = { secret: SECRET, previousSecretExpiresAt: '2025-12-02T15:00:00.000Z' };

describe('webhookEndpoints', () => {
  it('create, get, update, delete, rotateSecret, retryDelivery and sendTest: one request each', async () => {
    const requests: string[] = [];
    const record = async (request: Request) => {
      const text = await request.text();
      requests.push(`${request.method} ${new URL(request.url).pathname}${text ? ` ${text}` : ''}`);
    };
    server.use(
      http.post(url('/webhook-endpoints'), async ({ request }) => {
        await record(request);
        return HttpResponse.json({ data: { ...endpoint(), secret: SECRET } }, { status: 201 });
      }),
      http.get(url('/webhook-endpoints/:id'), async ({ request }) => {
        await record(request);
        return HttpResponse.json({ data: endpoint() });
      }),
      http.patch(url('/webhook-endpoints/:id'), async ({ request }) => {
        await record(request);
        return HttpResponse.json({ data: endpoint({ status: 'disabled' }) });
      }),
      http.delete(url('/webhook-endpoints/:id'), async ({ request }) => {
        await record(request);
        return HttpResponse.json({
          data: { id, deleted: true },
          message: 'Webhook endpoint deleted successfully',
        });
      }),
      http.post(url('/webhook-endpoints/:id/rotate-secret'), async ({ request }) => {
        await record(request);
        return HttpResponse.json({ data: rotated });
      }),
      http.post(url('/webhook-endpoints/:id/deliveries/:deliveryId/retry'), async ({ request }) => {
        await record(request);
        return HttpResponse.json({ data: delivery() }, { status: 202 });
      }),
      http.post(url('/webhook-endpoints/:id/test'), async ({ request }) => {
        await record(request);
        return HttpResponse.json({ data: delivery({ eventType: 'webhook.test' }) }, { status: 202 });
      }),
      http.post(url('/webhook-secret/rotate'), async ({ request }) => {
        await record(request);
        return HttpResponse.json({ data: rotated });
      }),
    );
    const outdial = client();
    const created = await outdial.webhookEndpoints.create({ url: 'https://example.com/hooks' });
    expectTypeOf(created).toEqualTypeOf<WebhookEndpointWithSecret>();
    expect(created.secret).toBe(SECRET);
    expect(await outdial.webhookEndpoints.get(id)).toEqual(endpoint());
    expect((await outdial.webhookEndpoints.update(id, { status: 'disabled' })).status).toBe('disabled');
    await expect(outdial.webhookEndpoints.delete(id)).resolves.toEqual({ id, deleted: true });
    const secret = await outdial.webhookEndpoints.rotateSecret(id);
    expectTypeOf(secret).toEqualTypeOf<RotatedWebhookSecret>();
    expect(secret).toEqual(rotated);
    expect(await outdial.webhookEndpoints.retryDelivery(id, 'wd_1')).toEqual(delivery());
    expect((await outdial.webhookEndpoints.sendTest(id)).eventType).toBe('webhook.test');
    expect(await outdial.webhookSecret.rotate()).toEqual(rotated);
    const base = '/api/v1/webhook-endpoints';
    expect(requests).toEqual([
      `POST ${base} {"url":"https://example.com/hooks"}`,
      `GET ${base}/${id}`,
      `PATCH ${base}/${id} {"status":"disabled"}`,
      `DELETE ${base}/${id}`,
      `POST ${base}/${id}/rotate-secret`,
      `POST ${base}/${id}/deliveries/wd_1/retry`,
      `POST ${base}/${id}/test`,
      'POST /api/v1/webhook-secret/rotate',
    ]);
  });

  it('list and listDeliveries iterate across pages, with their filters and the endpoint in the path', async () => {
    const queries: string[] = [];
    const page =
      <T>(key: string, items: (cursor: string | null) => T[]) =>
      ({ request }: { request: Request }) => {
        const { pathname, searchParams } = new URL(request.url);
        queries.push(`${pathname}?${searchParams}`);
        const cursor = searchParams.get('cursor');
        return HttpResponse.json({
          data: {
            [key]: items(cursor),
            pagination: { limit: 1, hasMore: !cursor, nextCursor: cursor ? null : 'p2' },
          },
        });
      };
    server.use(
      http.get(
        url('/webhook-endpoints'),
        page('webhookEndpoints', (c) => [endpoint({ url: c ? 'https://b.test' : 'https://a.test' })]),
      ),
      http.get(
        url('/webhook-endpoints/:id/deliveries'),
        page('deliveries', (c) => [delivery({ id: c ? 'wd_b' : 'wd_a' })]),
      ),
    );
    const urls: string[] = [];
    for await (const e of client().webhookEndpoints.list({ limit: 1 })) urls.push(e.url);
    expect(urls).toEqual(['https://a.test', 'https://b.test']);
    const ids = (
      await client().webhookEndpoints.listDeliveries(id, { status: 'failed', limit: 1 }).toArray()
    ).map((d) => d.id);
    expect(ids).toEqual(['wd_a', 'wd_b']);
    expect(queries).toEqual([
      '/api/v1/webhook-endpoints?limit=1',
      '/api/v1/webhook-endpoints?limit=1&cursor=p2',
      `/api/v1/webhook-endpoints/${id}/deliveries?status=failed&limit=1`,
      `/api/v1/webhook-endpoints/${id}/deliveries?status=failed&limit=1&cursor=p2`,
    ]);
  });

  it('throws the typed errors: 404 not found, 409 webhook_endpoint_disabled', async () => {
    server.use(
      http.get(url('/webhook-endpoints/:id'), () =>
        errorResponse(404, 'not_found', 'Webhook endpoint not found'),
      ),
      http.post(url('/webhook-endpoints/:id/test'), () =>
        errorResponse(409, 'webhook_endpoint_disabled', 'Webhook endpoint is disabled; enable it first'),
      ),
    );
    await expect(client().webhookEndpoints.get('we_gone')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client().webhookEndpoints.sendTest(id)).rejects.toSatisfy(
      (e) => e instanceof ConflictError && e.type === 'webhook_endpoint_disabled',
    );
  });
});
