/**
 * @module
 * Reads request schemas and their `x-error-message`s out of openapi.yaml. The rule, shared with
 * the mock: a failing value's message is the one of the nearest schema that defines one, walking
 * from the root down the value's path (a property's own message wins over its `$ref`'d
 * component's).
 */
import { openApiDocument } from '../generated/openapi-document';

/** A JSON Schema node as it appears in the document (OpenAPI 3.1 = JSON Schema 2020-12). */
export interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly 'x-error-message'?: string;
  readonly [keyword: string]: unknown;
}

export interface ParameterNode {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: SchemaNode;
}

/** What validation-error mapping needs to know about one operation. */
export interface OperationShape {
  /** Path-level parameters first, then the operation's, as in the document. */
  parameters: ParameterNode[];
  bodySchema?: SchemaNode;
  /** The media types the request body may have. */
  bodyMediaTypes: string[];
}

const document = openApiDocument as unknown as {
  paths: Record<string, Record<string, unknown>>;
};

export function resolvePointer<T>(ref: string): T {
  let node: unknown = openApiDocument;
  for (const segment of ref.replace(/^#\//, '').split('/')) {
    node = (node as Record<string, unknown>)[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
    if (node === undefined) throw new Error(`Unresolvable $ref in openapi.yaml: ${ref}`);
  }
  return node as T;
}

function deref<T>(node: T | { $ref: string }): T {
  const ref = (node as { $ref?: unknown }).$ref;
  return typeof ref === 'string' ? deref(resolvePointer<T | { $ref: string }>(ref)) : (node as T);
}

/** The node followed by the nodes its `$ref` chain points at, nearest first. */
function refChain(node: SchemaNode): SchemaNode[] {
  const chain = [node];
  let current = node;
  while (typeof current.$ref === 'string') {
    current = resolvePointer<SchemaNode>(current.$ref);
    chain.push(current);
  }
  return chain;
}

function ownMessage(node: SchemaNode): string | undefined {
  return refChain(node).find((n) => typeof n['x-error-message'] === 'string')?.['x-error-message'];
}

function childSchema(node: SchemaNode, segment: string): SchemaNode | undefined {
  for (const n of refChain(node)) {
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
 * errorMessageAt(createAgentSchema, ['phoneNumbers', '1']); // 'Phone numbers must be a list …'
 */
export function errorMessageAt(root: SchemaNode, segments: readonly string[]): string | undefined {
  let node: SchemaNode | undefined = root;
  let message = ownMessage(root);
  for (const segment of segments) {
    node = node && childSchema(node, segment);
    if (!node) break;
    message = ownMessage(node) ?? message;
  }
  return message;
}

/** The properties a schema declares, in document order (the order of error details). */
export function propertyOrder(root: SchemaNode): string[] {
  for (const n of refChain(root)) if (n.properties) return Object.keys(n.properties);
  return [];
}

const shapes = new Map<string, OperationShape | undefined>();

/**
 * The parameters and body schema of the operation at `openApiRoute` (`/api/v1/calls/{callId}`)
 * for `method`, or undefined when the document has no such operation.
 */
export function operationShape(method: string, openApiRoute: string): OperationShape | undefined {
  const key = `${method.toLowerCase()} ${openApiRoute}`;
  if (shapes.has(key)) return shapes.get(key);
  const pathItem = document.paths[openApiRoute];
  const operation = pathItem?.[method.toLowerCase()] as
    | {
        parameters?: unknown[];
        requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
      }
    | undefined;
  let shape: OperationShape | undefined;
  if (pathItem && operation) {
    const parameters = [...((pathItem.parameters as unknown[]) ?? []), ...(operation.parameters ?? [])].map(
      (p) => deref<ParameterNode>(p as ParameterNode),
    );
    const content = operation.requestBody?.content ?? {};
    const bodyMediaTypes = Object.keys(content);
    const first = bodyMediaTypes[0];
    const bodySchema = first ? content[first]?.schema : undefined;
    shape = { parameters, bodyMediaTypes, ...(bodySchema ? { bodySchema } : {}) };
  }
  shapes.set(key, shape);
  return shape;
}
