/**
 * @module
 * Every implementation of the store ports, the way kysely lists its dialects: the conformance
 * suite runs over each. A new database is one more entry here: a name and a factory that opens a
 * fresh, empty, migrated instance (which the suite closes).
 */
import type { Stores } from '../../src/ports/stores';
import { openTestStores, type StoreKindName } from '../support/store-server';

export interface StoreKind {
  name: StoreKindName;
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
