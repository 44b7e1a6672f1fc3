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
const invites: { callId: string; monotonicMs: number }[] = [];
subscribe('outdial:dial:invite-sent', (message) => {
  const { callId, monotonicMs } = message as { callId: string; monotonicMs: number };
  invites.push({ callId, monotonicMs });
});

/**
 * When calls entered the Dial queue (their `queued` commit, the store's transition channel), on
 * the same clock: only while the bench asks for it (a single call's wait), so a 100,000-call
 * backlog costs no memory here.
 */
let queuedAt: Map<string, number> | undefined;
subscribe('outdial:call:transition', (message) => {
  const { to, call } = message as { to: string; call: { id: string } };
  if (queuedAt && to === 'queued') queuedAt.set(call.id, performance.now());
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
  /** Who checkpoints SQLite's WAL (the server's default: a worker thread). */
  walCheckpoints?: 'worker' | 'inline';
  /**
   * As deployed: pino at `info` (its own logger, to stdout, which the stack points at a file) and
   * the per-API-key rate limit on with these limits. Default off: silent, no rate limit.
   */
  production?: { rateLimit: { windowMs: number; limit: number } };
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
      rateLimit: args.production?.rateLimit ?? false,
      validateResponses: false,
      logLevel: args.production ? 'info' : 'silent',
      metrics: args.metrics ?? false,
      // The bench's webhook receivers listen on loopback.
      webhookAllowPrivate: true,
      ...(args.webhookDispatch ? { webhookDispatch: args.webhookDispatch } : {}),
      ...(args.groupCommit === undefined ? {} : { groupCommit: args.groupCommit }),
      ...(args.walCheckpoints === undefined ? {} : { walCheckpoints: args.walCheckpoints }),
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
  inviteTimes: () => invites.map((invite) => invite.monotonicMs),
  /** Each INVITE's call and when it left, as epoch ms (timeOrigin + its monotonic time). */
  invitesSent: () =>
    invites.map((invite) => ({ callId: invite.callId, at: performance.timeOrigin + invite.monotonicMs })),
  recordQueued(on: boolean) {
    queuedAt = on ? new Map() : undefined;
    return true;
  },
  /**
   * The INVITEs this server sent between the call's commit into the queue and its own, and the ms
   * in between; null until both are known.
   */
  waitAfterCommit(callId: string): { slots: number; ms: number } | null {
    const committed = queuedAt?.get(callId);
    const own = invites.find((invite) => invite.callId === callId);
    if (committed === undefined || !own) return null;
    const slots = invites.filter((i) => i.monotonicMs > committed && i.monotonicMs < own.monotonicMs).length;
    return { slots, ms: own.monotonicMs - committed };
  },
  async stop() {
    await server?.close();
    return true;
  },
});
