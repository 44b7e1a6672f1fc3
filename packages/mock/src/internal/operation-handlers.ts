/**
 * @module
 * operationId → handler, for every operation the mock serves. The internal LiveKit webhook
 * (`receiveLivekitWebhook`) is deliberately absent: the mock has no LiveKit, so it answers 404.
 */
import { createAgent, deleteAgent, getAgent, listAgents, updateAgent } from './agent-operations';
import { cancelCall, getCall, listCalls } from './call-operations';
import { createOutboundCall } from './create-outbound-call';
import { listCallEvents, listEvents } from './event-operations';
import { getHealth, getOpenApiDocument, getReadiness } from './health-operations';
import type { OperationHandler } from './operation-context';

export const operationHandlers: Readonly<Record<string, OperationHandler>> = {
  createOutboundCall,
  listCalls,
  getCall,
  cancelCall,
  listCallEvents,
  listEvents,
  createAgent,
  listAgents,
  getAgent,
  updateAgent,
  deleteAgent,
  getHealth,
  getReadiness,
  getOpenApiDocument,
};
