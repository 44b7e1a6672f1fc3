/**
 * @module
 * `@outdial/mock`: msw handlers that behave like the Outdial server (validated against the
 * bundled openapi.yaml, stateful, with the contract's test numbers and their outcomes), for
 * testing code that uses the Outdial API without a server.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createOutdialMock } from '@outdial/mock';
 *
 * const mock = createOutdialMock({ baseUrl: 'https://api.example.test' });
 * const server = setupServer(...mock.handlers);
 */

export type { CallStatus } from '@outdial/contract';
export { MAGIC_NUMBERS } from '@outdial/contract';
export {
  createOutdialMock,
  type OutdialMock,
  type OutdialMockOptions,
  type OutdialMockWebhooks,
} from './create-outdial-mock';
export type { ProgressionMode, StepDelaysMs } from './internal/call-progression';
export { DEFAULT_STEP_DELAYS_MS } from './internal/call-progression';
export type { Event } from './internal/event-log';
export type { Agent, Call } from './internal/mock-types';
export type { WebhookDelivery, WebhookEndpoint } from './internal/webhook-registry';
export type { SignedWebhook } from './internal/webhook-signature';
