/**
 * @module
 * The numbers and fixed strings of the contract, read from openapi.yaml, so the server and the
 * mock apply the spec's values instead of copies of them.
 */
import type { components } from './generated/openapi';
import { openApiDocument } from './generated/openapi-document';

const { schemas, parameters } = openApiDocument.components;
const requestFields = schemas.CreateOutboundCallRequest.properties;

/** The cap on `metadata` serialized as JSON, in UTF-8 bytes (`x-max-serialized-bytes`). */
export const MAX_METADATA_BYTES: number = requestFields.metadata['x-max-serialized-bytes'];

/** The cap on how deeply `metadata` nests objects and arrays, the object itself being level 1 (`x-max-depth`). */
export const MAX_METADATA_DEPTH: number = requestFields.metadata['x-max-depth'];

/** The priority of a call created without one. */
export const DEFAULT_PRIORITY: number = requestFields.priority.default;

/** How long a call rings when created without `ringTimeoutSeconds`. */
export const DEFAULT_RING_TIMEOUT_SECONDS: number = requestFields.ringTimeoutSeconds.default;

/** The page size of a list request without `limit`. */
export const DEFAULT_PAGE_SIZE: number = parameters.Limit.schema.default;

/** The `message` of createOutboundCall's 201. */
export const CALL_QUEUED_MESSAGE: string = schemas.CreateOutboundCallResponse.properties.message.const;

/** The `message` of cancelCall's 200. */
export const CALL_CANCELLED_MESSAGE: string = schemas.CancelCallResponse.properties.message.const;

/** The `message` of deleteAgent's 200. */
export const AGENT_DELETED_MESSAGE: string = schemas.DeleteAgentResponse.properties.message.const;

/** Every event type (`EventType`), call and batch, in the spec's order. */
export const EVENT_TYPES: readonly components['schemas']['EventType'][] = schemas.EventType.enum;

/**
 * The types of a call's status changes (`CallEventType`): what a webhook endpoint created without
 * `enabledEvents` receives (batch types only when named, so receivers written before batch
 * events never meet a type they do not know).
 */
export const CALL_EVENT_TYPES: readonly components['schemas']['CallEventType'][] = schemas.CallEventType.enum;

/** The types of a batch's changes (`BatchEventType`). */
export const BATCH_EVENT_TYPES: readonly components['schemas']['BatchEventType'][] =
  schemas.BatchEventType.enum;
