/**
 * @module
 * Test helper: checks that a response matches the spec's response schema for its operation and
 * status (ajv, draft 2020-12, every format checked), and that it carries `x-request-id`.
 */

import { deref, type OperationNode, spec } from '@outdial/contract';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildRoutes, findRoute } from '../../src/internal/route-table';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(spec, 'openapi');
const routes = buildRoutes();

/**
 * The problems with `body` as the response to `method path` with `status`; empty when it conforms.
 * Unknown routes must answer the error envelope.
 *
 * @example
 * expect(responseProblems('GET', '/healthz', 200, { status: 'ok' }, headers)).toEqual([]);
 */
export function responseProblems(
  method: string,
  path: string,
  status: number,
  body: unknown,
  headers: Headers,
): string[] {
  const problems: string[] = [];
  const requestId = headers.get('x-request-id');
  if (!requestId) problems.push('missing x-request-id header');
  const found = findRoute(routes, method, path);
  let pointer = '#/components/schemas/ErrorResponse';
  if (found) {
    const operationPointer = `#/paths/${escapePointer(found.route.template)}/${method.toLowerCase()}`;
    const operation = (spec.paths[found.route.template] as Record<string, OperationNode>)[
      method.toLowerCase()
    ];
    const response = operation?.responses[String(status)];
    if (!response) return [...problems, `status ${status} is not documented for ${found.route.operationId}`];
    const responsePointer = '$ref' in response ? response.$ref : `${operationPointer}/responses/${status}`;
    if (!deref(response).content?.['application/json']) {
      return typeof body === 'string' ? problems : [...problems, 'expected a non-JSON body'];
    }
    pointer = `${responsePointer}/content/application~1json/schema`;
  }
  const validate = ajv.getSchema(`openapi${pointer}`);
  if (!validate) return [...problems, `no schema at ${pointer}`];
  if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  if (status >= 400 && typeof body === 'object' && body !== null) {
    const error = (body as { error?: { requestId?: unknown; code?: unknown } }).error;
    if (error?.requestId !== requestId) problems.push('error.requestId differs from x-request-id');
    if (error?.code !== status) problems.push('error.code differs from the HTTP status');
  }
  return problems;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
