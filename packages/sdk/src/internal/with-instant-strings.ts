/**
 * @module
 * `calls.create` and `batches.create` take `scheduledAt` and `latestAt` as a `Date` or an RFC 3339
 * string. A `Date` needs no conversion code: the body is sent as JSON, and JSON.stringify writes a
 * `Date` as its `toISOString()` (Date.prototype.toJSON), so the wire type is the spec's string.
 */

/** `T` as sent: its `scheduledAt` and `latestAt` are strings on the wire. */
export type WithInstantStrings<T extends { scheduledAt?: Date | string; latestAt?: Date | string }> = Omit<
  T,
  'scheduledAt' | 'latestAt'
> & { scheduledAt?: string; latestAt?: string };
