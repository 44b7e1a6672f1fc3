/**
 * @module
 * `@outdial/contract/testing`: what a test suite needs to prove a target keeps the contract.
 * Today, the one table of malformed and refused requests with the exact error each must get,
 * which the root contract suite runs over the mock and the real server.
 *
 * @example
 * import { BAD_REQUESTS } from '@outdial/contract/testing';
 *
 * it.each(BAD_REQUESTS)('$method $path: $name', async (bad) => {
 *   // send `bad` to your target, then compare the envelope with `bad.expect`
 * });
 */
export { BAD_REQUESTS, type BadRequestCase } from './bad-requests';
