/**
 * @module
 * The contract's one error type and its one builder. Every status, `type` and message comes
 * from the spec's `x-error-catalog`, so the strings exist once, in `openapi.yaml`; the server
 * and the mock throw these and render them with `errorEnvelope`.
 */
import type { openApiDocument } from './generated/openapi-document';
import { spec } from './spec-document';

/** One field error in the envelope's `details`. */
export type ErrorDetail = { field: string; message: string };

/** The keys of `x-error-catalog` in openapi.yaml. */
export type CatalogKey = keyof (typeof openApiDocument)['x-error-catalog'];

/** What `apiError` may add to a catalog entry. */
export type ApiErrorOptions = {
  details?: ErrorDetail[] | undefined;
  /** Extra response headers, such as Retry-After. */
  headers?: Record<string, string> | undefined;
};

/**
 * An error the API answers with, rendered into the error envelope by the server's error
 * middleware and by the mock's request pipeline.
 *
 * @example
 * throw apiError('call_not_cancellable', { status: 'completed' });
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, such as Retry-After. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Builds the error for a catalog entry, filling its `{placeholder}`s from `values`.
 *
 * @example
 * apiError('idempotency_in_progress', {}, { headers: { 'Retry-After': '1' } }); // 409
 */
export function apiError(
  key: CatalogKey,
  values: Readonly<Record<string, string>> = {},
  options: ApiErrorOptions = {},
): ApiError {
  const entry = spec['x-error-catalog'][key];
  if (!entry) throw new Error(`openapi.yaml has no x-error-catalog entry "${key}"`);
  const message = entry.message.replace(
    /\{(\w+)\}/g,
    (placeholder, name: string) => values[name] ?? placeholder,
  );
  return new ApiError(entry.status, entry.type, message, options.details, options.headers);
}

/**
 * A validation error whose top-level message is `Validation error: ` + the first detail's message.
 *
 * @example
 * validationError([{ field: 'limit', message: 'Limit must be an integer between 1 and 100' }]);
 */
export function validationError(details: ErrorDetail[]): ApiError {
  return apiError('validation_error', { reason: details[0]?.message ?? 'Invalid request' }, { details });
}

/**
 * A catalog message without its `Validation error: ` prefix, for use as a detail's message.
 *
 * @example
 * reasonOf('invalid_cursor'); // 'Invalid cursor'
 */
export function reasonOf(key: CatalogKey, values: Readonly<Record<string, string>> = {}): string {
  return apiError(key, values).message.replace(/^Validation error: /, '');
}

/**
 * A catalog error with one detail on `field` carrying the catalog's own reason, the shape of
 * the rules checked after schema validation (metadata limits, cursors, caller IDs).
 *
 * @example
 * fieldError('metadata_too_large', 'metadata'); // 400, details: [{ field: 'metadata', message: 'Metadata must be at most …' }]
 */
export function fieldError(key: CatalogKey, field: string): ApiError {
  return apiError(key, {}, { details: [{ field, message: reasonOf(key) }] });
}

/** The error envelope, as the contract's `ErrorResponse`. */
export type ErrorEnvelope = {
  error: { message: string; code: number; type: string; details?: ErrorDetail[]; requestId: string };
};

/**
 * The error envelope `{ error: { message, code, type, details?, requestId } }` for `error`.
 *
 * @example
 * errorEnvelope(apiError('unauthorized'), 'req_1'); // { error: { message: 'Unauthorized', code: 401, … } }
 */
export function errorEnvelope(error: ApiError, requestId: string): ErrorEnvelope {
  return {
    error: {
      message: error.message,
      code: error.status,
      type: error.type,
      ...(error.details ? { details: error.details } : {}),
      requestId,
    },
  };
}
