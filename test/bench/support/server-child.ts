// The Outdial server in its own process, as a self-hoster runs it, with its own event loop.
import { subscribe } from 'node:diagnostics_channel';
import { type RunningServer, startServer } from '@outdial/server';
import { serveIpc } from './child-process-ipc';

let server: RunningServer | undefined;

/**
 * When each INVITE's headers left, on this process's monotonic clock: what the pacer counts, so
 * the bench can tell the pacer's window from the receiver's. The Dial queue's diagnostics channel
 * (src/dial/dial-diagnostics.ts, INVITE_SENT_CHANNEL).
 */
const inviteTimes: number[] = [];
subscribe('outdial:dial:invite-sent', (message) => {
  inviteTimes.push((message as { monotonicMs: number }).monotonicMs);
});

export interface ServerChildStart {
  dbPath: string;
  /** A PostgreSQL database to keep everything in instead of the SQLite file at `dbPath`. */
  databaseUrl?: string;
  livekit: { url: string; apiKey: string; apiSecret: string; sipTrunkId?: string };
  dialCps: number;
  dialMaxInFlight: number;
  seed?: boolean;
  /** OUTDIAL_METRICS: /metrics on the API port. */
  metrics?: boolean;
  /** Where webhooks are sent from (the server's default: a worker thread). */
  webhookDispatch?: 'worker' | 'in-process';
  /** SQLite's group commit of concurrent creates (the server's default: on). */
  groupCommit?: boolean;
}

export interface ServerChildInfo {
  url: string;
  apiKey?: string;
  agentId?: string;
  metricsUrl?: string;
}

serveIpc({
  ready: () => true,
  async start(args: ServerChildStart): Promise<ServerChildInfo> {
    server = await startServer({
      port: 0,
      ...(args.databaseUrl ? { databaseUrl: args.databaseUrl } : { dbPath: args.dbPath }),
      livekit: args.livekit,
      dialCps: args.dialCps,
      dialMaxInFlight: args.dialMaxInFlight,
      rateLimit: false,
      validateResponses: false,
      logLevel: 'silent',
      metrics: args.metrics ?? false,
      // The bench's webhook receivers listen on loopback.
      webhookAllowPrivate: true,
      ...(args.webhookDispatch ? { webhookDispatch: args.webhookDispatch } : {}),
      ...(args.groupCommit === undefined ? {} : { groupCommit: args.groupCommit }),
    });
    const urls = { url: server.url, ...(server.metricsUrl ? { metricsUrl: server.metricsUrl } : {}) };
    if (!args.seed) return urls;
    const org = await server.admin.createOrganization(`bench-${Date.now()}`);
    const { key } = await server.admin.createApiKey(org.id);
    const agent = await server.admin.createAgent(org.id, {
      name: 'Bench agent',
      phoneNumbers: ['+14155551234'],
    });
    return { ...urls, apiKey: key, agentId: agent.id };
  },
  inviteTimes: () => inviteTimes,
  async stop() {
    await server?.close();
    return true;
  },
});
