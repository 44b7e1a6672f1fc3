/**
 * @module
 * A replica's ties to the others on one PostgreSQL database: each trunk's leadership lock
 * (trunk-leadership.ts) driving that trunk's ReplicaDialQueue, and the signals (replica-signals.ts) that
 * wake its event streams, webhook senders and Dial queue for the others' commits. SQLite never
 * gets here: it is one process.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import type { Logger } from 'pino';
import type { QueuedCallRanks } from '../dial/queued-call-ranks';
import type { EventHub } from '../events/event-hub';
import type { CallStore } from '../ports/call-store';
import { PostgresNotifications } from './postgres-notifications';
import { type ReplicaSignal, ReplicaSignals } from './replica-signals';
import type { ReplicaTrunkDialQueues } from './replica-trunk-dial-queues';
import { TrunkLeadership } from './trunk-leadership';

export interface ReplicationOptions {
  /** The shared database (its `search_path`, from the URL's `options`, scopes lock and channel). */
  url: string;
  /** Whether anything is dialed here (LiveKit configured): only then are trunk locks contended for. */
  dials: boolean;
  calls: CallStore;
  /** Started already: its trunks are known. */
  queue: ReplicaTrunkDialQueues;
  hub: Pick<EventHub, 'wakeFor' | 'wakeAll'>;
  webhooks: { wake(): void };
  /** This replica's queue positions, told what the others queue and take out of the queue. */
  positions?: Pick<QueuedCallRanks, 'queued' | 'left' | 'reload'>;
  logger: Logger;
  /** Milliseconds between a follower's attempts to take the lock (and the leader's heartbeats). Default 500. */
  leadershipRetryMs?: number;
}

/** Whether this replica leads a trunk, as /readyz reports it. */
export interface TrunkLead {
  trunkId: string;
  leading: boolean;
}

export class Replication {
  readonly #leadership: TrunkLeadership | undefined;
  readonly #notifications: PostgresNotifications;
  readonly #signals: ReplicaSignals;
  readonly #queue: ReplicaTrunkDialQueues;
  /** As other replicas see this one (the leader's name in GET /api/v1/queue). */
  readonly replicaId = `${hostname()}:${process.pid}`;

  private constructor(options: ReplicationOptions, namespace: string) {
    const { queue, hub, webhooks, positions, logger } = options;
    const log = logger.child({ component: 'replication' });
    this.#queue = queue;
    this.#notifications = new PostgresNotifications({
      url: options.url,
      channel: `outdial:${namespace}`,
      logger: log,
      // Notifications sent meanwhile were missed, here and (if this replica's sends failed)
      // elsewhere: everyone re-reads.
      onReconnect: () => {
        apply({ kind: 'reread' });
        this.#signals.send({ kind: 'reread' });
      },
    });
    const apply = (signal: ReplicaSignal): void => {
      if (signal.kind === 'change') {
        hub.wakeFor(signal.organizationId, signal.callId);
        if (signal.webhooks) webhooks.wake();
        if (signal.queued) positions?.queued(signal.queued);
        if (signal.left) positions?.left(signal.left);
      } else if (signal.kind === 'reread') {
        hub.wakeAll();
        webhooks.wake();
        positions?.reload().catch((error: unknown) => {
          log.error({ err: error }, 'could not re-read the queue positions');
        });
      }
      queue.apply(signal);
    };
    this.#signals = new ReplicaSignals({
      notifications: this.#notifications,
      calls: options.calls,
      // Unique even for servers sharing a process (tests): a replica ignores only its own signals.
      replicaId: `${this.replicaId}:${randomBytes(4).toString('hex')}`,
      onSignal: apply,
      logger: log,
    });
    queue.broadcast = (signal) => this.#signals.send(signal);
    this.#leadership = options.dials
      ? new TrunkLeadership({
          url: options.url,
          namespace,
          replicaId: this.replicaId,
          ...(options.leadershipRetryMs === undefined ? {} : { retryMs: options.leadershipRetryMs }),
          logger: log,
          onChange: (trunkId, leading) => {
            const trunk = queue.queueOf(trunkId);
            if (leading) trunk.lead();
            else trunk.follow();
          },
        })
      : undefined;
  }

  /**
   * Listens, then contends for every trunk's lock (and for each trunk's that appears later);
   * resolves once this replica leads or follows each.
   */
  static async start(options: ReplicationOptions): Promise<Replication> {
    const replication = new Replication(options, await currentSchema(options.url));
    await replication.#notifications.start();
    replication.#signals.start();
    const leadership = replication.#leadership;
    if (leadership) {
      options.queue.onTrunk = (trunkId) => leadership.contend([trunkId]);
      await leadership.start(options.queue.trunks().map(({ trunkId }) => trunkId));
    }
    await options.queue.settled();
    return replication;
  }

  /** The trunks dialed and whether this replica leads each (none without LiveKit). */
  trunks(): TrunkLead[] {
    const leadership = this.#leadership;
    if (!leadership) return [];
    return this.#queue.trunks().map(({ trunkId }) => ({ trunkId, leading: leadership.leads(trunkId) }));
  }

  /** The replica dialing `trunkId` now (`host:pid`), whichever it is, or null when none does. */
  async leader(trunkId: string): Promise<string | null> {
    if (!this.#leadership) return null;
    if (this.#leadership.leads(trunkId)) return this.replicaId;
    return this.#leadership.leaderOf(trunkId).catch(() => null);
  }

  /** Gives up the lock (the queue then stops dialing) and stops listening. */
  async stop(): Promise<void> {
    await this.#leadership?.stop();
    this.#signals.stop();
    await this.#notifications.stop();
  }
}

/** What the replicas share: the schema the URL's connections work in. */
async function currentSchema(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
    return rows[0]?.schema ?? 'public';
  } finally {
    await client.end();
  }
}
