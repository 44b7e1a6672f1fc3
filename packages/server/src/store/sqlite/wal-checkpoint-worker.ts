/**
 * @module
 * SQLite's WAL checkpoints on a thread of their own (see wal-checkpointer.ts). A checkpoint copies
 * the pages committed to the WAL back into the database file and syncs both; run by the writer
 * (SQLite's default, every 1000 pages) it stalls the server's event loop for up to tens of ms,
 * every few dozen commits. Here a connection of its own checkpoints PASSIVE every `intervalMs`:
 * it never waits for a lock and never blocks the writer or the readers, which keep working while
 * it copies.
 */

import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

export interface WalCheckpointWorkerData {
  path: string;
  intervalMs: number;
}

/** Main thread → worker. */
export type ToWalCheckpointWorker = { kind: 'stop' };
/**
 * Worker → main thread: a checkpoint that copied pages, and the WAL's frames when it ran. Its exit
 * (the 'exit' event) says it stopped.
 */
export type FromWalCheckpointWorker = { kind: 'checkpointed'; walFrames: number; checkpointedFrames: number };

const port = parentPort;
if (!port) throw new Error('wal-checkpoint-worker.ts runs as a worker thread only');
const { path, intervalMs } = workerData as WalCheckpointWorkerData;

const db = new SQLite(path, { fileMustExist: true });
// The checkpoint syncs as the writer's own did (open-sqlite-database.ts): WAL before, file after.
db.pragma('synchronous = NORMAL');
// This connection only checkpoints: SQLite's own would run after commits it never makes, and the
// frames it copies go from the WAL to the file without its page cache (better-sqlite3's build
// default, 16 MiB, would only add to the server's RSS).
db.pragma('wal_autocheckpoint = 0');
db.pragma('cache_size = -256');

const timer = setInterval(() => {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  if (result && result.checkpointed > 0)
    port.postMessage({
      kind: 'checkpointed',
      walFrames: result.log,
      checkpointedFrames: result.checkpointed,
    } satisfies FromWalCheckpointWorker);
}, intervalMs);

port.on('message', (message: ToWalCheckpointWorker) => {
  if (message.kind !== 'stop') return;
  clearInterval(timer);
  db.close();
  port.close();
});
