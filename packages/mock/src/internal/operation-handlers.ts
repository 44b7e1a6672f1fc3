/**
 * @module
 * operationId → handler, for every operation the mock serves. The internal LiveKit webhook
 * (`receiveLivekitWebhook`) is deliberately absent: the mock has no LiveKit, so it answers 404.
 */
import { createAgent, deleteAgent, getAgent, listAgents, updateAgent } from './agent-operations';
import { cancelBatch, createBatch, getBatch, listBatches, pauseBatch, resumeBatch } from './batch-operations';
import { cancelCall, getCall, listCalls } from './call-operations';
import { createOutboundCall } from './create-outbound-call';
import { listCallEvents, listEvents } from './event-operations';
import { getHealth, getOpenApiDocument, getReadiness } from './health-operations';
import type { OperationHandler } from './operation-context';
import { getQueue } from './queue-operations';
import { listWebhookDeliveries, retryWebhookDelivery, sendTestWebhook } from './webhook-delivery-operations';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookEndpointSecret,
  updateWebhookEndpoint,
} from './webhook-endpoint-operations';
import { rotateWebhookSecret } from './webhook-secret-operations';

export const operationHandlers: Readonly<Record<string, OperationHandler>> = {
  createOutboundCall,
  listCalls,
  getCall,
  cancelCall,
  listCallEvents,
  listEvents,
  getQueue,
  createBatch,
  listBatches,
  getBatch,
  pauseBatch,
  resumeBatch,
  cancelBatch,
  createAgent,
  listAgents,
  getAgent,
  updateAgent,
  deleteAgent,
  createWebhookEndpoint,
  listWebhookEndpoints,
  getWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookEndpointSecret,
  listWebhookDeliveries,
  retryWebhookDelivery,
  sendTestWebhook,
  rotateWebhookSecret,
  getHealth,
  getReadiness,
  getOpenApiDocument,
};
