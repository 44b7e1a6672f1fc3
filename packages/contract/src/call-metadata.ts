/**
 * @module
 * The metadata a created call carries: the caller's own keys, then the keys the API adds.
 */

/**
 * The call's `metadata`: the caller's keys in the order sent, then `caller_id`,
 * `from_phone_number` and `priority`. The API's values win over custom keys of the same names
 * (such a key keeps its place among the caller's). openapi.yaml says so on `Call.metadata`.
 *
 * @example
 * callMetadata({ crm: 'c-1' }, '+14155551234', 5);
 * // { crm: 'c-1', caller_id: '+14155551234', from_phone_number: '+14155551234', priority: 5 }
 */
export function callMetadata(
  custom: Readonly<Record<string, unknown>> | undefined,
  callerId: string,
  priority: number,
): Record<string, unknown> & { caller_id: string; from_phone_number: string; priority: number } {
  return { ...custom, caller_id: callerId, from_phone_number: callerId, priority };
}
