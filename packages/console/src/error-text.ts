/**
 * @module
 * What an error says to a person: the API's own message (`Unauthorized`, `Validation error: …`),
 * and its `details[]` by field for forms.
 */
import { ApiError } from '@outdial/sdk';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** `details[].message` keyed by `details[].field` (the first message per field). */
export function fieldErrors(error: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const detail of error.details ?? []) byField[detail.field] ??= detail.message;
  }
  return byField;
}
