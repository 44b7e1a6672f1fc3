/**
 * @module
 * Transitional: the outcome table moved to `@outdial/contract` (its test numbers). This subpath
 * stays only until the server's tests import `MAGIC_NUMBERS` from the contract.
 *
 * @deprecated Import from `@outdial/contract`.
 */
export {
  type CallOutcome,
  type CallOutcomeKind,
  type CallPhase,
  type CallStep,
  type CallTiming,
  describeOutcomes,
  MAGIC_NUMBERS,
  OUTCOME_TABLE,
  type OutcomeTableRow,
  outcomeForNumber,
} from '@outdial/contract';
