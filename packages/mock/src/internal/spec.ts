/**
 * @module
 * The bundled OpenAPI document, typed loosely enough to walk generically. The mock reads every
 * message, rule and response schema from here so it cannot drift from `openapi.yaml`.
 */
import { openApiDocument } from '../generated/openapi-document';
import type { SchemaNode } from '../validation-rules';

export type { SchemaNode };

/** An operation's parameter, with its `$ref` already resolved. */
export type ParameterNode = {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required?: boolean;
  readonly schema: SchemaNode;
};

export type CatalogEntry = { readonly status: number; readonly type: string; readonly message: string };

type RefOr<T> = T | { readonly $ref: string };

export type OperationNode = {
  readonly operationId: string;
  readonly security?: readonly unknown[];
  readonly parameters?: readonly RefOr<ParameterNode>[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: Readonly<Record<string, { readonly schema: SchemaNode }>>;
  };
  readonly responses: Readonly<
    Record<string, RefOr<{ readonly content?: Readonly<Record<string, { readonly schema: SchemaNode }>> }>>
  >;
};

export type PathItemNode = {
  readonly parameters?: readonly RefOr<ParameterNode>[];
  readonly [method: string]: unknown;
};

export type OpenApiDocumentNode = {
  readonly 'x-error-catalog': Readonly<Record<string, CatalogEntry>>;
  readonly paths: Readonly<Record<string, PathItemNode>>;
  readonly components: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly [key: string]: unknown;
};

/** The parsed `openapi.yaml`, bundled at build time (no file reads, so it works in browsers). */
export const spec = openApiDocument as unknown as OpenApiDocumentNode;

/**
 * Resolves a local `$ref` (`#/components/schemas/PhoneNumber`) to the node it points at.
 *
 * @example
 * resolvePointer<SchemaNode>('#/components/schemas/PhoneNumber')['x-error-message'];
 */
export function resolvePointer<T>(ref: string): T {
  let node: unknown = spec;
  for (const segment of ref.replace(/^#\//, '').split('/')) {
    node = (node as Record<string, unknown>)[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
    if (node === undefined) throw new Error(`Unresolvable $ref in openapi.yaml: ${ref}`);
  }
  return node as T;
}

/** Follows `$ref`s until reaching a node that is not a pure reference. */
export function deref<T extends object>(node: RefOr<T>): T {
  return '$ref' in node && typeof node.$ref === 'string'
    ? deref(resolvePointer<RefOr<T>>(node.$ref))
    : (node as T);
}
