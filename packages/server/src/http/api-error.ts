/**
 * @module
 * Transitional re-export: the server's error type and its builder are `@outdial/contract`'s,
 * shared with the mock. Import from `@outdial/contract` in new code.
 */
export {
  ApiError,
  apiError,
  type CatalogKey,
  type ErrorDetail,
  reasonOf,
  validationError,
} from '@outdial/contract';
