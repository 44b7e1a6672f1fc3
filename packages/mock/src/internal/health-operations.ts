/**
 * @module
 * GET /healthz, GET /readyz and GET /openapi.yaml: no authentication. The mock is always ready.
 */
import { openApiYaml } from '@outdial/contract';
import type { OperationResult } from './operation-context';

/** @example getHealth(); // { status: 200, body: { status: 'ok' } } */
export function getHealth(): OperationResult {
  return { status: 200, body: { status: 'ok' } };
}

/** @example getReadiness(); // { status: 200, body: { status: 'ready', checks: { … } } } */
export function getReadiness(): OperationResult {
  return {
    status: 200,
    body: { status: 'ready', checks: { database: 'ok', dialQueue: 'ok', livekit: 'ok' } },
  };
}

/** The bundled openapi.yaml, byte for byte. @example getOpenApiDocument().text?.contentType; // 'application/yaml' */
export function getOpenApiDocument(): OperationResult {
  return { status: 200, text: { content: openApiYaml, contentType: 'application/yaml' } };
}
