/**
 * @module
 * A Dial queue in a real Node process (dial-queue-child-process.ts): to kill with SIGKILL
 * mid-burst, or to dial from an event loop that is not the emulator's.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DialQueueChildConfig } from './dial-queue-child-process';

export type { DialQueueChildConfig };

export interface ChildQueue {
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal: NodeJS.Signals): void;
  /** When each INVITE left the child's socket (its monotonic clock, ms), in order of report. */
  inviteTimes(): number[];
}

/** Starts the child and waits until it dials. */
export async function startChildQueue(config: DialQueueChildConfig): Promise<ChildQueue> {
  const script = fileURLToPath(new URL('./dial-queue-child-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // The tsconfig's `paths` resolve the workspace packages (@outdial/contract) to their sources,
    // as vitest's aliases do here, so the child needs no build.
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    },
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const invites: number[] = [];
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') resolve();
        else if (line.startsWith('invite ')) invites.push(Number(line.slice('invite '.length)));
      }
    });
    void exited.then((how) => reject(new Error(`child exited before it was ready (${how})`)));
  });
  return { exited, kill: (signal) => child.kill(signal), inviteTimes: () => [...invites] };
}

/** The most times in any half-open window of `windowMs`: what a CPS budget bounds. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first++;
    max = Math.max(max, last - first + 1);
  }
  return max;
}
