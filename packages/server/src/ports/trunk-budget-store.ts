/**
 * @module
 * The stored CPS budgets of SIP trunks (`outdial trunks set`): a trunk without one dials at
 * DIAL_CPS. Budgets belong to the server, not to an organization: a trunk is shared by every
 * organization whose agents name it.
 */

export interface TrunkBudgetRow {
  trunkId: string;
  cps: number;
  /** ISO 8601. */
  updatedAt: string;
}

export interface TrunkBudgetStore {
  /** Every stored budget, in trunk id order. */
  list(): Promise<TrunkBudgetRow[]>;
  /** Sets (inserts or replaces) a trunk's budget. */
  set(trunkId: string, cps: number, at: Date): Promise<TrunkBudgetRow>;
  /** Removes a trunk's budget (it dials at DIAL_CPS again). @returns whether it had one */
  remove(trunkId: string): Promise<boolean>;
}
