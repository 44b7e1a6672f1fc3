/**
 * @module
 * A fresh, empty PostgreSQL schema per database under test, in the machine's PostgreSQL
 * (`OUTDIAL_TEST_DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/test), dropped when the
 * test is done with it. Schemas keep concurrent test files apart without creating databases.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL =
  process.env.OUTDIAL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  url: string;
  schema: string;
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const schema = `outdial_test_${randomBytes(6).toString('hex')}`;
  await withClient((client) => client.query(`create schema "${schema}"`));
  return {
    url: TEST_DATABASE_URL,
    schema,
    drop: () =>
      withClient((client) => client.query(`drop schema if exists "${schema}" cascade`)).then(() => {}),
  };
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
