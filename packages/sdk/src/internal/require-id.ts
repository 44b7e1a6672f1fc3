import { InvalidArgumentError } from '../core/errors';

/**
 * Throws `InvalidArgumentError` unless `value` is a non-empty string. Ids go into the URL path,
 * and openapi-fetch sends whatever it gets: `undefined` leaves the template in the URL
 * (`/calls/%7BcallId%7D`), and `''` turns `GET /calls/{callId}` into `GET /calls/`, a different
 * request altogether.
 */
export function requireId(name: string, value: unknown): asserts value is string {
  if (typeof value === 'string' && value !== '') return;
  const got = value === '' ? 'an empty string' : value === null ? 'null' : typeof value;
  throw new InvalidArgumentError(name, `${name} must be a non-empty string, got ${got}`);
}
