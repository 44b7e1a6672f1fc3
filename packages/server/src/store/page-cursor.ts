/**
 * @module
 * Transitional re-export: the opaque list cursor is `@outdial/contract`'s codec, shared with the
 * mock. Import from `@outdial/contract` in new code.
 */
export { decodePageCursor, encodePageCursor, type PageCursor } from '@outdial/contract';
