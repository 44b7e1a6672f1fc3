/**
 * @module
 * The bundled OpenAPI document, typed loosely enough to walk generically, and the `$ref`
 * resolution everything that reads it shares. Every message, rule and schema the server and
 * the mock apply is read from here, so neither can drift from `openapi.yaml`.
 */
import { openApiDocument } from './generated/openapi-document';

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

/** An operation's parameter, with its `$ref` already resolved. */
export type ParameterNode = {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: SchemaNode;
};

/** A node, or a pure reference to one. */
export type RefOr<T> = T | { readonly $ref: string };

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

/** One `x-error-catalog` entry. */
export type CatalogEntry = { readonly status: number; readonly type: string; readonly message: string };

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

/** `resolvePointer` for schemas: the `resolve` argument the validation rules take. */
export const resolveSchema: ResolveRef = (ref) => resolvePointer<SchemaNode>(ref);

/**
 * Follows `$ref`s until reaching a node that is not a pure reference.
 *
 * @example
 * deref<ParameterNode>({ $ref: '#/components/parameters/Limit' }).name; // 'limit'
 */
export function deref<T extends object>(node: RefOr<T>): T {
  return '$ref' in node && typeof node.$ref === 'string'
    ? deref(resolvePointer<RefOr<T>>(node.$ref))
    : (node as T);
}
