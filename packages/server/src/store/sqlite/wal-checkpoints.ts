/**
 * @module
 * When a file's WAL checkpoints move to their thread (wal-checkpointer.ts): once the store has
 * committed `startAfterChanges` changes (creates and status changes of calls, batch events), as
 * the webhook thread starts on its first work. Until then SQLite's own checkpoints run after the
 * writer's commits, one per ~1000 pages, which at that pace stalls nothing that matters; and an
 * idle or lightly used server never pays for the thread's V8 isolate (~11 MiB of RSS, measured
 * with 100,000 calls queued).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { type Kysely, sql } from 'kysely';
import type { CallStore } from '../../ports/call-store';
import { BATCH_EVENT_CHANNEL } from '../batch-changes';
import { CALL_TRANSITION_CHANNEL } from '../call-transitions';
import type { Database } from './sqlite-schema';
import {
  DEFAULT_AUTOCHECKPOINT_PAGES,
  SAFETY_NET_PAGES,
  type WalCheckpoint,
  WalCheckpointer,
} from './wal-checkpointer';

/** About the commits that fill SQLite's first 1000-page checkpoint under a create load. */
export const DEFAULT_START_AFTER_CHANGES = 100;

export interface WalCheckpointsOptions {
  /** The writer's connection: its automatic checkpoint is set aside while the thread runs. */
  db: Kysely<Database>;
  /** The store whose committed changes are counted (channels are process-wide). */
  calls: CallStore;
  /** The database file. */
  path: string;
  /** Committed changes before the thread starts; 0 starts it at once. */
  startAfterChanges?: number;
  intervalMs?: number;
  onCheckpoint?: (checkpoint: WalCheckpoint) => void;
}

export class WalCheckpoints {
  readonly #options: WalCheckpointsOptions;
  #changes = 0;
  #checkpointer: WalCheckpointer | undefined;
  #stopped = false;
  readonly #onChange = (message: unknown) => {
    if ((message as { calls: CallStore }).calls !== this.#options.calls) return;
    if (++this.#changes >= (this.#options.startAfterChanges ?? DEFAULT_START_AFTER_CHANGES))
      this.#startThread();
  };

  constructor(options: WalCheckpointsOptions) {
    this.#options = options;
    if ((options.startAfterChanges ?? DEFAULT_START_AFTER_CHANGES) <= 0) {
      this.#startThread();
      return;
    }
    subscribe(CALL_TRANSITION_CHANNEL, this.#onChange);
    subscribe(BATCH_EVENT_CHANNEL, this.#onChange);
  }

  /** Whether the thread has the checkpoints (started, and not exited unasked since). */
  get onThread(): boolean {
    return this.#checkpointer !== undefined;
  }

  /** Stops counting, and the thread once its connection is closed (before the writer's). */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe();
    await this.#checkpointer?.stop();
  }

  #startThread(): void {
    this.#unsubscribe();
    if (this.#stopped || this.#checkpointer) return;
    const { db, path, intervalMs, onCheckpoint } = this.#options;
    // Queued on the writer's connection in this order: the net first, and the default back after
    // it should the worker exit (nothing to do once the database is closed).
    void autocheckpoint(db, SAFETY_NET_PAGES).catch(() => undefined);
    this.#checkpointer = new WalCheckpointer({
      path,
      ...(intervalMs === undefined ? {} : { intervalMs }),
      ...(onCheckpoint ? { onCheckpoint } : {}),
      onWorkerExit: () => {
        this.#checkpointer = undefined;
        void autocheckpoint(db, DEFAULT_AUTOCHECKPOINT_PAGES).catch(() => undefined);
      },
    });
  }

  #unsubscribe(): void {
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onChange);
    unsubscribe(BATCH_EVENT_CHANNEL, this.#onChange);
  }
}

/** The writer's automatic checkpoint, after its commits, once the WAL holds `pages`. */
export async function autocheckpoint(db: Kysely<Database>, pages: number): Promise<void> {
  await sql.raw(`pragma wal_autocheckpoint = ${pages}`).execute(db);
}
