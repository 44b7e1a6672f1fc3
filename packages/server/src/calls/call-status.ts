/**
 * @module
 * Transitional re-export: the call status machine is `@outdial/contract`'s (openapi.yaml's
 * `x-transitions`), shared with the mock. Every status write still goes through
 * `transitionCall` (store/call-transitions.ts), which guards the UPDATE with
 * `WHERE status IN (allowedSourcesOf(to))`. Import from `@outdial/contract` in new code.
 */
export {
  ALLOWED_TRANSITIONS,
  allowedSourcesOf,
  CALL_STATUSES,
  CANCELLABLE_STATUSES,
  type CallStatus,
  canTransition,
  isTerminalStatus,
  TERMINAL_STATUSES,
} from '@outdial/contract';
