/**
 * @module
 * Reads operations' parameters and request schemas out of openapi.yaml (through
 * `@outdial/contract`), for the validation-error rules shared with the mock.
 */
import { deref, type ParameterNode, type SchemaNode, spec } from '@outdial/contract';

/** What validation-error mapping needs to know about one operation. */
export interface OperationShape {
  /** Path-level parameters first, then the operation's, as in the document. */
  parameters: ParameterNode[];
  bodySchema?: SchemaNode;
  /** The media types the request body may have. */
  bodyMediaTypes: string[];
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
  const pathItem = spec.paths[openApiRoute] as Record<string, unknown> | undefined;
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
