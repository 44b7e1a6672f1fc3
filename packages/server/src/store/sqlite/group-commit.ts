/**
 * @module
 * Group commit for SQLite: writes that arrive in the same event-loop turn share one transaction.
 *
 * SQLite has one writer, and each commit pays a fixed cost (BEGIN IMMEDIATE, appending the
 * changed pages to the WAL, the periodic checkpoint) whatever it holds; pages that several writes
 * change (the tables' and indexes' rightmost leaves) are written once per commit instead of once
 * per write. Each write runs in a savepoint of its own, so one that fails is rolled back alone and
 * rejects alone while the others commit. Every write resolves only after the commit that holds it,
 * so an answer built on it (a 201) is durable as before: `synchronous = NORMAL` in WAL mode, which
 * survives a crash of the process (not of the OS). The results are handed back in one go, so the
 * responses of a group go out in one event-loop turn.
 *
 * A write joins the group flushed at the next `setImmediate`: it waits at most for the I/O
 * callbacks already due in this turn, and for the group before it to commit.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './sqlite-schema';

/** Enough to share the commit cost; small enough that the last write of a group waits little. */
const DEFAULT_MAX_GROUP = 64;

interface PendingWrite<DB> {
  write(trx: Transaction<DB>): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** @typeParam DB the schema the writes use (the server's: {@link Database}) */
export class GroupCommit<DB = Database> {
  #pending: PendingWrite<DB>[] = [];
  #flushScheduled = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly maxGroup = DEFAULT_MAX_GROUP,
  ) {}

  /**
   * Runs `write` in the next group's transaction.
   * @returns what `write` returned, once its group has committed; its error (nothing of it
   *   written) if it threw; the commit's error if the group failed to commit
   */
  run<T>(write: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.#scheduleFlush();
    });
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    const group = this.#pending.splice(0, this.maxGroup);
    // The rest makes the next group; it waits for this one's commit on kysely's connection lock.
    if (this.#pending.length > 0) this.#scheduleFlush();
    let outcomes: Outcome[];
    try {
      outcomes = await this.db.transaction().execute((trx) => runGroup(trx, group));
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}

async function runGroup<DB>(trx: Transaction<DB>, group: readonly PendingWrite<DB>[]): Promise<Outcome[]> {
  // Alone in its transaction, a write needs no savepoint: its failure rolls the transaction back.
  if (group.length === 1) return [{ ok: true, value: await (group[0] as PendingWrite<DB>).write(trx) }];
  const outcomes: Outcome[] = [];
  for (const pending of group) {
    await sql`savepoint group_write`.execute(trx);
    try {
      const value = await pending.write(trx);
      await sql`release group_write`.execute(trx);
      outcomes.push({ ok: true, value });
    } catch (error) {
      // Undoes this write only; `release` then ends the savepoint (rollback to keeps it open).
      await sql`rollback to group_write`.execute(trx);
      await sql`release group_write`.execute(trx);
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
