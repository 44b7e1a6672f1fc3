/**
 * @module
 * Reads operations' parameters and request schemas out of openapi.yaml, for the validation-error
 * rules shared with the mock (`@outdial/mock/validation-rules`).
 */
import type { SchemaNode } from '@outdial/mock/validation-rules';
import { openApiDocument } from '../generated/openapi-document';

export type { SchemaNode };

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

const shapes = new Map<string, OperationShape | undefined>();

/**
 * The parameters and body schema of the operation at `openApiRoute` (`/api/v1/calls/{callId}`)
 * for `method`, or undefined when the document has no such operation. HEAD is its path's GET.
 */
export function operationShape(method: string, openApiRoute: string): OperationShape | undefined {
  const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const key = `${verb} ${openApiRoute}`;
  if (shapes.has(key)) return shapes.get(key);
  const pathItem = document.paths[openApiRoute];
  const operation = pathItem?.[verb] as
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

/** The operation express-openapi-validator matched for `req` (it sets `req.openapi`), if any. */
export function requestShape(req: { method: string; openapi?: unknown }): OperationShape | undefined {
  const route = (req.openapi as { openApiRoute?: string } | undefined)?.openApiRoute;
  return route ? operationShape(req.method, route) : undefined;
}
