/**
 * @module
 * The webhook endpoints, their delivery logs and the organization's webhook secret: HTTP in,
 * WebhookEndpointService (or OrganizationWebhookSecrets), HTTP out. Requests arrive authenticated
 * and validated against openapi.yaml.
 */
import type { components } from '@outdial/contract';
import { Router } from 'express';
import type { WebhookDeliveryStatus } from '../../ports/webhook-delivery-store';
import type { OrganizationWebhookSecrets } from '../../webhooks/organization-webhook-secrets';
import type { WebhookEndpointService } from '../../webhooks/webhook-endpoint-service';
import { organizationOf } from '../request-context';
import { pageQuery } from './page-query';

type DeleteResponse = components['schemas']['DeleteWebhookEndpointResponse'];

export interface WebhookRoutesDeps {
  webhookEndpoints: WebhookEndpointService;
  organizationWebhookSecrets: OrganizationWebhookSecrets;
}

export function webhookRoutes({ webhookEndpoints, organizationWebhookSecrets }: WebhookRoutesDeps): Router {
  const router = Router();
  const endpointId = (params: Record<string, unknown>) => String(params.endpointId);

  router.post('/api/v1/webhook-endpoints', async (req, res) => {
    res.status(201).json({ data: await webhookEndpoints.create(organizationOf(req), req.body) });
  });

  router.get('/api/v1/webhook-endpoints', async (req, res) => {
    const page = pageQuery(req.query as Record<string, unknown>);
    res.json({ data: await webhookEndpoints.list(organizationOf(req), page) });
  });

  router.get('/api/v1/webhook-endpoints/:endpointId', async (req, res) => {
    res.json({ data: await webhookEndpoints.get(organizationOf(req), endpointId(req.params)) });
  });

  router.patch('/api/v1/webhook-endpoints/:endpointId', async (req, res) => {
    res.json({ data: await webhookEndpoints.update(organizationOf(req), endpointId(req.params), req.body) });
  });

  router.delete('/api/v1/webhook-endpoints/:endpointId', async (req, res) => {
    const data = await webhookEndpoints.delete(organizationOf(req), endpointId(req.params));
    const body: DeleteResponse = { data, message: 'Webhook endpoint deleted successfully' };
    res.json(body);
  });

  router.post('/api/v1/webhook-endpoints/:endpointId/rotate-secret', async (req, res) => {
    res.json({ data: await webhookEndpoints.rotateSecret(organizationOf(req), endpointId(req.params)) });
  });

  router.get('/api/v1/webhook-endpoints/:endpointId/deliveries', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const filters = { status: query.status as WebhookDeliveryStatus | undefined };
    res.json({
      data: await webhookEndpoints.listDeliveries(
        organizationOf(req),
        endpointId(req.params),
        filters,
        pageQuery(query),
      ),
    });
  });

  router.post('/api/v1/webhook-endpoints/:endpointId/deliveries/:deliveryId/retry', async (req, res) => {
    const deliveryId = String(req.params.deliveryId);
    res.status(202).json({
      data: await webhookEndpoints.retryDelivery(organizationOf(req), endpointId(req.params), deliveryId),
    });
  });

  router.post('/api/v1/webhook-endpoints/:endpointId/test', async (req, res) => {
    res
      .status(202)
      .json({ data: await webhookEndpoints.sendTest(organizationOf(req), endpointId(req.params)) });
  });

  router.post('/api/v1/webhook-secret/rotate', async (req, res) => {
    res.json({ data: await organizationWebhookSecrets.rotate(organizationOf(req)) });
  });

  return router;
}
