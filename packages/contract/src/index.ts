/**
 * @module
 * `@outdial/contract`: the Outdial Calls API contract, produced from openapi.yaml, and the only
 * place that knows it. The server, the mock and the LiveKit emulator depend on it and never on
 * each other. Platform-neutral: no Node APIs, so the mock can ship it to browsers.
 *
 * @example
 * import { apiError, isTerminalStatus, MAGIC_NUMBERS } from '@outdial/contract';
 *
 * if (isTerminalStatus(call.status)) throw apiError('call_not_cancellable', { status: call.status });
 */

export { callMetadata } from './call-metadata';
export {
  ALLOWED_TRANSITIONS,
  allowedSourcesOf,
  CALL_STATUSES,
  CANCELLABLE_STATUSES,
  type CallStatus,
  canTransition,
  isCancellable,
  isTerminalStatus,
  pathTo,
  TERMINAL_STATUSES,
  type TerminalStatus,
} from './call-status';
export { type CallingWindow, isValidTimeZone, isWindowOpen, nextWindowOpening } from './calling-window';
export {
  ApiError,
  type ApiErrorOptions,
  apiError,
  type CatalogKey,
  type ErrorDetail,
  type ErrorEnvelope,
  errorEnvelope,
  fieldError,
  reasonOf,
  validationError,
} from './error-catalog';
export type { components, operations, paths } from './generated/openapi';
export { openApiDocument, openApiYaml } from './generated/openapi-document';
export { CALL_ID_PATTERN, type PrefixedUlidFactory, prefixedUlidFactory } from './ids';
export { decodePageCursor, encodePageCursor, type PageCursor } from './page-cursor';
export { canonicalJson, requestFingerprint } from './request-fingerprint';
export {
  type CallSchedule,
  callSchedule,
  MAX_SCHEDULE_AHEAD_MS,
  SCHEDULE_CLOCK_SKEW_MS,
  type ScheduleRequest,
  type ScheduleViolation,
  scheduleError,
  scheduleViolations,
} from './schedule-rules';
export {
  AGENT_DELETED_MESSAGE,
  BATCH_EVENT_TYPES,
  CALL_CANCELLED_MESSAGE,
  CALL_EVENT_TYPES,
  CALL_QUEUED_MESSAGE,
  DEFAULT_PAGE_SIZE,
  DEFAULT_PRIORITY,
  DEFAULT_RING_TIMEOUT_SECONDS,
  EVENT_TYPES,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
} from './spec-constants';
export {
  type CatalogEntry,
  deref,
  type OpenApiDocumentNode,
  type OperationNode,
  type ParameterNode,
  type PathItemNode,
  type RefOr,
  type ResolveRef,
  resolvePointer,
  resolveSchema,
  type SchemaNode,
  spec,
} from './spec-document';
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
} from './test-numbers';
export {
  type BodyFailure,
  bodyDetails,
  bodyFailure,
  checkParameterValue,
  type DateTimeParse,
  errorMessageAt,
  exceedsNestingDepth,
  parameterErrorMessage,
  parseDateTime,
  type ValidationDetail,
} from './validation-rules';
