import type { Kysely } from 'kysely';
import type { TrunkBudgetRow, TrunkBudgetStore } from '../../ports/trunk-budget-store';
import type { Database } from './sqlite-schema';

export class SqliteTrunkBudgetStore implements TrunkBudgetStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<TrunkBudgetRow[]> {
    const rows = await this.db.selectFrom('trunk_budgets').selectAll().orderBy('trunk_id').execute();
    return rows.map(toBudget);
  }

  async set(trunkId: string, cps: number, at: Date): Promise<TrunkBudgetRow> {
    const row = { trunk_id: trunkId, cps, updated_at: at.toISOString() };
    const stored = await this.db
      .insertInto('trunk_budgets')
      .values(row)
      .onConflict((oc) => oc.column('trunk_id').doUpdateSet({ cps, updated_at: row.updated_at }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toBudget(stored);
  }

  async remove(trunkId: string): Promise<boolean> {
    const removed = await this.db
      .deleteFrom('trunk_budgets')
      .where('trunk_id', '=', trunkId)
      .returning('trunk_id')
      .executeTakeFirst();
    return removed !== undefined;
  }
}

function toBudget(row: { trunk_id: string; cps: number; updated_at: string }): TrunkBudgetRow {
  // pg returns integers as numbers for int4; Number() keeps SQLite's bigint-free path the same.
  return { trunkId: row.trunk_id, cps: Number(row.cps), updatedAt: row.updated_at };
}
