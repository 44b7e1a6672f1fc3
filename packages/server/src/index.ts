/**
 * @module
 * `@outdial/server`: the Outdial reference server. Start it in-process with {@link startServer},
 * or run the `outdial` CLI.
 */
export type { CallStatus } from '@outdial/contract';
export type { AgentResource as Agent } from './agents/agent-resource';
export type { CallResource as Call } from './calls/call-resource';
export { type EnvConfig, loadEnvConfig } from './config/env-config';
export type { Clock } from './ports/clock';
export type { AdminOperations } from './server/admin-operations';
export {
  type EmulatedLiveKit,
  type EmulatorTimings,
  type LiveKitConnection,
  type RunningServer,
  type ServerOptions,
  startServer,
} from './server/start-server';
