/**
 * @module
 * The Dial queues as the server runs them: one per SIP trunk (dial/trunk-dial-queues.ts), each a
 * DialQueue on SQLite (one process dials every trunk), or on PostgreSQL a ReplicaDialQueue
 * dialing while this replica leads the trunk.
 */
import type { Logger } from 'pino';
import type { LiveKitConnection } from '../config/livekit-connection';
import { ConcurrencyLimits } from '../dial/concurrency-limits';
import { DEFAULT_GUARD_BAND_MS } from '../dial/dial-pacer';
import { DialQueue, type DialQueueTrunk } from '../dial/dial-queue';
import { LiveKitDialer } from '../dial/livekit-dialer';
import { TrunkDialQueues } from '../dial/trunk-dial-queues';
import { UNNAMED_DEFAULT_TRUNK } from '../dial/trunk-queues';
import type { Clock } from '../ports/clock';
import type { DialKey } from '../ports/dial-backlog';
import type { Stores } from '../ports/stores';
import { ReplicaDialQueue } from '../replicas/replica-dial-queue';
import { ReplicaTrunkDialQueues } from '../replicas/replica-trunk-dial-queues';

export interface ServerDialQueuesOptions {
  stores: Stores;
  livekit: LiveKitConnection | null;
  logger: Logger;
  clock: Clock;
  /** DIAL_CPS: the budget of every trunk without a stored one. */
  dialCps: number;
  dialMaxInFlight?: number | undefined;
  maxConcurrentCalls?: number | undefined;
  dialGuardBandMs?: number | undefined;
  /** How often trunks and stored budgets are re-read. Default 5 s. */
  trunkRefreshMs?: number | undefined;
}

/** The default trunk's id as queues, metrics and the API name it. */
export function defaultTrunkIdOf(livekit: LiveKitConnection | null): string {
  return livekit?.sipTrunkId ?? UNNAMED_DEFAULT_TRUNK;
}

function parts(options: ServerDialQueuesOptions) {
  const { stores, livekit, logger } = options;
  // One limit per organization across its trunks: every trunk's queue of this process shares it.
  let readmit: (call: DialKey) => void = () => {};
  const concurrency = new ConcurrencyLimits({
    calls: stores.calls,
    perOrganization: options.maxConcurrentCalls,
    readmit: (call) => readmit(call),
  });
  const createDialQueue = (trunk: DialQueueTrunk, cps: number) =>
    new DialQueue({
      calls: stores.calls,
      backlog: stores.dialBacklog,
      dialer: livekit ? new LiveKitDialer(livekit) : null,
      logger, // The queue names its component (and trunk) itself.
      cps,
      maxInFlight: options.dialMaxInFlight ?? 50,
      maxConcurrentCallsPerOrganization: options.maxConcurrentCalls,
      ...(options.dialGuardBandMs === undefined ? {} : { guardBandMs: options.dialGuardBandMs }),
      wallClock: options.clock,
      trunk,
      concurrency,
    });
  const common = {
    defaultTrunkId: defaultTrunkIdOf(livekit),
    defaultCps: options.dialCps,
    backlog: stores.dialBacklog,
    budgets: async () =>
      new Map((await stores.trunkBudgets.list()).map(({ trunkId, cps }) => [trunkId, cps] as const)),
    concurrency,
    ...(options.trunkRefreshMs === undefined ? {} : { refreshMs: options.trunkRefreshMs }),
    logger,
  };
  // A held call whose limit freed goes back to the queue of the trunk that held it.
  const route = (queues: { queueOf(trunkId: string): { admit(call: DialKey): void } }) => {
    readmit = (call) => queues.queueOf(call.trunkId ?? common.defaultTrunkId).admit(call);
  };
  return { createDialQueue, common, route };
}

/** One process (SQLite): it dials every trunk. */
export function localDialQueues(options: ServerDialQueuesOptions): TrunkDialQueues {
  const { createDialQueue, common, route } = parts(options);
  const queues = new TrunkDialQueues({ ...common, createQueue: createDialQueue });
  route(queues);
  return queues;
}

/** A replica on PostgreSQL: each trunk dials here while this replica leads it. */
export function replicaDialQueues(options: ServerDialQueuesOptions): ReplicaTrunkDialQueues {
  const { createDialQueue, common, route } = parts(options);
  const queues = new ReplicaTrunkDialQueues({
    ...common,
    createQueue: (trunk, cps) =>
      new ReplicaDialQueue({
        createQueue: (termCps) => createDialQueue(trunk, termCps),
        cps,
        batches: options.stores.batches,
        takeoverQuietMs: 1000 + (options.dialGuardBandMs ?? DEFAULT_GUARD_BAND_MS),
        logger: options.logger.child({ trunkId: trunk.filter.trunkId }),
      }),
  });
  route(queues);
  return queues;
}
