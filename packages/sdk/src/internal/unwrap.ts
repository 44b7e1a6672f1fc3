import { ApiError } from '../core/errors';

/**
 * The `data` of an openapi-fetch result, or its error thrown as an `ApiError`. Branches on
 * `response.ok`, not on `error`: openapi-fetch gives `error: undefined` for an empty error body.
 */
export async function unwrap<T extends { data: unknown }>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T['data']> {
  const { data, error, response } = await pending;
  if (!response.ok) throw ApiError.from(response.status, error, response.headers);
  return (data as T).data;
}
