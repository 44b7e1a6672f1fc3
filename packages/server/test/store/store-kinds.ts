/**
 * @module
 * Every implementation of the store ports, the way kysely lists its dialects: the conformance
 * suite runs over each. A new database is one more entry here: a name and a factory that opens a
 * fresh, empty, migrated instance (which the suite closes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../../src/ports/stores';
import { openTestStores } from '../support/store-server';

export interface StoreKind {
  name: string;
  open(): Promise<Stores>;
}

export const STORES: StoreKind[] = [
  { name: 'sqlite', open: () => openTestStores('sqlite') },
  // A schema of its own in the machine's PostgreSQL, dropped when the suite closes the stores.
  // Left out only where no PostgreSQL runs (vitest.config.ts says so; CI requires it).
  ...(process.env.OUTDIAL_TEST_POSTGRES === 'skip'
    ? []
    : [{ name: 'postgres' as const, open: () => openTestStores('postgres') }]),
];

/**
 * SQLite on a file rather than in memory: its events are read through a second, read-only
 * connection (sqlite-reader.ts), which an in-memory database cannot have. For the suites of the
 * stores that use it (the events).
 */
export const SQLITE_FILE: StoreKind = {
  name: 'sqlite file',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'outdial-store-'));
    const stores = await openTestStores('sqlite', { dbPath: join(dir, 'outdial.db') });
    const close = stores.close.bind(stores);
    stores.close = async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    };
    return stores;
  },
};
