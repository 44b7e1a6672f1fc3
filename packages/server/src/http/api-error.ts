/**
 * @module
 * The server's one error type. Every status, `type` and message comes from the `x-error-catalog`
 * of openapi.yaml, so the strings exist once and the mock reads the same ones.
 */
import { openApiDocument } from '../generated/openapi-document';

/** One field error in the envelope's `details`. */
export interface ErrorDetail {
  field: string;
  message: string;
}

/** The keys of `x-error-catalog` in openapi.yaml. */
export type CatalogKey = keyof (typeof openApiDocument)['x-error-catalog'];

const catalog: Readonly<Record<string, { status: number; type: string; message: string }>> =
  openApiDocument['x-error-catalog'];

/** An error the API answers with; the error middleware renders it into the envelope. */
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
 * throw apiError('call_not_cancellable', { status: 'completed' });
 */
export function apiError(
  key: CatalogKey,
  values: Readonly<Record<string, string>> = {},
  options: { details?: ErrorDetail[]; headers?: Record<string, string> } = {},
): ApiError {
  const entry = catalog[key];
  if (!entry) throw new Error(`openapi.yaml has no x-error-catalog entry "${key}"`);
  const message = entry.message.replace(
    /\{(\w+)\}/g,
    (placeholder, name: string) => values[name] ?? placeholder,
  );
  return new ApiError(entry.status, entry.type, message, options.details, options.headers);
}

/** `Validation error: ` + the first detail's message (the rule shared with the mock). */
export function validationError(details: ErrorDetail[]): ApiError {
  return apiError('validation_error', { reason: details[0]?.message ?? 'Invalid request' }, { details });
}

/** A catalog message without its `Validation error: ` prefix, for use as a detail's message. */
export function reasonOf(key: CatalogKey, values: Readonly<Record<string, string>> = {}): string {
  return apiError(key, values).message.replace(/^Validation error: /, '');
}
