/**
 * @module
 * Turns express-openapi-validator's request errors into the envelope's `details`, with the rules
 * the mock applies to ajv's errors (`@outdial/contract`'s validation rules).
 */

import {
  type BodyFailure,
  bodyDetails,
  bodyFailure,
  type ErrorDetail,
  parameterErrorMessage,
  resolveSchema as resolve,
} from '@outdial/contract';
import type { OperationShape } from './spec-schemas';

/** One error as express-openapi-validator reports it (`path` is `/body/…`, `/query/…`, …). */
export interface ValidatorErrorItem {
  path: string;
  message?: string;
  errorCode?: string;
}

/** express-openapi-validator names the request parts like this in its error paths. */
const PARAMETER_LOCATIONS: Readonly<Record<string, string>> = {
  query: 'query',
  headers: 'header',
  params: 'path',
  cookies: 'cookie',
};

function toSegments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The details for a failed request, ordered as the contract says.
 *
 * @param body the parsed request body, used to order unknown fields as they were sent
 */
export function validationDetails(
  errors: readonly ValidatorErrorItem[],
  shape: OperationShape,
  body: unknown,
): ErrorDetail[] {
  const parameterDetails = new Map<number, ErrorDetail>();
  const bodyFailures: BodyFailure[] = [];
  for (const error of errors) {
    const [location = '', ...segments] = toSegments(error.path);
    const keyword = error.errorCode?.replace(/\.openapi\.validation$/, '');
    if (location === 'body') {
      // express-openapi-validator already appends the missing or unknown property to the path.
      if (shape.bodySchema) bodyFailures.push(bodyFailure(keyword, segments, shape.bodySchema, resolve));
      continue;
    }
    const parameterIn = PARAMETER_LOCATIONS[location];
    const [name = '', ...inner] = segments;
    // Header names arrive lower-cased; the detail uses the spec's spelling (`Idempotency-Key`).
    const index = shape.parameters.findIndex(
      (p) => p.in === parameterIn && p.name.toLowerCase() === name.toLowerCase(),
    );
    const parameter = shape.parameters[index];
    if (!parameter || parameterDetails.has(index)) continue;
    parameterDetails.set(index, {
      field: parameter.name,
      message: parameterErrorMessage(parameter, keyword, inner, resolve),
    });
  }
  return [
    ...[...parameterDetails.entries()].sort(([a], [b]) => a - b).map(([, detail]) => detail),
    ...(shape.bodySchema ? bodyDetails(bodyFailures, shape.bodySchema, body, resolve) : []),
  ];
}
