/**
 * @module
 * Every implementation of the store ports, the way kysely lists its dialects: the conformance
 * suite runs over each. A new database is one more entry here: a name and a factory that opens a
 * fresh, empty, migrated instance (which the suite closes).
 */
import type { Stores } from '../../src/ports/stores';
import { openSqliteStores } from '../../src/store/sqlite/sqlite-stores';

export interface StoreKind {
  name: string;
  open(): Promise<Stores>;
}

export const STORES: StoreKind[] = [{ name: 'sqlite', open: () => openSqliteStores({ path: ':memory:' }) }];
