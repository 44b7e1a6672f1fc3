import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';

/**
 * A TypeScript module run in its own Node process (through tsx), driven by request/response
 * messages over IPC. Benchmarks keep the server, the LiveKit emulator and the load generator in
 * separate processes, so no event loop's stall shows up as another's latency.
 */
export interface IpcChild {
  readonly process: ChildProcess;
  call<T = unknown>(command: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
}

interface Reply {
  id: string;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export async function startIpcChild(
  modulePath: string,
  env: Record<string, string> = {},
  /** A file the child's stdout is appended to (a server's log lines), instead of the bench's. */
  stdoutFile?: string,
): Promise<IpcChild> {
  const stdout = stdoutFile === undefined ? 'inherit' : openSync(stdoutFile, 'a');
  const child = fork(modulePath, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'inherit', 'ipc'],
  });
  // The child has its own copy of the descriptor.
  if (typeof stdout === 'number') closeSync(stdout);
  const pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (message: Reply) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(new Error(message.error));
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${modulePath} exited with ${code}`));
    pending.clear();
  });
  const ipc: IpcChild = {
    process: child,
    call<T>(command: string, args?: unknown): Promise<T> {
      const id = randomUUID();
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, command, args });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ipc.call('stop').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  await ipc.call('ready');
  return ipc;
}

/** The child side: answer commands from the parent until told to stop. */
export function serveIpc(handlers: Record<string, (args: never) => unknown>): void {
  process.on('message', async (message: { id: string; command: string; args: never }) => {
    const handler = handlers[message.command];
    try {
      if (!handler) throw new Error(`unknown command ${message.command}`);
      const value = await handler(message.args);
      process.send?.({ id: message.id, ok: true, value });
      if (message.command === 'stop') process.disconnect();
    } catch (error) {
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.stack : String(error),
      });
    }
  });
}
