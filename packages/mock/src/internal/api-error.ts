/**
 * @module
 * The mock's one error type. Every status, `type` and message comes from the spec's
 * `x-error-catalog`, so the strings exist once, in `openapi.yaml`.
 */
import type { openApiDocument } from '../generated/openapi-document';
import { spec } from './spec';

/** One field error in the envelope's `details`. */
export type ErrorDetail = { field: string; message: string };

/** The keys of `x-error-catalog` in openapi.yaml. */
export type CatalogKey = keyof (typeof openApiDocument)['x-error-catalog'];

/**
 * An error the mock answers with, rendered into the error envelope by the request pipeline.
 *
 * @example
 * throw ApiError.fromCatalog('call_not_cancellable', { status: 'completed' });
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Builds the error for a catalog entry, filling its `{placeholder}`s from `values`. */
  static fromCatalog(
    key: CatalogKey,
    values: Record<string, string> = {},
    details?: ErrorDetail[],
    headers?: Record<string, string>,
  ): ApiError {
    const entry = spec['x-error-catalog'][key];
    if (!entry) throw new Error(`openapi.yaml has no x-error-catalog entry "${key}"`);
    const message = entry.message.replace(
      /\{(\w+)\}/g,
      (placeholder, name: string) => values[name] ?? placeholder,
    );
    return new ApiError(entry.status, entry.type, message, details, headers);
  }

  /**
   * A validation error whose top-level message is `Validation error: ` + the first detail's
   * message (the rule shared with the server).
   */
  static validation(details: ErrorDetail[]): ApiError {
    return ApiError.fromCatalog(
      'validation_error',
      { reason: details[0]?.message ?? 'Invalid request' },
      details,
    );
  }

  /** The catalog message without its `Validation error: ` prefix, for use as a detail message. */
  static reasonOf(key: CatalogKey, values: Record<string, string> = {}): string {
    return ApiError.fromCatalog(key, values).message.replace(/^Validation error: /, '');
  }
}
