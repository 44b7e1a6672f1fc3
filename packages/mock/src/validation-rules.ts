/**
 * @module
 * The rules that turn request-validation failures into the error envelope's `details`. The mock
 * applies them to ajv's errors and the reference server to express-openapi-validator's, so both
 * answer a bad request with the same field and message. Pure (no I/O, no Node APIs): the server
 * bundles this module at build time, the mock ships it to browsers.
 *
 * - `field` is the parameter name, or the dotted body path (`phoneNumbers.1`), or `body`;
 * - `message` is the nearest `x-error-message` from openapi.yaml, walking from the schema's root
 *   down the value's path (a property's own message wins over its `$ref`'d component's); a
 *   missing required value gets `<field> is required`, an unknown body property
 *   `Unknown field: <name>`, and anything else without a message `<field> is invalid`;
 * - one detail per field (its first failing rule); parameters come first in spec order, then body
 *   fields in the schema's property order, unknown fields last in the order they were sent.
 */

/** A JSON Schema node as it appears in the document (OpenAPI 3.1 = JSON Schema 2020-12). */
export type SchemaNode = {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly default?: unknown;
  readonly 'x-error-message'?: string;
  readonly [keyword: string]: unknown;
};

/** Resolves a local `$ref` (`#/components/schemas/PhoneNumber`) in the caller's copy of the spec. */
export type ResolveRef = (ref: string) => SchemaNode;

/** One entry of the envelope's `details`. */
export type ValidationDetail = { field: string; message: string };

/** A failing body value: its path, and the message the rules give it. */
export type BodyFailure = { segments: string[]; message: string };

/** The node followed by the nodes its `$ref` chain points at, nearest first. */
function refChain(node: SchemaNode, resolve: ResolveRef): SchemaNode[] {
  const chain = [node];
  let current = node;
  while (typeof current.$ref === 'string') {
    current = resolve(current.$ref);
    chain.push(current);
  }
  return chain;
}

function ownMessage(node: SchemaNode, resolve: ResolveRef): string | undefined {
  return refChain(node, resolve).find((n) => typeof n['x-error-message'] === 'string')?.['x-error-message'];
}

function childSchema(node: SchemaNode, segment: string, resolve: ResolveRef): SchemaNode | undefined {
  for (const n of refChain(node, resolve)) {
    const property = n.properties?.[segment];
    if (property) return property;
    if (/^\d+$/.test(segment) && n.items) return n.items;
    if (typeof n.additionalProperties === 'object') return n.additionalProperties;
  }
  return undefined;
}

/**
 * The deepest `x-error-message` on the way from `root` to the value at `segments`, if any.
 *
 * @example
 * // CreateAgentRequest → phoneNumbers → items → PhoneNumber
 * errorMessageAt(createAgentSchema, ['phoneNumbers', '1'], resolve); // 'Phone number must be in E.164 …'
 */
export function errorMessageAt(
  root: SchemaNode,
  segments: readonly string[],
  resolve: ResolveRef,
): string | undefined {
  let node: SchemaNode | undefined = root;
  let message = ownMessage(root, resolve);
  for (const segment of segments) {
    node = node && childSchema(node, segment, resolve);
    if (!node) break;
    message = ownMessage(node, resolve) ?? message;
  }
  return message;
}

/**
 * The message for a failing query, path or header parameter.
 *
 * @example
 * parameterErrorMessage(limitParameter, 'maximum', [], resolve); // 'Limit must be an integer between 1 and 100'
 */
export function parameterErrorMessage(
  parameter: { readonly name: string; readonly schema: SchemaNode },
  keyword: string | undefined,
  inner: readonly string[],
  resolve: ResolveRef,
): string {
  if (keyword === 'required' && inner.length === 0) return `${parameter.name} is required`;
  return errorMessageAt(parameter.schema, inner, resolve) ?? `${parameter.name} is invalid`;
}

/**
 * The failure for one body rule. For `required` and `additionalProperties`, `segments` ends with
 * the missing or unknown property.
 *
 * @example
 * bodyFailure('pattern', ['phoneNumber'], schema, resolve); // { segments: ['phoneNumber'], message: 'Phone number must be …' }
 */
export function bodyFailure(
  keyword: string | undefined,
  segments: string[],
  schema: SchemaNode,
  resolve: ResolveRef,
): BodyFailure {
  if (keyword === 'required') return { segments, message: `${segments.join('.')} is required` };
  if (keyword === 'additionalProperties') return { segments, message: `Unknown field: ${segments.at(-1)}` };
  const field = segments.length === 0 ? 'body' : segments.join('.');
  return { segments, message: errorMessageAt(schema, segments, resolve) ?? `${field} is invalid` };
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
 * One detail per field (the first failure reported for it), in the schema's property order,
 * unknown fields last in the order they were sent.
 *
 * @example
 * bodyDetails([{ segments: ['phoneNumber'], message }, { segments: ['agentId'], message }], schema, body, resolve);
 * // agentId's detail first: it comes first in CreateOutboundCallRequest
 */
export function bodyDetails(
  failures: readonly BodyFailure[],
  schema: SchemaNode,
  body: unknown,
  resolve: ResolveRef,
): ValidationDetail[] {
  const byField = new Map<string, BodyFailure>();
  for (const failure of failures) {
    const field = failure.segments.length === 0 ? 'body' : failure.segments.join('.');
    if (!byField.has(field)) byField.set(field, failure);
  }
  const order = refChain(schema, resolve).find((n) => n.properties)?.properties ?? {};
  const known = Object.keys(order);
  const sent = body && typeof body === 'object' ? Object.keys(body) : [];
  const rank = (segments: readonly string[]): number => {
    if (segments.length === 0) return -1;
    const top = segments[0] as string;
    const index = known.indexOf(top);
    return index >= 0 ? index : known.length + sent.indexOf(top);
  };
  return [...byField.entries()]
    .sort(([, a], [, b]) => rank(a.segments) - rank(b.segments) || compareSegments(a.segments, b.segments))
    .map(([field, { message }]) => ({ field, message }));
}
