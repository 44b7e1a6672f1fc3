/**
 * @module
 * The Outdial SDK. Until the client lands, it exports the API's types, generated from
 * `openapi.yaml`.
 */
export type { components, operations, paths } from './generated/openapi';
