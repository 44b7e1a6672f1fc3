/**
 * Another process writing the server's SQLite file, as the CLI, a backup script or a second
 * server would: it takes the write lock over and over (or once, for long) and holds it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ForeignWriter {
  /** Stops after the current round; resolves with the transactions the other process committed. */
  stop(): Promise<number>;
}

/**
 * Runs the writer until stopped. Each round holds the write lock `holdMs` (a random value in the
 * range), then leaves it free `gapMs`. better-sqlite3 is synchronous, so holding the lock is a
 * synchronous sleep inside the transaction.
 */
export function startForeignWriter(
  dbPath: string,
  options: { holdMs: [number, number]; gapMs: [number, number]; rounds?: number },
): Promise<ForeignWriter> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(dbPath)});
    db.pragma('busy_timeout = 10000');
    const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    const between = ([a, b]) => a + Math.random() * (b - a);
    const opts = ${JSON.stringify(options)};
    let commits = 0;
    let stopping = false;
    process.on('message', () => { stopping = true; });
    db.exec('create table if not exists foreign_writes (id integer primary key, at text)');
    process.send('ready');
    const round = () => {
      if (stopping || (opts.rounds !== undefined && commits >= opts.rounds)) {
        db.close();
        process.send({ commits }, () => process.disconnect());
        return;
      }
      db.exec('begin immediate');
      db.prepare('insert into foreign_writes (at) values (?)').run(new Date().toISOString());
      sleep(between(opts.holdMs));
      db.exec('commit');
      commits++;
      setTimeout(round, between(opts.gapMs));
    };
    round();
  `;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], {
    // better-sqlite3 resolves from the server package, whose dependency it is.
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const finished = new Promise<number>((done) => {
    child.on('message', (message) => {
      if (typeof message === 'object' && message !== null) done((message as { commits: number }).commits);
    });
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`foreign writer exited early (${code})`)));
    child.once('message', () => {
      child.removeAllListeners('exit');
      resolve({
        stop: () => {
          if (child.connected) child.send('stop');
          return finished;
        },
      });
    });
  });
}
