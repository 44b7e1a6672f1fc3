/**
 * @module
 * The spec's operations as routes: method, path pattern, parameters (with the pointers of their
 * schemas), body schema and whether they need an API key. Built from `paths`, so a new operation
 * in openapi.yaml only needs a handler.
 */

import { deref, type OperationNode, type ParameterNode, spec } from '@outdial/contract';
import type { LocatedParameter, OperationShape } from './request-validator';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One operation of the spec. */
export type Route = OperationShape & {
  operationId: string;
  method: string;
  template: string;
  secured: boolean;
  match: (path: string) => Record<string, string> | undefined;
};

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function locate(parameters: readonly unknown[] | undefined, pointer: string): LocatedParameter[] {
  return (parameters ?? []).map((raw, index) => {
    const ref = (raw as { $ref?: string }).$ref;
    const parameter = deref(raw as ParameterNode);
    return { ...parameter, schemaPointer: `${ref ?? `${pointer}/${index}`}/schema` };
  });
}

function matcher(template: string): Route['match'] {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const regex = new RegExp(`^${pattern}$`);
  return (path) => {
    const found = regex.exec(path);
    if (!found) return undefined;
    try {
      return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] as string)]));
    } catch {
      return undefined;
    }
  };
}

/**
 * Every operation in the spec, literal paths before templated ones.
 *
 * @example
 * findRoute(buildRoutes(), 'GET', '/api/v1/calls/call_1')?.operationId; // 'getCall'
 */
export function buildRoutes(): Route[] {
  const rootSecured = Array.isArray(spec.security) && spec.security.length > 0;
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const base = `#/paths/${escapePointer(template)}`;
    for (const method of METHODS) {
      const operation = item[method] as OperationNode | undefined;
      if (!operation) continue;
      const hasJsonBody = operation.requestBody?.content['application/json'] !== undefined;
      routes.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        template,
        secured: operation.security ? operation.security.length > 0 : rootSecured,
        parameters: [
          ...locate(item.parameters, `${base}/parameters`),
          ...locate(operation.parameters, `${base}/${method}/parameters`),
        ],
        ...(hasJsonBody
          ? { bodyPointer: `${base}/${method}/requestBody/content/application~1json/schema` }
          : {}),
        match: matcher(template),
      });
    }
  }
  const literal = (r: Route) => (r.template.includes('{') ? 1 : 0);
  return routes.sort((a, b) => literal(a) - literal(b));
}

/** The route for a request, with its path parameters. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; pathParams: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const pathParams = route.match(path);
    if (pathParams) return { route, pathParams };
  }
  return undefined;
}
