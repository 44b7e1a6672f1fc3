/**
 * @module
 * API keys. Only the SHA-256 of a key and a short visible prefix are stored; the key itself is
 * shown once, when it is created.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newApiKeyId, newApiKeySecret } from './ids';
import type { ApiKeyRow, Database } from './schema';

/** Characters of the key kept in clear (`od_` + 5), enough to recognise a key in a listing. */
const VISIBLE_PREFIX_LENGTH = 8;

export interface CreatedApiKey {
  id: string;
  /** The whole key. It is not stored and cannot be shown again. */
  key: string;
  prefix: string;
}

/** Who a valid key belongs to. */
export interface ApiKeyOwner {
  apiKeyId: string;
  organizationId: string;
}

const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

export async function createApiKey(db: Kysely<Database>, organizationId: string): Promise<CreatedApiKey> {
  const key = newApiKeySecret();
  const row = await db
    .insertInto('api_keys')
    .values({
      id: newApiKeyId(),
      organization_id: organizationId,
      prefix: key.slice(0, VISIBLE_PREFIX_LENGTH),
      key_hash: sha256Hex(key),
      created_at: new Date().toISOString(),
      revoked_at: null,
    })
    .returning(['id', 'prefix'])
    .executeTakeFirstOrThrow();
  return { id: row.id, key, prefix: row.prefix };
}

/**
 * The owner of `key`, or undefined when the key is unknown or revoked. The row is found by the
 * key's hash; the hashes are then compared in constant time so the check itself leaks nothing
 * about how much of a guess was right.
 */
export async function findApiKeyOwner(db: Kysely<Database>, key: string): Promise<ApiKeyOwner | undefined> {
  if (key.length === 0 || key.length > 256) return undefined;
  const hash = sha256Hex(key);
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'organization_id', 'key_hash'])
    .where('key_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const stored = Buffer.from(row.key_hash, 'hex');
  const given = Buffer.from(hash, 'hex');
  if (stored.length !== given.length || !timingSafeEqual(stored, given)) return undefined;
  return { apiKeyId: row.id, organizationId: row.organization_id };
}

/** An organization's keys, revoked ones included, oldest first. Rows hold no secret, only its hash. */
export async function listApiKeys(db: Kysely<Database>, organizationId: string): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Revokes a key: {@link findApiKeyOwner} stops finding it at once. Revoking again keeps the first
 * `revoked_at`. @returns the key's row, or undefined when there is no key with that id.
 */
export async function revokeApiKey(
  db: Kysely<Database>,
  apiKeyId: string,
  now = new Date().toISOString(),
): Promise<ApiKeyRow | undefined> {
  return db
    .updateTable('api_keys')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
    .where('id', '=', apiKeyId)
    .returningAll()
    .executeTakeFirst();
}
