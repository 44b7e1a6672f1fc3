/**
 * @module
 * Transitional: the validation rules moved to `@outdial/contract`. This subpath stays only until
 * the server's last import of `@outdial/mock/validation-rules` moves there; nothing else uses it.
 *
 * @deprecated Import from `@outdial/contract`.
 */
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
  type ResolveRef,
  type SchemaNode,
  type ValidationDetail,
} from '@outdial/contract';
