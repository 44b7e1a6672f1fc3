/**
 * @module
 * The rules that turn request-validation failures into the error envelope's `details`. The mock
 * applies them to ajv's errors and the reference server to express-openapi-validator's, so both
 * answer a bad request with the same field and message. Pure (no I/O, no Node APIs): the mock
 * ships it to browsers.
 *
 * - `field` is the parameter name, or the dotted body path (`phoneNumbers.1`), or `body`;
 * - `message` is the nearest `x-error-message` from openapi.yaml, walking from the schema's root
 *   down the value's path (a property's own message wins over its `$ref`'d component's); a
 *   missing required value gets `<field> is required`, an unknown body property
 *   `Unknown field: <name>`, and anything else without a message `<field> is invalid`;
 * - one detail per field (its first failing rule); parameters come first in spec order, then body
 *   fields in the schema's property order, unknown fields last in the order they were sent.
 *
 * It also holds the checks a schema cannot express, which both apply after schema validation:
 * parameter values that must name a real number or instant (`checkParameterValue`,
 * `parseDateTime`), and the nesting depth of free-form JSON (`exceedsNestingDepth`).
 */

import type { ErrorDetail } from './error-catalog';
import type { ResolveRef, SchemaNode } from './spec-document';

/** One entry of the envelope's `details`. */
export type ValidationDetail = ErrorDetail;

/** A failing body value: its path, and the message the rules give it. */
export type BodyFailure = { segments: string[]; message: string };

/** The node followed by the nodes its `$ref` chain points at, nearest first. */
function refChain(node: SchemaNode, resolve: ResolveRef): SchemaNode[] {
  const chain = [node];
  let current = node;
  while (typeof current.$ref === 'string') {
    current = resolve(current.$ref);
    chain.push(current);
  }
  return chain;
}

function ownMessage(node: SchemaNode, resolve: ResolveRef): string | undefined {
  return refChain(node, resolve).find((n) => typeof n['x-error-message'] === 'string')?.['x-error-message'];
}

function childSchema(node: SchemaNode, segment: string, resolve: ResolveRef): SchemaNode | undefined {
  for (const n of refChain(node, resolve)) {
    const property = n.properties?.[segment];
    if (property) return property;
    if (/^\d+$/.test(segment) && n.items) return n.items;
    if (typeof n.additionalProperties === 'object') return n.additionalProperties;
  }
  return undefined;
}

/**
 * The deepest `x-error-message` on the way from `root` to the value at `segments`, if any.
 *
 * @example
 * // CreateAgentRequest → phoneNumbers → items → PhoneNumber
 * errorMessageAt(createAgentSchema, ['phoneNumbers', '1'], resolve); // 'Phone number must be in E.164 …'
 */
export function errorMessageAt(
  root: SchemaNode,
  segments: readonly string[],
  resolve: ResolveRef,
): string | undefined {
  let node: SchemaNode | undefined = root;
  let message = ownMessage(root, resolve);
  for (const segment of segments) {
    node = node && childSchema(node, segment, resolve);
    if (!node) break;
    message = ownMessage(node, resolve) ?? message;
  }
  return message;
}

/**
 * The message for a failing query, path or header parameter.
 *
 * @example
 * parameterErrorMessage(limitParameter, 'maximum', [], resolve); // 'Limit must be an integer between 1 and 100'
 */
export function parameterErrorMessage(
  parameter: { readonly name: string; readonly schema: SchemaNode },
  keyword: string | undefined,
  inner: readonly string[],
  resolve: ResolveRef,
): string {
  if (keyword === 'required' && inner.length === 0) return `${parameter.name} is required`;
  return errorMessageAt(parameter.schema, inner, resolve) ?? `${parameter.name} is invalid`;
}

/**
 * The failure for one body rule. For `required` and `additionalProperties`, `segments` ends with
 * the missing or unknown property.
 *
 * @example
 * bodyFailure('pattern', ['phoneNumber'], schema, resolve); // { segments: ['phoneNumber'], message: 'Phone number must be …' }
 */
export function bodyFailure(
  keyword: string | undefined,
  segments: string[],
  schema: SchemaNode,
  resolve: ResolveRef,
): BodyFailure {
  if (keyword === 'required') return { segments, message: `${segments.join('.')} is required` };
  if (keyword === 'additionalProperties') return { segments, message: `Unknown field: ${segments.at(-1)}` };
  const field = segments.length === 0 ? 'body' : segments.join('.');
  return { segments, message: errorMessageAt(schema, segments, resolve) ?? `${field} is invalid` };
}

function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i] as string, b[i] as string];
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * One detail per field (the first failure reported for it), in the schema's property order,
 * unknown fields last in the order they were sent.
 *
 * @example
 * bodyDetails([{ segments: ['phoneNumber'], message }, { segments: ['agentId'], message }], schema, body, resolve);
 * // agentId's detail first: it comes first in CreateOutboundCallRequest
 */
export function bodyDetails(
  failures: readonly BodyFailure[],
  schema: SchemaNode,
  body: unknown,
  resolve: ResolveRef,
): ValidationDetail[] {
  const byField = new Map<string, BodyFailure>();
  for (const failure of failures) {
    const field = failure.segments.length === 0 ? 'body' : failure.segments.join('.');
    if (!byField.has(field)) byField.set(field, failure);
  }
  const order = refChain(schema, resolve).find((n) => n.properties)?.properties ?? {};
  const known = Object.keys(order);
  const sent = body && typeof body === 'object' ? Object.keys(body) : [];
  const rank = (segments: readonly string[]): number => {
    if (segments.length === 0) return -1;
    const top = segments[0] as string;
    const index = known.indexOf(top);
    return index >= 0 ? index : known.length + sent.indexOf(top);
  };
  return [...byField.entries()]
    .sort(([, a], [, b]) => rank(a.segments) - rank(b.segments) || compareSegments(a.segments, b.segments))
    .map(([field, { message }]) => ({ field, message }));
}

/** The outcome of reading a date-time: the instant in canonical form, or why there is none. */
export type DateTimeParse =
  | { readonly ok: true; readonly iso: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'out_of_range' };

/** RFC 3339 `date-time`, with `T` and an explicit offset (`Z` or `±hh:mm`). */
const RFC_3339_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the instants `toISOString()` writes with four-digit years. */
const EARLIEST_INSTANT_MS = -62_167_219_200_000;
const LATEST_INSTANT_MS = 253_402_300_799_999;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Reads an RFC 3339 date-time strictly, as the instant it names, in `toISOString()` form: the
 * form stored timestamps have, so that comparing the texts compares the instants. Refused as
 * `invalid`: anything `Date` cannot represent exactly (leap seconds), impossible dates (month 19,
 * 30 February) and offsets other than `Z` / `±hh:mm` (`+00`, `+0000`), which lenient `format:
 * date-time` checks let through. Refused as `out_of_range`: instants outside the years 0000 to
 * 9999 in UTC, whose ISO text (`+010000-…`) would sort before every stored timestamp.
 *
 * @example
 * parseDateTime('2025-12-01T10:30:00+05:30'); // { ok: true, iso: '2025-12-01T05:00:00.000Z' }
 * parseDateTime('2025-12-31T23:59:60Z'); // { ok: false, reason: 'invalid' }
 */
export function parseDateTime(text: string): DateTimeParse {
  const match = RFC_3339_DATE_TIME.exec(text);
  if (!match) return { ok: false, reason: 'invalid' };
  const field = (group: number) => Number(match[group] ?? 0);
  const [year, month, day, hour, minute, second] = [
    field(1),
    field(2),
    field(3),
    field(4),
    field(5),
    field(6),
  ];
  const fraction = match[7] ?? '';
  const sign = match[8] === '-' ? -1 : 1;
  const [offsetHours, offsetMinutes] = [field(9), field(10)];
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  if (!valid) return { ok: false, reason: 'invalid' };
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read the years 0 to 99 as 1900 to 1999.
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const ms = instant.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  if (ms < EARLIEST_INSTANT_MS || ms > LATEST_INSTANT_MS) return { ok: false, reason: 'out_of_range' };
  return { ok: true, iso: new Date(ms).toISOString() };
}

/** The first value of `keyword` on the node or the nodes its `$ref` chain points at. */
function keywordOf(node: SchemaNode, keyword: string, resolve: ResolveRef): unknown {
  return refChain(node, resolve).find((n) => n[keyword] !== undefined)?.[keyword];
}

/**
 * What a parameter value that passed its schema still needs: a number must be finite (ajv's
 * type coercion turns `limit=Infinity` and `limit=1e400` into an integer that no `maximum`
 * checks), and a `format: date-time` must name an instant (`parseDateTime`), passed on in its
 * canonical form. `invalid` gets the parameter's usual message; `out_of_range` is a date-time
 * outside the years 0000 to 9999.
 *
 * @example
 * checkParameterValue(limitSchema, Infinity, resolve); // { ok: false, reason: 'invalid' }
 * checkParameterValue(startDateSchema, '2025-12-01T00:00:00Z', resolve); // { ok: true, value: '2025-12-01T00:00:00.000Z' }
 */
export function checkParameterValue(
  schema: SchemaNode,
  value: unknown,
  resolve: ResolveRef,
): { ok: true; value: unknown } | { ok: false; reason: 'invalid' | 'out_of_range' } {
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, reason: 'invalid' };
  if (typeof value === 'string' && keywordOf(schema, 'format', resolve) === 'date-time') {
    const parsed = parseDateTime(value);
    return parsed.ok ? { ok: true, value: parsed.iso } : parsed;
  }
  return { ok: true, value };
}

/**
 * Whether a JSON value nests objects and arrays more than `maxDepth` levels deep (the value
 * itself being level 1). It walks with an explicit stack, so a value nested thousands of levels
 * deep, which overflows the call stack of JSON.stringify or any recursive walk, is measured safely.
 *
 * @example
 * exceedsNestingDepth({ a: { b: {} } }, 2); // true: three levels
 */
export function exceedsNestingDepth(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}
