/**
 * @module
 * The SQLite implementation of the ports: one file, one connection that every store writes and
 * reads through, and on a file a second, read-only one for the events (sqlite-reader.ts).
 */
import type { Kysely } from 'kysely';
import { type Clock, wallClock } from '../../ports/clock';
import type { Stores } from '../../ports/stores';
import { GroupCommit } from './group-commit';
import { isPostgres } from './migrations/dialect';
import { migrateToLatest, type OpenSqliteDatabaseOptions, openSqliteDatabase } from './open-sqlite-database';
import { SqliteAgentStore } from './sqlite-agent-store';
import { SqliteApiKeyStore } from './sqlite-api-key-store';
import { SqliteBatchStore } from './sqlite-batch-store';
import { SqliteCallStore } from './sqlite-call-store';
import { SqliteDialBacklog } from './sqlite-dial-backlog';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';
import { SqliteOrganizationStore } from './sqlite-organization-store';
import { SqliteReader } from './sqlite-reader';
import { SqliteScheduledCalls } from './sqlite-scheduled-calls';
import type { Database } from './sqlite-schema';
import { SqliteTrunkBudgetStore } from './sqlite-trunk-budget-store';
import { SqliteWebhookDeliveryStore } from './sqlite-webhook-delivery-store';
import { SqliteWebhookEndpointStore } from './sqlite-webhook-endpoint-store';
import { SqliteWebhookSecretStore } from './sqlite-webhook-secret-store';
import type { WalCheckpoint } from './wal-checkpointer';
import { WalCheckpoints, type WalCheckpointsOptions } from './wal-checkpoints';

export class SqliteStores implements Stores {
  readonly organizations: SqliteOrganizationStore;
  readonly apiKeys: SqliteApiKeyStore;
  readonly agents: SqliteAgentStore;
  readonly calls: SqliteCallStore;
  readonly batches: SqliteBatchStore;
  readonly events: SqliteEventStore;
  readonly idempotency: SqliteIdempotencyStore;
  readonly dialBacklog: SqliteDialBacklog;
  readonly scheduledCalls: SqliteScheduledCalls;
  readonly webhookEndpoints: SqliteWebhookEndpointStore;
  readonly webhookDeliveries: SqliteWebhookDeliveryStore;
  readonly webhookSecrets: SqliteWebhookSecretStore;
  readonly trunkBudgets: SqliteTrunkBudgetStore;
  readonly #reader: SqliteReader | undefined;
  readonly #checkpoints: WalCheckpoints | undefined;

  /**
   * @param db SQLite itself, for what has no port: the migrations, and tests arranging states no
   * request can reach (test/support/sqlite-server.ts). Nothing in the server reads it.
   * @param clock stamps call transitions that bring no time of their own
   * @param groupCommit on SQLite, commit the creates of calls that arrive together in one
   *   transaction (group-commit.ts; default true). PostgreSQL runs transactions side by side.
   * @param reader on a SQLite file, a read-only connection for the events (sqlite-reader.ts);
   *   without it they read through `db`. PostgreSQL's pool needs none.
   * @param walCheckpoints on a SQLite file, when its WAL checkpoints move to their own thread
   *   (wal-checkpoints.ts); without it SQLite checkpoints after the writer's commits
   */
  constructor(
    readonly db: Kysely<Database>,
    clock: Clock = wallClock,
    {
      groupCommit = true,
      reader,
      walCheckpoints,
    }: {
      groupCommit?: boolean;
      reader?: SqliteReader | undefined;
      walCheckpoints?: Omit<WalCheckpointsOptions, 'db' | 'calls'>;
    } = {},
  ) {
    this.#reader = reader;
    this.organizations = new SqliteOrganizationStore(db);
    this.apiKeys = new SqliteApiKeyStore(db);
    this.agents = new SqliteAgentStore(db);
    this.calls = new SqliteCallStore(
      db,
      clock,
      groupCommit && !isPostgres(db) ? new GroupCommit(db) : undefined,
    );
    this.batches = new SqliteBatchStore(db, this.calls);
    this.events = new SqliteEventStore(db, reader);
    this.idempotency = new SqliteIdempotencyStore(db);
    this.dialBacklog = new SqliteDialBacklog(db, this.calls);
    this.scheduledCalls = new SqliteScheduledCalls(db);
    this.webhookEndpoints = new SqliteWebhookEndpointStore(db);
    this.webhookDeliveries = new SqliteWebhookDeliveryStore(db);
    this.webhookSecrets = new SqliteWebhookSecretStore(db);
    this.trunkBudgets = new SqliteTrunkBudgetStore(db);
    this.#checkpoints = walCheckpoints && new WalCheckpoints({ db, calls: this.calls, ...walCheckpoints });
  }

  /** Whether the file's WAL checkpoints run on their thread yet (tests). */
  get walCheckpointsOnThread(): boolean {
    return this.#checkpoints?.onThread ?? false;
  }

  async probeWritable(at: Date): Promise<void> {
    // An upsert of one row (migration 0003): a write, not `select 1`, which a full disk or a
    // foreign write lock still answer.
    await this.db
      .insertInto('health_probe')
      .values({ id: 1, at: at.toISOString() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ at: at.toISOString() }))
      .execute();
  }

  migrateToLatest(): Promise<string[]> {
    return migrateToLatest(this.db);
  }

  async close(): Promise<void> {
    await this.#checkpoints?.stop();
    this.#reader?.close();
    await this.db.destroy();
  }
}

export interface OpenSqliteStoresOptions extends OpenSqliteDatabaseOptions {
  clock?: Clock;
  groupCommit?: boolean;
  /**
   * Who checkpoints the WAL of a file: a worker thread (default, once the stores are busy:
   * wal-checkpoints.ts), or the writer itself after its commits, as SQLite does by default
   * (`inline`: only to measure what the worker buys, test/bench).
   */
  walCheckpoints?: 'worker' | 'inline';
  /** Between the worker's checkpoints (default 200 ms). */
  walCheckpointIntervalMs?: number;
  /** Committed changes before the worker starts (default 100; 0: at once). */
  walCheckpointThreadAfter?: number;
  /** Each of the worker's checkpoints that copied pages (tests). */
  onWalCheckpoint?: (checkpoint: WalCheckpoint) => void;
}

/** Opens (and by default migrates) the SQLite file. See {@link OpenSqliteStoresOptions}. */
export async function openSqliteStores(options: OpenSqliteStoresOptions): Promise<SqliteStores> {
  const db = await openSqliteDatabase(options);
  // Opened after the writer has created the file and its WAL.
  const reader = SqliteReader.open(options);
  // A file (an in-memory database has no reader, and no WAL).
  const onFile = reader !== undefined;
  const { path, walCheckpointIntervalMs, walCheckpointThreadAfter, onWalCheckpoint } = options;
  return new SqliteStores(db, options.clock, {
    ...(options.groupCommit === undefined ? {} : { groupCommit: options.groupCommit }),
    reader,
    ...(onFile && options.walCheckpoints !== 'inline'
      ? {
          walCheckpoints: {
            path,
            ...(walCheckpointIntervalMs === undefined ? {} : { intervalMs: walCheckpointIntervalMs }),
            ...(walCheckpointThreadAfter === undefined
              ? {}
              : { startAfterChanges: walCheckpointThreadAfter }),
            ...(onWalCheckpoint ? { onCheckpoint: onWalCheckpoint } : {}),
          },
        }
      : {}),
  });
}
