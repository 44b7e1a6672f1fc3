/**
 * @module
 * A replica as the replica tests start it: in this process, on a test schema, dialing through the
 * emulator on `sipTrunkId` at `dialCps`, finding new trunks within 100 ms, silent, no rate limit.
 */
import type { LiveKitEmulator } from '@outdial/livekit-emulator';
import { type RunningServer, type ServerOptions, startServer } from '../../src/index';
import type { TestSchema } from './postgres-database';
import { schemaUrl } from './schema-url';

export function startReplica(
  schema: TestSchema,
  emulator: LiveKitEmulator,
  options: { sipTrunkId: string; agentName: string; dialCps: number } & Pick<
    ServerOptions,
    'leadershipRetryMs' | 'eventStreamKeepAliveMs'
  >,
): Promise<RunningServer> {
  const { sipTrunkId, agentName, ...rest } = options;
  return startServer({
    port: 0,
    databaseUrl: schemaUrl(schema),
    databasePoolSize: 4,
    livekit: {
      url: emulator.url,
      apiKey: emulator.apiKey,
      apiSecret: emulator.apiSecret,
      sipTrunkId,
      agentName,
    },
    rateLimit: false,
    trunkRefreshMs: 100,
    logLevel: 'silent',
    ...rest,
  });
}
