/** A repeatable query parameter (`status=a&status=b`) as a list; absent stays undefined. */
export function queryArray(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
