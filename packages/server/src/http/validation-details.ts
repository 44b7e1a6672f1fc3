/**
 * @module
 * Turns express-openapi-validator's request errors into the envelope's `details`, with the rules
 * shared with the mock (which applies them to ajv's errors directly):
 *
 * - `field` is the parameter name, or the dotted body path (`phoneNumbers.1`), or `body`;
 * - `message` is the nearest `x-error-message` (see `spec-schemas.ts`); a missing required value
 *   gets `<field> is required`, an unknown body property `Unknown field: <name>`, and anything
 *   else without a message `<field> is invalid`;
 * - one detail per field (its first failing rule); parameters first in spec order, then body
 *   fields in the schema's property order (unknown fields last, in the order they were sent).
 */
import type { ErrorDetail } from './api-error';
import { errorMessageAt, type OperationShape, propertyOrder } from './spec-schemas';

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

function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i] as string, b[i] as string];
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
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
  const bodyDetails = new Map<string, { segments: string[]; message: string }>();
  for (const error of errors) {
    const [location = '', ...segments] = toSegments(error.path);
    const keyword = error.errorCode?.replace(/\.openapi\.validation$/, '');
    if (location === 'body') {
      const detail = describeBodyError(keyword, segments, shape);
      const field = detail.segments.length === 0 ? 'body' : detail.segments.join('.');
      if (!bodyDetails.has(field)) bodyDetails.set(field, detail);
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
    const message =
      keyword === 'required' && inner.length === 0
        ? `${parameter.name} is required`
        : (errorMessageAt(parameter.schema, inner) ?? `${parameter.name} is invalid`);
    parameterDetails.set(index, { field: parameter.name, message });
  }

  const order = shape.bodySchema ? propertyOrder(shape.bodySchema) : [];
  const sent = body && typeof body === 'object' ? Object.keys(body) : [];
  const rank = (segments: readonly string[]): number => {
    if (segments.length === 0) return -1;
    const top = segments[0] as string;
    const known = order.indexOf(top);
    return known >= 0 ? known : order.length + sent.indexOf(top);
  };
  return [
    ...[...parameterDetails.entries()].sort(([a], [b]) => a - b).map(([, detail]) => detail),
    ...[...bodyDetails.entries()]
      .sort(([, a], [, b]) => rank(a.segments) - rank(b.segments) || compareSegments(a.segments, b.segments))
      .map(([field, { message }]) => ({ field, message })),
  ];
}

function describeBodyError(
  keyword: string | undefined,
  segments: string[],
  shape: OperationShape,
): { segments: string[]; message: string } {
  // express-openapi-validator already appends the missing or unknown property to the path.
  if (keyword === 'required') return { segments, message: `${segments.join('.')} is required` };
  if (keyword === 'additionalProperties') {
    return { segments, message: `Unknown field: ${segments[segments.length - 1]}` };
  }
  const field = segments.length === 0 ? 'body' : segments.join('.');
  const message = shape.bodySchema ? errorMessageAt(shape.bodySchema, segments) : undefined;
  return { segments, message: message ?? `${field} is invalid` };
}
