/**
 * The SDK's version, sent in the `User-Agent` header. A test keeps it equal to package.json's.
 *
 * @example
 * ```ts
 * import { VERSION } from '@outdial/sdk';
 * console.log(`using @outdial/sdk ${VERSION}`);
 * ```
 */
export const VERSION = '0.1.0';
