/** One row of the benchmark table. */
export interface BenchRow {
  scenario: string;
  metric: string;
  value: string;
  target?: string;
  /** true met, false missed, undefined when the row has no target. */
  met?: boolean;
  note?: string;
}
