/**
 * @module
 * One leader per SIP trunk among the replicas sharing a PostgreSQL database: the replica whose
 * dedicated connection holds the trunk's session advisory lock dials that trunk.
 *
 * Why a session advisory lock rather than a lease row with heartbeats:
 * - PostgreSQL releases it the moment the holder's session ends. A SIGKILLed replica's socket
 *   closes, its backend exits, and a follower retrying every `retryMs` takes the trunk within
 *   about `retryMs`: there is no lease expiry to wait out.
 * - No clocks are compared across machines; a lease is only as good as the clocks judging it.
 * - The holder knows at once when it loses it: its connection errors, and it stops dialing
 *   (it can no longer prove it leads). A silently dead network is caught by the heartbeat
 *   query's timeout here, and by short TCP keepalives on the session at the server.
 * The cost is one connection per replica outside the pool.
 *
 * Lock keys are the two-int form `(OUTDIAL_LOCK_CLASS, hashtext(namespace:trunkId))`, so they
 * never collide with another application's single-bigint advisory locks, and replicas of
 * different schemas (tests) do not contend with each other.
 */
import pg from 'pg';
import type { Logger } from 'pino';

/** 'outd' as a 32-bit integer: the first key of every Outdial trunk lock. */
export const OUTDIAL_LOCK_CLASS = 0x6f757464;

export interface TrunkLeadershipOptions {
  /** The PostgreSQL URL of the shared database. */
  url: string;
  /** What the locks are scoped to: the schema the replicas share. */
  namespace: string;
  /** This replica's name as others see it (`host:pid`), set as the session's application_name. */
  replicaId: string;
  /** Milliseconds between attempts to take trunks this replica does not lead, and heartbeats. Default 500. */
  retryMs?: number;
  /** A heartbeat slower than this counts as a lost connection. Default 2000. */
  heartbeatTimeoutMs?: number;
  /** Called when this replica starts or stops leading a trunk. */
  onChange?: (trunkId: string, leading: boolean) => void;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/** The prefix of a leader's `application_name`; the rest is its replica id. */
const APPLICATION_PREFIX = 'outdial ';

/**
 * The replica (`host:pid`) holding `trunkId`'s lock in `namespace` (the schema), or null: for
 * anyone with a connection to the database (a replica, `outdial trunks list`).
 */
export async function trunkLeaderOf(
  client: Pick<pg.ClientBase, 'query'>,
  namespace: string,
  trunkId: string,
): Promise<string | null> {
  const { rows } = await client.query<{ application_name: string }>(
    `select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.objsubid = 2
        and l.classid = $1::int4::oid and l.objid = hashtext($2)::oid`,
    [OUTDIAL_LOCK_CLASS, `${namespace}:${trunkId}`],
  );
  const name = rows[0]?.application_name;
  return name?.startsWith(APPLICATION_PREFIX) ? name.slice(APPLICATION_PREFIX.length) : null;
}

export class TrunkLeadership {
  readonly #options: Required<Omit<TrunkLeadershipOptions, 'onChange' | 'logger'>> &
    Pick<TrunkLeadershipOptions, 'onChange' | 'logger'>;
  /** The trunks this replica contends for. */
  readonly #wanted = new Set<string>();
  readonly #led = new Set<string>();
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #ticking = false;
  /** Until then this replica only follows: it just lost its connection, so healthy followers go first. */
  #benchedUntil = 0;

  constructor(options: TrunkLeadershipOptions) {
    this.#options = { retryMs: 500, heartbeatTimeoutMs: 2_000, ...options };
  }

  /** Starts contending for `trunkIds` (more may be added with {@link contend}). */
  async start(trunkIds: readonly string[] = []): Promise<void> {
    for (const trunkId of trunkIds) this.#wanted.add(trunkId);
    this.#running = true;
    await this.#tick();
  }

  /** Adds trunks to contend for; the next attempt (within `retryMs`) tries them. */
  contend(trunkIds: readonly string[]): void {
    for (const trunkId of trunkIds) this.#wanted.add(trunkId);
  }

  /** Whether this replica leads `trunkId` now. False the moment its connection is lost. */
  leads(trunkId: string): boolean {
    return this.#led.has(trunkId);
  }

  /** The trunks this replica leads now. */
  get ledTrunks(): string[] {
    return [...this.#led];
  }

  /** The replica id of `trunkId`'s leader, whichever replica it is, or null when none leads it. */
  async leaderOf(trunkId: string): Promise<string | null> {
    const client = this.#client;
    if (!client) return null;
    return trunkLeaderOf(client, this.#options.namespace, trunkId);
  }

  /** Gives up every trunk (ending the session releases the locks) and stops contending. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = undefined;
    this.#loseAll();
    await client?.end().catch(() => undefined);
  }

  async #tick(): Promise<void> {
    if (!this.#running || this.#ticking) return;
    this.#ticking = true;
    try {
      const client = this.#client ?? (await this.#connect());
      const benched = performance.now() < this.#benchedUntil;
      const missing = benched ? [] : [...this.#wanted].filter((trunkId) => !this.#led.has(trunkId));
      // One round trip: it is the heartbeat, and it tries every trunk not led yet.
      const { rows } = await client.query<{ trunk_id: string; taken: boolean }>({
        text: `select t.trunk_id, pg_try_advisory_lock($1, hashtext($2 || ':' || t.trunk_id)) as taken
                 from unnest($3::text[]) as t(trunk_id)`,
        values: [OUTDIAL_LOCK_CLASS, this.#options.namespace, missing],
      });
      if (client !== this.#client) return; // lost while the query ran
      for (const { trunk_id: trunkId, taken } of rows) {
        if (!taken || this.#led.has(trunkId)) continue;
        this.#led.add(trunkId);
        this.#options.logger?.info({ trunkId }, 'leading trunk');
        this.#options.onChange?.(trunkId, true);
      }
    } catch (error) {
      this.#lose(error);
    } finally {
      this.#ticking = false;
      if (this.#running) this.#timer = setTimeout(() => void this.#tick(), this.#options.retryMs);
    }
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.#options.url,
      application_name: `${APPLICATION_PREFIX}${this.#options.replicaId}`,
      // A heartbeat that hangs (a dead network, not a closed socket) is a lost leadership.
      query_timeout: this.#options.heartbeatTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: 1_000,
    });
    client.on('error', (error) => this.#lose(error, client));
    client.on('end', () => this.#lose(new Error('connection ended'), client));
    await client.connect();
    // PostgreSQL's side: notice a silently dead replica within about 5 s and end its session
    // (releasing its locks) instead of the OS default of hours.
    await client.query(
      'set tcp_keepalives_idle = 2; set tcp_keepalives_interval = 1; set tcp_keepalives_count = 3',
    );
    if (!this.#running) {
      await client.end();
      throw new Error('stopped while connecting');
    }
    this.#client = client;
    return client;
  }

  /** The connection is gone: every trunk is lost at once, and the next tick reconnects. */
  #lose(error: unknown, client = this.#client): void {
    if (client === undefined || client !== this.#client) return;
    this.#client = undefined;
    client.removeAllListeners('end');
    client.on('error', () => {});
    void client.end().catch(() => undefined);
    // A replica whose connection just failed may be the one in trouble: let the others, which
    // kept theirs, take its trunks first.
    this.#benchedUntil = performance.now() + 3 * this.#options.retryMs;
    if (this.#led.size > 0) {
      this.#options.logger?.warn(
        { err: error, trunks: [...this.#led] },
        'lost the database connection: no longer leading these trunks',
      );
    }
    this.#loseAll();
  }

  #loseAll(): void {
    for (const trunkId of [...this.#led]) {
      this.#led.delete(trunkId);
      this.#options.onChange?.(trunkId, false);
    }
  }
}
