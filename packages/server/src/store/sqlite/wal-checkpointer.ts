/**
 * @module
 * The main thread's side of the WAL checkpoints (wal-checkpoint-worker.ts). Measured under load
 * (test/bench: 1000 calls dialed at CPS 50), 80 of the writer's 5000 commits ran its own
 * checkpoint and took 1–75 ms of the event loop each, 923 ms in all, over 70% of the time every
 * commit took; such stalls are what costs the Dial queue its slots. With the thread: 30 commits
 * over 1 ms, 89 ms in all, the longest 14 ms (the rest of the commits' cost is theirs). With the
 * worker running, the writer's automatic checkpoint stays on only as a safety net, far out
 * ({@link SAFETY_NET_PAGES}), for a worker that cannot keep up; should the worker exit,
 * `onWorkerExit` brings the writer's usual checkpoints back.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../../server/worker-entry';
import type {
  FromWalCheckpointWorker,
  ToWalCheckpointWorker,
  WalCheckpointWorkerData,
} from './wal-checkpoint-worker';

/** SQLite's own default for `wal_autocheckpoint`: what the writer goes back to without the worker. */
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/**
 * The writer's automatic checkpoint while the worker runs: ~40 MiB of WAL at 4 KiB pages. Under a
 * steady stream of commits the worker's PASSIVE checkpoints copy every frame but the newest, and
 * SQLite only starts the WAL over once a checkpoint has copied all of it: it then grows until the
 * load pauses, or until this net, where the writer's own checkpoint finds nearly every frame
 * copied already and only finishes the job (one stall per 10,000 pages instead of one per 1000,
 * and a shorter one). So the WAL file may reach ~40 MiB on a busy server.
 */
export const SAFETY_NET_PAGES = 10_000;
/** Between checkpoints: ~1000 pages' worth of commits under the bench's heaviest load. */
const DEFAULT_INTERVAL_MS = 200;

export interface WalCheckpoint {
  /** Frames in the WAL when it ran. */
  walFrames: number;
  /** Of them, copied into the database file (all of them unless a reader still needs some). */
  checkpointedFrames: number;
}

export interface WalCheckpointerOptions {
  /** The database file (the writer has created it and its WAL). */
  path: string;
  intervalMs?: number;
  /** The worker exited unasked (it could not open the file, or crashed): checkpoint inline again. */
  onWorkerExit: () => void;
  /** Each checkpoint that copied pages (tests, diagnostics). */
  onCheckpoint?: (checkpoint: WalCheckpoint) => void;
}

export class WalCheckpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;
  #stopping = false;

  constructor({
    path,
    intervalMs = DEFAULT_INTERVAL_MS,
    onWorkerExit,
    onCheckpoint,
  }: WalCheckpointerOptions) {
    const entry = workerEntry('wal-checkpoint-worker', import.meta.url);
    this.#worker = new Worker(entry.url, {
      ...entry.options,
      workerData: { path, intervalMs } satisfies WalCheckpointWorkerData,
      name: 'outdial-wal-checkpoints',
    });
    // A thread of its own must not keep a server's process alive after close.
    this.#worker.unref();
    this.#worker.on('message', ({ walFrames, checkpointedFrames }: FromWalCheckpointWorker) =>
      onCheckpoint?.({ walFrames, checkpointedFrames }),
    );
    // Its failure is reported through onWorkerExit; an unhandled 'error' would throw here.
    this.#worker.on('error', () => undefined);
    this.#exited = new Promise((resolve) =>
      this.#worker.once('exit', () => {
        if (!this.#stopping) onWorkerExit();
        resolve();
      }),
    );
  }

  /** Stops the worker once its connection is closed (before the writer's, which checkpoints last). */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#worker.postMessage({ kind: 'stop' } satisfies ToWalCheckpointWorker);
    await this.#exited;
  }
}
