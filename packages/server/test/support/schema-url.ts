/**
 * @module
 * A throwaway schema's URL as a replica is given it (`OUTDIAL_DATABASE_URL`): the schema rides
 * in the connection's `search_path`, so every connection the replica opens (pool, lock, LISTEN)
 * works in it.
 */
import type { TestSchema } from './postgres-database';

export function schemaUrl({ url, schema }: Pick<TestSchema, 'url' | 'schema'>): string {
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return `${url}${url.includes('?') ? '&' : '?'}options=${options}`;
}
